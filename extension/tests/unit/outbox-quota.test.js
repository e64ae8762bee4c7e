// The outbox against a flood (issue 15, finding 11): a page that forges
// interactions must not evict the user's undelivered queries, nor fill
// storage.local so that later real queries cannot be queued. The storage here
// behaves like Chromium's storage.local with its 10 MiB quota.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOutbox, storedBytes, MAX_ENTRY_BYTES, OUTBOX_BUDGET_BYTES, STORAGE_QUOTA_BYTES,
  OUTBOX_LIMIT } from '../../lib/delivery/outbox.js';
import { buildInteraction } from '../../lib/capture/interaction.js';
import { SCRIPT_CLASSES } from '../../lib/capture/scripts.js';
import { MODES } from '../../lib/adapters/common.js';
import { quotaStorage, QUOTA_ERROR } from './quota-storage.js';

const NOW = Date.parse('2026-11-22T10:00:00Z');
const big = () => Object.fromEntries(SCRIPT_CLASSES.map((c) => [c, 10000000]));

/** The largest Interaction buildInteraction can make: every field at its maximum. */
function worstItem(n = 0) {
  return buildInteraction({
    kind: 'chat', service: 'x'.repeat(40), model: 'm'.repeat(500), modes: [...MODES, ...MODES],
    prompt: big(), response: big(), context: big(), images: 1e9, duration_ms: 1e12, submitted_at: NOW,
  }, { id: `0190f5a4-0000-7000-8000-${String(n).padStart(12, '0')}`, now: NOW, browser: 'b'.repeat(40),
    page: `https://${'h'.repeat(180)}.example` });
}
const real = (n) => ({ item: { id: `real-${n}`, kind: 'chat' }, tabId: 1 });
const forged = (n) => ({ item: worstItem(n), tabId: 2 ** 31 - 1 });

test('the largest possible entry fits MAX_ENTRY_BYTES, and a full outbox leaves room in the quota', () => {
  const size = storedBytes(`outbox.${OUTBOX_LIMIT * 10}`, forged(1));
  assert.ok(size <= MAX_ENTRY_BYTES, `${size} bytes`);
  // Settings, health, the query log (1,000 keys) and the meta record need far less than this.
  assert.ok(OUTBOX_BUDGET_BYTES + MAX_ENTRY_BYTES <= STORAGE_QUOTA_BYTES - 1024 * 1024);
});

test('a flood of the largest items never evicts a waiting real item and never fills the quota', async () => {
  const storage = quotaStorage();
  const box = createOutbox(storage);
  await box.add([real(1), real(2), real(3)]);
  let refused = 0;
  for (let i = 0; i < 10000; i += 2500) {
    const { dropped } = await box.add(Array.from({ length: 2500 }, (_, j) => forged(i + j)));
    refused += dropped;
  }
  assert.ok(refused > 0, 'the flood was bounded');
  assert.ok(storage.usage() <= OUTBOX_BUDGET_BYTES + 1024, `${storage.usage()} bytes used`);
  const oldest = await box.peek(3);
  assert.deepEqual(oldest.map((e) => e.item.id), ['real-1', 'real-2', 'real-3']);
  // The rest of the extension can still write (settings, health, the query log).
  await storage.set({ settings: { badge: false }, queryLog: Object.fromEntries(Array.from({ length: 1000 },
    (_, i) => [`google:${'f'.repeat(64)}${i}`, NOW])) });
  const stats = await box.stats();
  assert.equal(stats.dropped, refused);
  // Once the host acknowledges what waits, there is room again.
  await box.remove((await box.peek(OUTBOX_LIMIT)).map((e) => e.seq));
  assert.deepEqual(await box.add([real(4)]), { added: 1, dropped: 0 });
  assert.deepEqual((await box.peek()).map((e) => e.item.id), ['real-4']);
});

test('an add that storage refuses counts as dropped, keeps nothing half-written, and shows in stats', async () => {
  const storage = quotaStorage({ quota: 3000 });
  const box = createOutbox(storage);
  assert.deepEqual(await box.add([real(1)]), { added: 1, dropped: 0 });
  await storage.set({ filler: 'x'.repeat(2000) }); // something else filled storage
  await assert.rejects(storage.set({ more: 'x'.repeat(2000) }), new RegExp(QUOTA_ERROR));
  const result = await box.add([forged(1), real(2)]);
  assert.equal(result.added, 0);
  assert.equal(result.dropped, 2);
  assert.deepEqual((await box.peek()).map((e) => e.item.id), ['real-1']);
  assert.equal((await box.stats()).dropped, 2);
  assert.equal((await box.stats()).count, 1);
});

test('drops are counted even when storage is too full for the meta record', async () => {
  const storage = quotaStorage({ quota: 400 });
  const box = createOutbox(storage);
  await box.add([real(1)]);
  const left = 400 - storage.usage();
  await storage.set({ f: 'x'.repeat(left - 9) }); // exactly full: key 1 + JSON quotes 2 + 6 more
  await box.add([real(2)]);
  assert.equal((await box.stats()).dropped, 1);
  await storage.remove('f');
  await box.add([real(3)]);
  assert.equal((await createOutbox(storage).stats()).dropped, 1, 'the carried drop reached storage');
});

test('an outbox written before bytes were counted measures them once', async () => {
  const storage = quotaStorage();
  await storage.set({ 'outbox.meta': { head: 0, tail: 2, count: 2, dropped: 0 }, 'outbox.0': real(1),
    'outbox.1': real(2) });
  const stats = await createOutbox(storage).stats();
  assert.equal(stats.bytes, storedBytes('outbox.0', real(1)) + storedBytes('outbox.1', real(2)));
});
