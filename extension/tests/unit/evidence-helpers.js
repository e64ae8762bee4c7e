// Runs a site's evidence fixtures (tests/fixtures/<site>/<variant>/) through
// its adapter the way content/page-hook.js does: each step's request goes to
// isSubmit and parseRequest (with the step's URL and headers), a recognised
// submit gets a reader fed with the step's response in uneven chunks; a
// resume request ({resume: true}) feeds the reader of the turn that handed
// off. Checks every variant against its expected.json, and that a truncated
// stream reads as incomplete and a junk stream as unparsed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/scripts.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Feeds `text` to a reader in small uneven chunks, as a network would. */
export function feed(reader, text, sizes = [7, 1, 33, 5, 64]) {
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const n = sizes[k++ % sizes.length];
    reader.push(text.slice(i, i + n));
    i += n;
  }
}

/** The variants of a site: [{name, dir, expected}] for each folder with an expected.json that lists steps. */
export function variants(service) {
  const root = path.join(FIXTURES, service);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'expected.json')))
    .map((d) => ({ name: d.name, dir: path.join(root, d.name),
      expected: JSON.parse(readFileSync(path.join(root, d.name, 'expected.json'), 'utf8')) }));
}

/** The turns the page hook would report for a variant's steps: [{parsed, out}]. */
export function runSteps(adapter, dir, steps) {
  const turns = [];
  let held = null;
  for (const step of steps) {
    const body = readFileSync(path.join(dir, step.request), 'utf8');
    const response = readFileSync(path.join(dir, step.response), 'utf8');
    if (!adapter.isSubmit({ url: step.url, method: step.method })) continue;
    const parsed = adapter.parseRequest(body, { url: step.url, headers: step.headers || {} });
    if (!parsed) continue;
    if (parsed.resume) {
      if (!held) continue;
      feed(held.reader, response);
      held.out = held.reader.finish();
      if (!held.out.handoff) {
        turns.push(held);
        held = null;
      }
      continue;
    }
    const reader = adapter.createReader();
    feed(reader, response);
    const turn = { parsed, reader, out: reader.finish() };
    if (turn.out.handoff) held = turn;
    else turns.push(turn);
  }
  if (held) turns.push(held);
  return turns;
}

/** Registers the evidence tests of one site. */
export function evidenceTests(service) {
  const adapter = adapterById(service);
  const list = variants(service);

  test(`${service}: has evidence variants and an EVIDENCE.md naming each`, () => {
    assert.ok(list.length >= 3, 'fewer than 3 variants');
    const evidence = readFileSync(path.join(FIXTURES, service, 'EVIDENCE.md'), 'utf8');
    for (const v of list) assert.ok(evidence.includes(`\`${v.name}\``), `EVIDENCE.md does not name ${v.name}`);
  });

  for (const { name, dir, expected } of list) {
    test(`${service} ${name}: one turn with the evidence's model, modes and counts`, () => {
      const turns = runSteps(adapter, dir, expected.steps);
      assert.equal(turns.length, 1, 'turns');
      const [{ parsed, out }] = turns;
      assert.equal(out.model || parsed.model, expected.model);
      assert.deepEqual([...new Set([...parsed.modes, ...(out.modes || [])])].sort(), expected.modes);
      assert.deepEqual(parsed.prompt, countScripts(expected.prompt_text));
      assert.deepEqual(out.response, countScripts(expected.response_text));
      assert.equal(out.images, expected.images);
      assert.equal(out.complete, expected.complete);
      assert.equal(out.parsed, expected.parsed);
    });

    test(`${service} ${name}: only counts leave the adapter`, () => {
      const turns = runSteps(adapter, dir, expected.steps);
      const json = JSON.stringify(turns.map((t) => [t.parsed, t.out]));
      for (const word of `${expected.prompt_text} ${expected.response_text}`.split(/\s+/)) {
        if (word.length >= 6 && word !== expected.model) assert.ok(!json.includes(word), `leaked "${word}"`);
      }
    });
  }

  const main = JSON.parse(readFileSync(path.join(FIXTURES, service, 'expected.json'), 'utf8'));
  const response = readFileSync(path.join(FIXTURES, service, 'response.txt'), 'utf8');

  test(`${service}: the main fixture's stream is complete and parsed`, () => {
    const reader = adapter.createReader();
    feed(reader, response);
    const out = reader.finish();
    assert.equal(out.complete, true);
    assert.equal(out.parsed, true);
    assert.deepEqual(out.response, countScripts(main.response_text));
  });

  test(`${service}: a stream cut short is parsed but not complete`, () => {
    const reader = adapter.createReader();
    feed(reader, response.slice(0, Math.floor(response.length / 2)));
    const out = reader.finish();
    assert.equal(out.complete, false);
    assert.equal(out.parsed, true);
  });

  for (const [label, junk] of [
    ['HTML', '<!doctype html><html><body>Something went wrong</body></html>'],
    ['JSON error', '{"detail":"Unauthorized"}'],
    ['other JSON events', 'data: {"foo": 1}\n\ndata: [1,2,3]\n\n15:{"json":{"x":1}}\n[["xy.z",null,"[]"]]\n'],
    ['nothing', ''],
  ]) {
    test(`${service}: a junk stream (${label}) is not parsed and breaks nothing`, () => {
      const reader = adapter.createReader();
      feed(reader, junk);
      const out = reader.finish();
      assert.equal(out.parsed, false);
      assert.equal(out.complete, false);
      assert.deepEqual(out.response, {});
    });
  }
}
