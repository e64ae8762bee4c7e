import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOutbox } from '../../lib/delivery/outbox.js';
import { memoryStorage } from './helpers.js';

const entry = (n) => ({ item: { id: `id-${n}` }, tabId: n });

test('items come out oldest first and leave only when removed', async () => {
  const box = createOutbox(memoryStorage());
  await box.add([entry(1), entry(2), entry(3)]);
  const first = await box.peek(2);
  assert.deepEqual(first.map((e) => e.item.id), ['id-1', 'id-2']);
  assert.deepEqual(await box.stats(), { count: 3, bytes: (await box.stats()).bytes, dropped: 0 });
  await box.remove(first.map((e) => e.seq));
  assert.deepEqual((await box.peek(10)).map((e) => e.item.id), ['id-3']);
  assert.equal((await box.stats()).count, 1);
  assert.equal((await box.stats()).dropped, 0);
});

test('state survives a new outbox over the same storage (worker restart)', async () => {
  const storage = memoryStorage();
  await createOutbox(storage).add([entry(1), entry(2)]);
  const again = createOutbox(storage);
  assert.deepEqual((await again.peek()).map((e) => e.item.id), ['id-1', 'id-2']);
});

test('kept items in the middle of a batch stay; gaps are skipped', async () => {
  const box = createOutbox(memoryStorage());
  await box.add([entry(1), entry(2), entry(3)]);
  const all = await box.peek();
  await box.remove([all[0].seq, all[2].seq]);
  assert.deepEqual((await box.peek()).map((e) => e.item.id), ['id-2']);
  await box.add([entry(4)]);
  assert.deepEqual((await box.peek()).map((e) => e.item.id), ['id-2', 'id-4']);
});

test('past the limit a new item is refused and counted; the waiting ones stay', async () => {
  const box = createOutbox(memoryStorage(), { limit: 3 });
  await box.add([entry(1), entry(2)]);
  assert.deepEqual(await box.add([entry(3), entry(4), entry(5)]), { added: 1, dropped: 2 });
  assert.deepEqual((await box.peek()).map((e) => e.item.id), ['id-1', 'id-2', 'id-3']);
  assert.equal((await box.stats()).count, 3);
  assert.equal((await box.stats()).dropped, 2);
});

test('concurrent adds are all kept', async () => {
  const box = createOutbox(memoryStorage());
  await Promise.all([1, 2, 3, 4, 5].map((n) => box.add([entry(n)])));
  assert.equal((await box.stats()).count, 5);
  assert.equal(new Set((await box.peek()).map((e) => e.item.id)).size, 5);
});

test('peek reads across many entries', async () => {
  const box = createOutbox(memoryStorage());
  await box.add(Array.from({ length: 600 }, (_, i) => entry(i)));
  const batch = await box.peek(100);
  assert.equal(batch.length, 100);
  await box.remove(batch.map((e) => e.seq));
  assert.equal((await box.peek(1000)).length, 500);
});
