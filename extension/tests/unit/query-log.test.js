import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createQueryLog } from '../../lib/search/query-log.js';
import { sha256Hex, hmacHex } from '../../lib/search/hash.js';
import { memoryStorage } from './helpers.js';

test('a query counts once within the window; reloads and further pages do not', async () => {
  let now = 1000;
  const log = createQueryLog(memoryStorage(), { windowMs: 60000, now: () => now });
  assert.equal(await log.note('google:abc'), true);
  now += 5000;
  assert.equal(await log.note('google:abc'), false);
  assert.equal(await log.note('bing:abc'), true, 'another engine is another query');
  now += 59000; // sliding: the repeat view 5 s in extended the window
  assert.equal(await log.note('google:abc'), false);
  now += 61000;
  assert.equal(await log.note('google:abc'), true, 'after the window it is a new query');
});

test('the log is bounded', async () => {
  let now = 0;
  const storage = memoryStorage();
  const log = createQueryLog(storage, { max: 3, now: () => now });
  for (const k of ['a', 'b', 'c', 'd']) {
    now += 1;
    await log.note(k);
  }
  assert.deepEqual(Object.keys(storage.data.get('queryLog')).sort(), ['b', 'c', 'd']);
  assert.equal(await log.note('a'), true, 'the oldest was dropped');
});

test('what is stored holds no query text', async () => {
  const storage = memoryStorage();
  const log = createQueryLog(storage);
  const hash = await sha256Hex('google\nheat pump');
  await log.note(`google:${await hmacHex('00'.repeat(32), hash)}`);
  const stored = JSON.stringify([...storage.data]);
  assert.ok(!stored.includes('heat'));
  assert.ok(!stored.includes(hash), 'only the keyed hash is kept');
});

test('hash helpers', async () => {
  assert.equal(await sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal((await hmacHex('0b'.repeat(20), 'Hi There')).slice(0, 16), 'b0344c61d8db3853');
});
