// Runs a site's evidence fixtures through its adapter the way
// content/page-hook.js does: the main fixture and each variant (layout and
// transports: tests/e2e/fixture-steps.mjs). Each step's request goes to
// isSubmit (isSocket) and parseRequest, a recognised submit gets a reader fed
// with the step's answer in uneven chunks; a resume request ({resume: true})
// feeds the reader of the turn that handed off. See each site's EVIDENCE.md
// for where every shape was seen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/capture/scripts.js';
import { connectEnvelope, connectStream, dgwMessages, dgwRequest } from '../e2e/fixture-encoding.mjs';
import { FIXTURES, loadFixture, variantNames } from '../e2e/fixture-steps.mjs';

export { FIXTURES };

const SIZES = [7, 1, 33, 5, 64];

/** Text or bytes cut in small uneven chunks, as a network would. */
function chunks(data, sizes) {
  const out = [];
  for (let i = 0, k = 0; i < data.length; k += 1) {
    const n = sizes[k % sizes.length];
    out.push(data.slice(i, i + n));
    i += n;
  }
  return out;
}

/**
 * Feeds a reader the way the page hook does and returns whether a socket
 * reader said the turn ended. `data` is text (pushed in small uneven chunks,
 * as a network would), bytes (pushBytes, in chunks) or a list of pushes
 * ({text}, {bytes} or a whole socket message {frame}).
 */
export function feed(reader, data, sizes = SIZES) {
  if (Array.isArray(data)) {
    let ended = false;
    let text = false;
    for (const p of data) {
      text = p.text !== undefined;
      if (p.bytes) reader.pushBytes(p.bytes);
      else if (text) reader.push(p.text);
      else ended = reader.push(p.frame) === true || ended;
    }
    // The hook flushes its text decoder after a fetch stream's end: one more push, usually ''.
    if (text) reader.push('');
    return ended;
  }
  let text = false;
  for (const c of chunks(data, sizes)) {
    text = typeof c === 'string';
    if (text) reader.push(c);
    else reader.pushBytes(c);
  }
  // The hook flushes its text decoder after the stream's end: one more push, usually ''.
  if (text) reader.push('');
  return false;
}

/** The variants of a site: [{name, dir, expected, steps}]. */
export function variants(service) {
  return variantNames(service).map((name) => loadFixture(service, name));
}

/** The main fixture of a site, as a variant named "main". */
export function mainFixture(service) {
  return loadFixture(service);
}

/** A step's request as the adapter's parseRequest receives it from the page hook. */
export function requestAsSent(step) {
  if (step.transport === 'connect') return new TextDecoder().decode(connectEnvelope(step.body));
  if (step.transport === 'dgw') return new Uint8Array(dgwRequest(step.body));
  return step.body;
}

/** A step's answer as pushes: text chunks, byte chunks or whole socket messages. */
export function pushesOf(step, sizes = SIZES) {
  if (step.transport === 'socket') return step.answer.split('\n').filter((l) => l.trim()).map((l) => ({ frame: l }));
  if (step.transport === 'dgw') return dgwMessages(step.answer).map((b) => ({ frame: new Uint8Array(b) }));
  if (step.transport === 'connect') return chunks(new Uint8Array(connectStream(step.answer)), sizes).map((b) => ({ bytes: b }));
  return chunks(step.answer, sizes).map((t) => ({ text: t }));
}

/** The first half of pushes: a stream cut off before its end. */
export function truncated(pushes) {
  return pushes.slice(0, Math.max(1, Math.floor(pushes.length / 2)));
}

/** What a site might send that is not its stream: an HTML error page, or bytes. */
export function junkPushes(transport) {
  const html = '<!doctype html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>\n';
  if (transport === 'connect') return [{ bytes: new Uint8Array(Buffer.from(html)) }];
  if (transport === 'dgw') return [{ frame: new Uint8Array([0x0d, 1, 0, 5, 0, 0, 0x7b, 0x22, 0x78, 0x22, 0x7d]) }, { frame: new Uint8Array(Buffer.from(html)) }];
  if (transport === 'socket') return [{ frame: html }, { frame: '{"event":"somethingNew","payload":{}}' }];
  return [{ text: html }, { text: '{"unexpected": true}\n\ndata: {"also":"not the stream"}\n\n' }];
}

function recognised(adapter, step) {
  return step.socket ? adapter.isSocket(step.url) : adapter.isSubmit({ url: step.url, method: step.method });
}

/**
 * The turns the page hook would report for a fixture's steps: [{parsed, out,
 * ended}]. With `cut`, the last step's answer stops halfway.
 */
export function runSteps(adapter, steps, { cut = false } = {}) {
  const turns = [];
  let held = null;
  steps.forEach((step, i) => {
    if (!recognised(adapter, step)) return;
    const cutHere = cut && i === steps.length - 1;
    if (step.socket && held && typeof adapter.continuation === 'function') {
      // The socket a handed-off turn continues on (ChatGPT's subscribe_ws_topic): each message's stream text.
      const frames = cutHere ? truncated(pushesOf(step)) : pushesOf(step);
      const seen = new Set(); // the turn's stream items, as the hook keeps them
      for (const { frame } of frames) {
        const text = adapter.continuation(frame, seen);
        if (text) held.ended = held.reader.push(text) === true || held.ended;
      }
      held.out = held.reader.finish();
      turns.push(held);
      held = null;
      return;
    }
    const parsed = adapter.parseRequest(requestAsSent(step), { url: step.url, headers: step.headers || {} });
    if (!parsed) return;
    const pushes = cutHere ? truncated(pushesOf(step)) : pushesOf(step);
    if (parsed.resume) {
      if (!held) return;
      held.ended = feed(held.reader, pushes) || held.ended;
      held.out = held.reader.finish();
      if (!held.out.handoff) {
        turns.push(held);
        held = null;
      }
      return;
    }
    const reader = adapter.createReader(parsed);
    const ended = feed(reader, pushes);
    const turn = { parsed, reader, ended, out: reader.finish() };
    if (turn.out.handoff) held = turn;
    else turns.push(turn);
  });
  if (held) turns.push(held);
  return turns;
}

/** Registers the evidence tests of one site. */
export function evidenceTests(service) {
  const adapter = adapterById(service);
  const main = mainFixture(service);
  const list = variants(service);

  test(`${service}: has evidence variants and an EVIDENCE.md naming each`, () => {
    assert.ok(list.length >= 3, 'fewer than 3 variants');
    const evidence = readFileSync(path.join(FIXTURES, service, 'EVIDENCE.md'), 'utf8');
    for (const v of list) assert.ok(evidence.includes(`\`${v.name}\``), `EVIDENCE.md does not name ${v.name}`);
  });

  for (const { name, expected, steps } of [main, ...list]) {
    const label = `${service} ${name}`;
    const socket = steps.some((s) => s.transport === 'socket' || s.transport === 'dgw');

    test(`${label}: one turn with the evidence's model, modes and counts`, () => {
      const turns = runSteps(adapter, steps);
      assert.equal(turns.length, 1, 'turns (a request not recognised gives none)');
      const [{ parsed, out, ended }] = turns;
      assert.equal(out.model || parsed.model, expected.model);
      assert.deepEqual([...new Set([...parsed.modes, ...(out.modes || [])])].sort(), [...expected.modes].sort());
      assert.deepEqual(parsed.prompt, countScripts(expected.prompt_text));
      if (expected.context_text !== undefined) assert.deepEqual(parsed.context, countScripts(expected.context_text));
      assert.deepEqual(out.response, countScripts(expected.response_text));
      assert.equal(out.images, expected.images);
      assert.equal(out.complete, expected.complete, 'complete');
      assert.equal(out.parsed, expected.parsed, 'parsed');
      if (socket) assert.equal(ended, expected.complete, 'the socket turn ended');
    });

    test(`${label}: only counts leave the adapter`, () => {
      const turns = runSteps(adapter, steps);
      const json = JSON.stringify(turns.map((t) => [t.parsed, t.out]));
      for (const word of `${expected.prompt_text} ${expected.response_text}`.split(/\s+/)) {
        if (word.length >= 6 && word !== expected.model) assert.ok(!json.includes(word), `leaked "${word}"`);
      }
    });

    if (expected.complete) {
      test(`${label}: a stream cut off before its end is not complete`, () => {
        const turns = runSteps(adapter, steps, { cut: true });
        assert.equal(turns.length, 1, 'turns');
        assert.equal(turns[0].out.complete, false);
      });
    }

    test(`${label}: junk where the stream should be is not parsed`, () => {
      const [first] = steps;
      const parsed = adapter.parseRequest(requestAsSent(first), { url: first.url, headers: first.headers || {} });
      const reader = adapter.createReader(parsed);
      feed(reader, junkPushes(first.transport));
      const out = reader.finish();
      assert.equal(out.parsed, false);
      assert.equal(out.complete, false);
      assert.deepEqual(out.response, {});
    });
  }

  const [step] = main.steps;

  test(`${service}: the main fixture's stream is complete and parsed`, () => {
    const reader = adapter.createReader();
    feed(reader, pushesOf(step));
    const out = reader.finish();
    assert.equal(out.complete, true);
    assert.equal(out.parsed, true);
    assert.deepEqual(out.response, countScripts(main.expected.response_text));
  });

  test(`${service}: a stream cut short is parsed but not complete`, () => {
    const reader = adapter.createReader();
    feed(reader, truncated(pushesOf(step)));
    const out = reader.finish();
    assert.equal(out.complete, false);
    assert.equal(out.parsed, true);
  });

  const junks = step.transport === 'http' ? [
    ['HTML', '<!doctype html><html><body>Something went wrong</body></html>'],
    ['JSON error', '{"detail":"Unauthorized"}'],
    ['other JSON events', 'data: {"foo": 1}\n\ndata: [1,2,3]\n\n15:{"json":{"x":1}}\n[["xy.z",null,"[]"]]\n'],
    ['nothing', ''],
  ] : [['nothing', []]];
  for (const [label, junk] of junks) {
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
