// The model names the extension sends always fit the host's model pattern
// (PROTOCOL.md, `model`; core/schemas.py MODEL_SLUG), so a page's odd model
// label never gets a real query rejected, and no formula or markup reaches
// the history.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { cleanModel } from '../../lib/adapters/common.js';

const HOST_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_ .:/()+@,-]{0,99}$/u;

test('real model labels pass unchanged', () => {
  for (const name of ['gpt-5-thinking', 'Claude Sonnet 4.5', 'gemini-3-flash', 'pplx_reasoning',
    'claude-sonnet-4-5@20250929', 'o3 (high)', '通义千问 Max']) {
    assert.equal(cleanModel(name), name);
  }
});

test('hostile labels are made to fit, or dropped', () => {
  const hostile = ['=HYPERLINK("http://x")', '+cmd|calc', '-2+3', '@SUM(1)', '\tx', '\r\nGPT',
    '<script>alert(1)</script>', 'a"b\'c', '\u0000\u001b[31m', '\ud800', '   ', '----', 'x'.repeat(300),
    'GPT‑4o “mini”', '🙂 model'];
  for (const name of hostile) {
    const cleaned = cleanModel(name);
    assert.ok(cleaned === null || HOST_PATTERN.test(cleaned), `${JSON.stringify(name)} -> ${JSON.stringify(cleaned)}`);
  }
  assert.equal(cleanModel('=HYPERLINK("x")'), 'HYPERLINK( x )');
  assert.equal(cleanModel('----'), null);
  assert.equal(cleanModel(42), null);
});
