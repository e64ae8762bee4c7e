import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uuid7 } from '../../lib/delivery/uuid7.js';

const FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('an id is a lowercase version-7 UUID with the RFC 9562 variant', () => {
  for (let i = 0; i < 200; i += 1) assert.match(uuid7(), FORM);
  const allOnes = uuid7(Date.now(), (b) => b.fill(0xff));
  assert.match(allOnes, FORM, 'version and variant bits are forced whatever the random bytes are');
});

test('the first 48 bits are the time in milliseconds', () => {
  const ms = Date.UTC(2026, 10, 22, 19, 45, 1, 234);
  const id = uuid7(ms, (b) => b.fill(0));
  assert.equal(parseInt(id.slice(0, 8) + id.slice(9, 13), 16), ms);
  assert.equal(id, `${ms.toString(16).padStart(12, '0').replace(/^(.{8})/, '$1-')}-7000-8000-000000000000`);
});

test('ids made later sort later, and ids of the same millisecond differ', () => {
  const start = Date.UTC(2026, 0, 1);
  const ids = [];
  for (let k = 0; k < 1000; k += 1) ids.push(uuid7(start + k * 37));
  assert.deepEqual([...ids].sort(), ids);
  const same = new Set(Array.from({ length: 1000 }, () => uuid7(start)));
  assert.equal(same.size, 1000);
});
