// Runs a site adapter over every evidence fixture of that site: the main one
// in tests/fixtures/<site>/ and each variant in tests/fixtures/<site>/variants/
// <name>/ (request, response, expected.json). A fixture's expected.json says
// how its bytes travel ("transport"): "http" (streamed text, the default),
// "connect" (Connect envelopes, binary), "socket" (one text WebSocket message
// a line) or "dgw" (one binary WebSocket message a line). See each site's
// EVIDENCE.md for where every shape was seen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/scripts.js';
import { connectEnvelope, connectStream, dgwMessages, dgwRequest } from '../e2e/fixture-encoding.mjs';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function readVariant(dir, name) {
  const files = readdirSync(dir);
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  const requestFile = files.find((f) => f.startsWith('request.'));
  const responseFile = files.find((f) => f.startsWith('response.'));
  return {
    name,
    dir,
    expected,
    transport: expected.transport || (expected.socket ? 'socket' : 'http'),
    request: readFileSync(path.join(dir, requestFile), 'utf8'),
    response: readFileSync(path.join(dir, responseFile), 'utf8'),
  };
}

/** The main fixture and every variant of a site. */
export function loadVariants(service) {
  const root = path.join(FIXTURES, service);
  const out = [readVariant(root, 'main')];
  const vdir = path.join(root, 'variants');
  if (existsSync(vdir)) {
    for (const name of readdirSync(vdir).sort()) out.push(readVariant(path.join(vdir, name), name));
  }
  return out;
}

/** The request as the adapter's parseRequest receives it from the page hook. */
export function requestAsSent(v) {
  if (v.transport === 'connect') return new TextDecoder().decode(connectEnvelope(v.request.trim()));
  if (v.transport === 'dgw') return new Uint8Array(dgwRequest(v.request));
  return v.request.trim();
}

/** The streamed answer as pushes: text chunks, byte chunks or whole socket messages. */
export function pushesOf(v, sizes = [7, 1, 33, 5, 64]) {
  if (v.transport === 'socket') return v.response.split('\n').filter((l) => l.trim()).map((l) => ({ frame: l }));
  if (v.transport === 'dgw') return dgwMessages(v.response).map((b) => ({ frame: new Uint8Array(b) }));
  const whole = v.transport === 'connect' ? new Uint8Array(connectStream(v.response)) : v.response;
  const out = [];
  let i = 0;
  let k = 0;
  while (i < whole.length) {
    const n = sizes[k++ % sizes.length];
    out.push(v.transport === 'connect' ? { bytes: whole.slice(i, i + n) } : { text: whole.slice(i, i + n) });
    i += n;
  }
  return out;
}

/** Feeds pushes to a reader the way the page hook does; returns whether a socket reader said the turn ended. */
export function feed(reader, pushes) {
  let ended = false;
  for (const p of pushes) {
    if (p.bytes) reader.pushBytes(p.bytes);
    else if (p.text !== undefined) reader.push(p.text);
    else ended = reader.push(p.frame) === true || ended;
  }
  return ended;
}

function urlOf(v) {
  return v.expected.submit ? v.expected.submit.url : v.expected.socket;
}

/** The first half of a fixture's pushes: a stream cut off before its end. */
export function truncated(v) {
  const pushes = pushesOf(v);
  return pushes.slice(0, Math.max(1, Math.floor(pushes.length / 2)));
}

/** What a site might send that is not its stream: an HTML error page, or bytes. */
export function junkPushes(v) {
  const html = '<!doctype html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>\n';
  if (v.transport === 'connect') return [{ bytes: new Uint8Array(Buffer.from(html)) }];
  if (v.transport === 'dgw') return [{ frame: new Uint8Array([0x0d, 1, 0, 5, 0, 0, 0x7b, 0x22, 0x78, 0x22, 0x7d]) }, { frame: new Uint8Array(Buffer.from(html)) }];
  if (v.transport === 'socket') return [{ frame: html }, { frame: '{"event":"somethingNew","payload":{}}' }];
  return [{ text: html }, { text: '{"unexpected": true}\n\ndata: {"also":"not the stream"}\n\n' }];
}

/** Registers the evidence tests of one site. */
export function testSiteEvidence(service) {
  const adapter = adapterById(service);
  const variants = loadVariants(service);

  test(`${service}: has an EVIDENCE.md`, () => {
    assert.ok(existsSync(path.join(FIXTURES, service, 'EVIDENCE.md')));
  });

  for (const v of variants) {
    const label = `${service} ${v.name}`;
    const { expected } = v;

    test(`${label}: the request is recognised, with its model, modes and prompt counts`, () => {
      if (expected.submit) assert.ok(adapter.isSubmit(expected.submit), 'submit not matched');
      else assert.ok(adapter.isSocket(expected.socket), 'socket not matched');
      const parsed = adapter.parseRequest(requestAsSent(v), { url: urlOf(v) });
      assert.ok(parsed, 'request not recognised');
      assert.deepEqual(parsed.prompt, countScripts(expected.prompt_text));
      if (expected.context_text !== undefined) assert.deepEqual(parsed.context, countScripts(expected.context_text));
    });

    test(`${label}: the stream gives the answer counts, model, modes and end`, () => {
      const parsed = adapter.parseRequest(requestAsSent(v), { url: urlOf(v) });
      const reader = adapter.createReader(parsed);
      const ended = feed(reader, pushesOf(v));
      const out = reader.finish();
      assert.deepEqual(out.response, countScripts(expected.response_text));
      assert.equal(out.images, expected.images);
      assert.equal(out.model || parsed.model, expected.model);
      assert.deepEqual([...new Set([...parsed.modes, ...(out.modes || [])])].sort(), [...expected.modes].sort());
      assert.equal(out.complete, expected.complete, 'complete');
      assert.equal(out.parsed, expected.parsed, 'parsed');
      if (v.transport === 'socket' || v.transport === 'dgw') assert.equal(ended, expected.complete, 'the socket turn ended');
    });

    test(`${label}: nothing but counts leaves the adapter`, () => {
      const parsed = adapter.parseRequest(requestAsSent(v), { url: urlOf(v) });
      const reader = adapter.createReader(parsed);
      feed(reader, pushesOf(v));
      const json = JSON.stringify([parsed, reader.finish()]);
      for (const word of [...expected.prompt_text.split(/\s+/), ...expected.response_text.split(/\s+/)]) {
        if (word.length >= 6 && word !== expected.model) assert.ok(!json.includes(word), `leaked "${word}"`);
      }
    });

    if (expected.complete) {
      test(`${label}: a stream cut off before its end is not complete`, () => {
        const parsed = adapter.parseRequest(requestAsSent(v), { url: urlOf(v) });
        const reader = adapter.createReader(parsed);
        feed(reader, truncated(v));
        assert.equal(reader.finish().complete, false);
      });
    }

    test(`${label}: junk where the stream should be is not parsed`, () => {
      const parsed = adapter.parseRequest(requestAsSent(v), { url: urlOf(v) });
      const reader = adapter.createReader(parsed);
      feed(reader, junkPushes(v));
      const out = reader.finish();
      assert.equal(out.parsed, false);
      assert.equal(out.complete, false);
      assert.deepEqual(out.response, {});
    });
  }
}
