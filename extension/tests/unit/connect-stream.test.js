// The Connect envelope reader (lib/capture/stream.js) that Kimi's binary stream goes through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnectParser, jsonAfterEnvelope } from '../../lib/capture/stream.js';
import { connectEnvelope } from '../e2e/fixture-encoding.mjs';

const stream = Buffer.concat([
  connectEnvelope({ op: 'set', block: { text: { content: '风电' } } }),
  connectEnvelope({ heartbeat: {} }),
  connectEnvelope('x'.repeat(300)), // a length with a byte of its own above 0x7f
  connectEnvelope({}, 2),
]);

test('envelopes come out whole however the bytes are cut, the last one marked as the end', () => {
  for (let size = 1; size <= stream.length; size += 7) {
    const got = [];
    const p = createConnectParser((m) => got.push(m));
    for (let i = 0; i < stream.length; i += size) p.push(new Uint8Array(stream.subarray(i, i + size)));
    assert.equal(got.length, 4, `chunks of ${size}`);
    assert.deepEqual(JSON.parse(got[0].data), { op: 'set', block: { text: { content: '风电' } } });
    assert.equal(got[2].data.length, 300);
    assert.deepEqual(got.map((m) => m.end), [false, false, false, true]);
    assert.equal(p.pending, 0);
  }
});

test('a cut-off envelope stays pending and is never decoded', () => {
  const got = [];
  const p = createConnectParser((m) => got.push(m));
  p.push(new Uint8Array(stream.subarray(0, stream.length - 3)));
  assert.equal(got.length, 3);
  assert.ok(p.pending > 0);
});

test('non-bytes are ignored', () => {
  const p = createConnectParser(() => assert.fail('no message'));
  p.push('text');
  p.push(null);
  assert.equal(p.pending, 0);
});

test('the JSON of an enveloped request body read as text, whatever its header bytes read as', () => {
  const body = { message: { blocks: [{ text: { content: 'hi' } }] } };
  const base = JSON.stringify({ ...body, pad: '' }).length;
  // Paddings that make a length byte read as "{" (0x7b) or as an invalid UTF-8 byte.
  const pads = [0, (0x17b - base) % 256, (0x17b - base) % 256 + 256, (0x7b00 - base), 300];
  for (const pad of pads) {
    const json = JSON.stringify({ ...body, pad: 'p'.repeat(pad) });
    const text = new TextDecoder().decode(connectEnvelope(json));
    assert.deepEqual(jsonAfterEnvelope(text), JSON.parse(json), `payload of ${json.length} bytes`);
    if (pad === pads[1]) assert.equal(connectEnvelope(json)[4], 0x7b);
  }
  assert.deepEqual(jsonAfterEnvelope('{"plain":true}'), { plain: true });
  assert.equal(jsonAfterEnvelope('\u0000\u0000\u0000\u0000\u0005hello'), undefined);
  assert.equal(jsonAfterEnvelope(null), undefined);
});
