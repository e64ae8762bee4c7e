import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildInteraction, originOf, cleanCounts } from '../../lib/capture/interaction.js';
import { captureAllowed, pauseEnd, effectivePause } from '../../lib/settings.js';
import { detectBrowser } from '../../lib/browser-name.js';

const NOW = Date.parse('2026-11-22T10:00:00Z');
const ctx = { id: '0b6c3f9e-2a41-4c8e-9a57-0d2f6c1e8b3a', now: NOW, browser: 'chromium', page: 'https://chatgpt.com' };

test('an Interaction has exactly the protocol fields', () => {
  const item = buildInteraction({ kind: 'chat', service: 'chatgpt', model: 'gpt-5', modes: ['web_search', 'bogus'],
    prompt: { latin: 10, klingon: 3 }, response: { cjk: 4 }, context: null, images: 1, duration_ms: 1234.4,
    submitted_at: NOW - 5000, source: 'traffic', text: 'secret' }, ctx);
  assert.deepEqual(Object.keys(item).sort(), ['browser', 'context', 'duration_ms', 'id', 'images', 'kind', 'model',
    'modes', 'page', 'prompt', 'response', 'service', 'source', 'ts', 'video_seconds'].sort());
  assert.equal(item.source, 'traffic');
  assert.equal(item.ts, '2026-11-22T09:59:55.000Z');
  assert.deepEqual(item.modes, ['web_search']);
  assert.deepEqual(item.prompt, { latin: 10 });
  assert.deepEqual(item.context, {});
  assert.equal(item.duration_ms, 1234);
  assert.equal(item.video_seconds, 0);
});

test('bad reports are refused and out-of-range values clamped', () => {
  assert.equal(buildInteraction({ kind: 'chat', service: 'Not Valid!' }, ctx), null);
  assert.equal(buildInteraction({ kind: 'podcast', service: 'x' }, ctx), null);
  assert.equal(buildInteraction(null, ctx), null);
  const item = buildInteraction({ kind: 'search', service: 'google', images: 500, duration_ms: -5,
    submitted_at: NOW - 3 * 86400000, model: 'm'.repeat(300) }, ctx);
  assert.equal(item.images, 10, 'no turn makes more than 10 images');
  assert.equal(item.duration_ms, 0);
  assert.equal(item.ts, new Date(NOW).toISOString(), 'a stale time becomes now');
  assert.equal(item.model, null, 'a model name longer than 100 characters is no model id');
  assert.equal(item.unconfirmed, true, 'capped values mark the item');
  assert.equal(buildInteraction({ kind: 'search', service: 'google', duration_ms: null }, ctx).duration_ms, null);
});

test('counts are integers within 0..10,000,000', () => {
  assert.deepEqual(cleanCounts({ latin: 1.5, cjk: -1, kana: 2e7, other: 3 }), { kana: 10000000, other: 3 });
});

test('the page is the origin only', () => {
  assert.equal(originOf('https://chatgpt.com/c/123?model=x#y'), 'https://chatgpt.com');
  assert.equal(originOf('chrome-extension://abc/popup.html'), '');
});

test('pause, per-site switch and private windows', () => {
  const now = NOW;
  const base = { settings: {}, hostSettings: null, service: 'claude', incognito: false, now };
  assert.deepEqual(captureAllowed(base), { ok: true });
  assert.equal(captureAllowed({ ...base, settings: { pausedUntil: new Date(now + 1000).toISOString() } }).reason, 'paused');
  assert.equal(captureAllowed({ ...base, settings: { pausedUntil: new Date(now - 1000).toISOString() } }).ok, true);
  assert.equal(captureAllowed({ ...base, hostSettings: { paused_until: new Date(now + 1000).toISOString() } }).ok, false);
  assert.equal(captureAllowed({ ...base, settings: { disabledSites: ['claude'] } }).reason, 'site-off');
  assert.equal(captureAllowed({ ...base, hostSettings: { excluded_sites: ['claude'] } }).reason, 'site-off');
  assert.equal(captureAllowed({ ...base, incognito: true }).reason, 'private-window', 'off by default');
  assert.equal(captureAllowed({ ...base, incognito: true, settings: { privateWindows: true } }).ok, true);
  assert.equal(captureAllowed({ ...base, incognito: true, hostSettings: { private_windows: true } }).ok, true);
});

test('pause ends', () => {
  const now = new Date(2026, 10, 22, 15, 30);
  assert.equal(Date.parse(pauseEnd('hour', now)) - now.getTime(), 3600000);
  const tomorrow = new Date(pauseEnd('tomorrow', now));
  assert.deepEqual([tomorrow.getDate(), tomorrow.getHours(), tomorrow.getMinutes()], [23, 0, 0]);
  assert.throws(() => pauseEnd('forever', now));
  const later = new Date(NOW + 7200000).toISOString();
  assert.equal(effectivePause({ pausedUntil: new Date(NOW + 1000).toISOString() }, { paused_until: later }, NOW), later);
});

test('browser names', async () => {
  assert.equal(await detectBrowser({ getBrowserInfo: async () => ({ name: 'Firefox' }) }, {}), 'firefox');
  assert.equal(await detectBrowser({}, { brave: { isBrave: async () => true } }), 'brave');
  assert.equal(await detectBrowser({}, { userAgentData: { brands: [{ brand: 'Microsoft Edge' }] } }), 'edge');
  assert.equal(await detectBrowser({}, { userAgentData: { brands: [{ brand: 'Google Chrome' }, { brand: 'Chromium' }] } }), 'chrome');
  assert.equal(await detectBrowser({}, { userAgentData: { brands: [{ brand: 'Chromium' }] }, userAgent: '' }), 'chromium');
});
