import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { buildManifest, CHROMIUM_KEY, GECKO_ID } from '../../scripts/manifest.mjs';
import { ADAPTERS } from '../../lib/adapters/index.js';
import { ENGINES } from '../../lib/search/search-engines.js';
import { contentScripts } from '../../lib/content-scripts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
const locale = (l) => JSON.parse(readFileSync(path.join(ROOT, '_locales', l, 'messages.json'), 'utf8'));

test('permissions are exactly storage, nativeMessaging, alarms, scripting in both builds', () => {
  for (const b of ['chromium', 'firefox']) {
    const m = buildManifest(source, b);
    assert.deepEqual(m.permissions, ['storage', 'nativeMessaging', 'alarms', 'scripting']);
    assert.equal(m.optional_permissions, undefined);
    for (const p of m.host_permissions) {
      assert.ok(!/<all_urls>|^\*:|:\/\/\*\//.test(p), p);
      assert.match(p, /^https:\/\/[a-z0-9.-]+\//, p);
    }
  }
});

test('host permissions cover exactly the supported sites', () => {
  const m = buildManifest(source, 'chromium');
  const hosts = new Set(m.host_permissions.map((p) => new URL(p.replace(/\*$/, '')).hostname));
  const expected = new Set([...ADAPTERS.flatMap((a) => a.hosts), ...ENGINES.flatMap((e) => e.hosts)]);
  assert.deepEqual([...hosts].sort(), [...expected].sort());
});

test('chromium build: module service worker and the key that fixes the extension id', () => {
  const m = buildManifest(source, 'chromium');
  assert.deepEqual(m.background, { service_worker: 'background/service-worker.js', type: 'module' });
  assert.equal(m.key, CHROMIUM_KEY);
  assert.equal(m.browser_specific_settings, undefined);
  // Chromium id = first 32 hex digits of sha256(DER key), 0-f mapped to a-p.
  const hex = createHash('sha256').update(Buffer.from(CHROMIUM_KEY, 'base64')).digest('hex').slice(0, 32);
  const id = [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
  assert.equal(id, 'ggfcmjnhfijbkiopdachebogicdgfobd');
});

test('firefox build: background scripts, gecko id, data collection', () => {
  const m = buildManifest(source, 'firefox');
  assert.deepEqual(m.background, { scripts: ['background/service-worker.js'], type: 'module' });
  assert.equal(m.key, undefined);
  assert.equal(m.browser_specific_settings.gecko.id, GECKO_ID);
  assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
});

test('content scripts: none in the manifest; registered MAIN-world hook and isolated script at document_start', () => {
  const m = buildManifest(source, 'chromium');
  assert.equal(m.content_scripts, undefined, 'a switched-off site must get no script');
  const [hook, chat, search] = contentScripts({}, null);
  assert.equal(hook.world, 'MAIN');
  assert.equal(hook.runAt, 'document_start');
  assert.equal(chat.world, 'ISOLATED');
  assert.deepEqual(hook.matches, chat.matches);
  assert.equal(search.runAt, 'document_start');
  for (const s of [hook, chat, search]) {
    assert.equal(s.allFrames, false);
    for (const p of s.matches) assert.ok(m.host_permissions.includes(p), p);
  }
  assert.throws(() => buildManifest(source, 'safari'));
});

test('locales have identical key sets and every __MSG_ key exists', () => {
  const en = locale('en');
  const zh = locale('zh_CN');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const [k, v] of Object.entries(zh)) {
    assert.ok(v.message.trim(), k);
    const ph = (s) => (s.match(/\$[A-Z_]+\$/g) || []).sort();
    assert.deepEqual(ph(v.message), ph(en[k].message), `placeholders of ${k}`);
  }
  const used = JSON.stringify(source).match(/__MSG_(\w+)__/g).map((s) => s.slice(6, -2));
  for (const k of used) assert.ok(en[k], k);
  for (const file of ['popup/popup.html', 'options/options.html', 'popup/popup.js']) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/data-i18n="(\w+)"|t\('(\w+)'/g)) assert.ok(en[m[1] || m[2]], `${file}: ${m[1] || m[2]}`);
  }
});
