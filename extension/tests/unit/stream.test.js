import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLineSplitter, createSseParser } from '../../lib/capture/stream.js';

test('lines come out the same however the stream is cut, with \\n or \\r\\n', () => {
  const text = 'one\r\ntwo\n\nthree\r\n\r\nfour\rstill four\nlast';
  const want = ['one', 'two', '', 'three', '', 'four\rstill four', 'last'];
  for (let size = 1; size <= text.length; size += 1) {
    const got = [];
    const s = createLineSplitter((l) => got.push(l));
    for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
    s.end();
    assert.deepEqual(got, want, `chunks of ${size}`);
  }
});

test('server-sent events are dispatched at blank lines, comments skipped', () => {
  const got = [];
  const p = createSseParser((e) => got.push(e));
  p.push('event: delta\ndata: {"v": 1}\n\n: comment\ndata: a\ndata: b\n\ndata: [DO');
  p.push('NE]\n');
  p.end();
  assert.deepEqual(got, [{ event: 'delta', data: '{"v": 1}' }, { event: 'message', data: 'a\nb' },
    { event: 'message', data: '[DONE]' }]);
});
