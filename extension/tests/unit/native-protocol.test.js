import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchEntries, deliverEntries, readRecordReply, helloMessage, backoffMinutes, isHostMissing, HOST_NAME }
  from '../../lib/delivery/native-protocol.js';

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

// A fake host for deliverEntries: `answer(items)` gives the reply to one record.
function fakeHost(answer) {
  const sent = [];
  const settled = [];
  return {
    sent,
    settled,
    send: async (items) => {
      sent.push(items.map((i) => i.id));
      return answer(items);
    },
    settle: async (seqs, estimates, rejected) => {
      settled.push({ seqs, estimates, rejected: rejected.map((r) => [r.seq, r.code]) });
    },
  };
}
const ack = (items, extra = {}) => ({ type: 'ack', stored: items.map((i) => i.id), duplicate: [], rejected: [],
  estimates: {}, ...extra });
const settledSeqs = (host) => host.settled.flatMap((s) => s.seqs).sort((a, b) => a - b);

test('deliverEntries: one ack settles the whole batch', async () => {
  const host = fakeHost((items) => ack(items));
  const r = await deliverEntries(entries(5), host.send, host.settle);
  assert.deepEqual(host.sent.length, 1);
  assert.deepEqual(settledSeqs(host), [0, 1, 2, 3, 4]);
  assert.deepEqual(r, { retry: false, error: null, rejected: [], maxItems: null });
});

test('deliverEntries: error 8 halves the batch until the host takes it', async () => {
  const host = fakeHost((items) => (items.length > 3 ? { type: 'error', code: 8, message: 'too many' } : ack(items)));
  const r = await deliverEntries(entries(10), host.send, host.settle);
  assert.deepEqual(host.sent.map((s) => s.length), [10, 5, 3, 2, 5, 3, 2]);
  assert.deepEqual(settledSeqs(host), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(r.retry, false);
  assert.equal(r.maxItems, 3);
});

test('deliverEntries: error 8 for a single item is a retry, not a loop', async () => {
  const host = fakeHost(() => ({ type: 'error', code: 8, message: 'too many' }));
  const r = await deliverEntries(entries(2), host.send, host.settle);
  assert.deepEqual(host.sent.map((s) => s.length), [2, 1]);
  assert.equal(r.retry, true);
  assert.equal(r.error.code, 8);
  assert.deepEqual(settledSeqs(host), []);
});

test('deliverEntries: error 5 sends items one at a time and rejects the one that alone still fails', async () => {
  const bad = (i) => i.id === 'u2';
  const host = fakeHost((items) => (items.some(bad) ? { type: 'error', code: 5, message: 'bad field' } : ack(items)));
  const r = await deliverEntries(entries(4), host.send, host.settle);
  assert.deepEqual(host.sent, [['u0', 'u1', 'u2', 'u3'], ['u0'], ['u1'], ['u2'], ['u3']]);
  assert.deepEqual(settledSeqs(host), [0, 1, 2, 3]);
  assert.deepEqual(r.rejected.map((x) => [x.seq, x.id, x.code]), [[2, 'u2', 5]]);
  assert.equal(r.retry, false);
  assert.deepEqual(host.settled.find((s) => s.seqs[0] === 2).rejected, [[2, 5]]);
});

test('deliverEntries: a malformed item cannot block the outbox after error 8 either', async () => {
  const host = fakeHost((items) => {
    if (items.length > 2) return { type: 'error', code: 8, message: 'too many' };
    if (items.some((i) => i.id === 'u3')) return { type: 'error', code: 5, message: 'bad' };
    return ack(items);
  });
  const r = await deliverEntries(entries(6), host.send, host.settle);
  assert.deepEqual(settledSeqs(host), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(r.rejected.map((x) => x.seq), [3]);
  assert.equal(r.retry, false);
});

test('deliverEntries: items rejected inside an ack are settled and reported', async () => {
  const host = fakeHost((items) => ({ type: 'ack', stored: items.slice(1).map((i) => i.id), duplicate: [],
    rejected: [{ id: null, index: 0, code: 11, message: 'not a UUID' }], estimates: { u1: { x: 1 } } }));
  const r = await deliverEntries(entries(3), host.send, host.settle);
  assert.deepEqual(settledSeqs(host), [0, 1, 2]);
  assert.deepEqual(r.rejected.map((x) => [x.seq, x.code]), [[0, 11]]);
  assert.deepEqual(host.settled[0].estimates, { u1: { x: 1 } });
});

test('deliverEntries: errors 9 and 13 keep everything and stop', async () => {
  for (const code of [9, 13, 4]) {
    const host = fakeHost(() => ({ type: 'error', code, message: 'later' }));
    const r = await deliverEntries(entries(3), host.send, host.settle);
    assert.equal(host.sent.length, 1);
    assert.deepEqual(settledSeqs(host), []);
    assert.equal(r.retry, true);
    assert.equal(r.error.code, code);
  }
});

test('deliverEntries: error 9 while sending items one at a time stops there and keeps the rest', async () => {
  let n = 0;
  const host = fakeHost((items) => {
    n += 1;
    if (n === 1) return { type: 'error', code: 5, message: 'bad' };
    if (n === 3) return { type: 'error', code: 9, message: 'locked' };
    return ack(items);
  });
  const r = await deliverEntries(entries(4), host.send, host.settle);
  assert.deepEqual(host.sent, [['u0', 'u1', 'u2', 'u3'], ['u0'], ['u1']]);
  assert.deepEqual(settledSeqs(host), [0]);
  assert.equal(r.retry, true);
  assert.equal(r.error.code, 9);
});

test('deliverEntries: an ack that leaves items out is a retry for those', async () => {
  const host = fakeHost((items) => ack(items.slice(0, 1)));
  const r = await deliverEntries(entries(3), host.send, host.settle);
  assert.deepEqual(settledSeqs(host), [0]);
  assert.equal(r.retry, true);
});
