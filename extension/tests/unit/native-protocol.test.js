import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchEntries, readRecordReply, helloMessage, backoffMinutes, isHostMissing, HOST_NAME }
  from '../../lib/native-protocol.js';

const entries = (n) => Array.from({ length: n }, (_, i) => ({ seq: i, item: { id: `u${i}` } }));

test('hello names the protocol, version and browser', () => {
  assert.deepEqual(helloMessage('1', '0.1.0', 'chromium'),
    { type: 'hello', protocol: 1, extension_version: '0.1.0', browser: 'chromium', req: '1' });
  assert.equal(HOST_NAME, 'org.wattprint.host');
});

test('batches hold at most 100 items and stay under the byte budget', () => {
  assert.deepEqual(batchEntries(entries(250)).map((b) => b.length), [100, 100, 50]);
  const big = entries(10).map((e) => ({ ...e, item: { id: e.item.id, pad: 'x'.repeat(1000) } }));
  assert.deepEqual(batchEntries(big, 100, 3000).map((b) => b.length), [2, 2, 2, 2, 2]);
});

test('stored, duplicate and rejected items are delivered; the rest kept', () => {
  const batch = entries(4);
  const r = readRecordReply({ type: 'ack', stored: ['u0'], duplicate: ['u2'],
    rejected: [{ id: null, index: 3, code: 10, message: 'bad' }], estimates: { u0: { energy_wh: {} } } }, batch);
  assert.deepEqual(r.delivered, [0, 2, 3]);
  assert.deepEqual(r.kept, [1]);
  assert.equal(r.retry, true);
  assert.ok(r.estimates.u0);
});

test('errors 9 and 13 (and any non-ack) keep every item', () => {
  for (const code of [9, 13, 5]) {
    const r = readRecordReply({ type: 'error', code, message: 'x' }, entries(3));
    assert.deepEqual(r.delivered, []);
    assert.deepEqual(r.kept, [0, 1, 2]);
    assert.equal(r.retry, true);
  }
  assert.equal(readRecordReply(undefined, entries(1)).retry, true);
});

test('backoff grows to an hour', () => {
  assert.deepEqual([0, 1, 2, 3, 6, 20].map(backoffMinutes), [1, 2, 4, 8, 60, 60]);
});

test('missing-host messages are recognised', () => {
  assert.ok(isHostMissing('Specified native messaging host not found.'));
  assert.ok(isHostMissing('Access to the specified native messaging host is forbidden.'));
  assert.ok(isHostMissing('No such native application org.wattprint.host'));
  assert.ok(!isHostMissing('Native host has exited.'));
});
