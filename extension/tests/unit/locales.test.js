import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const locale = (l) => JSON.parse(readFileSync(path.join(ROOT, '_locales', l, 'messages.json'), 'utf8'));

test('en and zh_CN have the same keys and no empty message', () => {
  const en = locale('en');
  const zh = locale('zh_CN');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const table of [en, zh]) {
    for (const [key, entry] of Object.entries(table)) {
      assert.equal(typeof entry.message, 'string', key);
      assert.ok(entry.message.trim(), `empty message: ${key}`);
    }
  }
});

test('every message key used by the popup and options pages exists', () => {
  const en = locale('en');
  for (const file of ['popup/popup.html', 'popup/popup.js', 'options/options.html', 'options/options.js']) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/data-i18n(?:-\w+)?="(\w+)"|\bt\('(\w+)'|getMessage\('(\w+)'/g)) {
      const key = m[1] || m[2] || m[3];
      assert.ok(en[key], `${file}: ${key}`);
    }
  }
});
