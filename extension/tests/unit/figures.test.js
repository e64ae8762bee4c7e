import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inRange, plain, rangeFigures } from '../../lib/figures.js';

test('a figure carries the significant figures its range supports', () => {
  assert.equal(rangeFigures(0.1, 0.29), 2);
  assert.equal(rangeFigures(0.1, 0.31), 1, 'three times wide: one figure');
  assert.equal(rangeFigures(0, 1), 1);
  assert.deepEqual(inRange(0.34, 0.17, 0.7), ['0.3', '0.2', '0.7']);
  assert.deepEqual(inRange(0.34, 0.25, 0.45), ['0.34', '0.25', '0.45']);
  assert.deepEqual(inRange(0.0042, 0.003, 0.006), ['0.0042', '0.003', '0.006']);
});

test('no trailing zeros, a thousands separator, and never 0.00 for a small figure', () => {
  assert.equal(plain(13053), '13,000');
  assert.equal(plain(0.1349), '0.13');
  assert.equal(plain(2.5), '2.5');
  assert.equal(plain(2.0), '2');
  assert.equal(plain(0.004), '0.004');
  assert.equal(plain(0.00004), '4.0e-5');
  assert.equal(plain(0), '0');
  assert.equal(plain(Number.NaN), '?');
});
