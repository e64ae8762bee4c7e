import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captureAllowed, effectivePause } from '../../lib/settings.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const at = (minutes) => new Date(NOW + minutes * 60000).toISOString();

test('the later pause wins, whichever side set it; past pauses are ignored', () => {
  assert.equal(effectivePause({ pausedUntil: at(60) }, { paused_until: at(30) }, NOW), at(60));
  assert.equal(effectivePause({ pausedUntil: at(30) }, { paused_until: at(90) }, NOW), at(90));
  assert.equal(effectivePause({ pausedUntil: at(-5) }, { paused_until: null }, NOW), null);
  assert.equal(effectivePause({ pausedUntil: at(-5) }, { paused_until: at(10) }, NOW), at(10));
  assert.equal(captureAllowed({ settings: {}, hostSettings: { paused_until: at(10) }, service: 'chatgpt', now: NOW }).reason,
    'paused');
});

test('excluded sites are the union of both sides', () => {
  const check = (service) => captureAllowed({ settings: { disabledSites: ['claude'] },
    hostSettings: { excluded_sites: ['google'] }, service, now: NOW });
  assert.equal(check('claude').reason, 'site-off');
  assert.equal(check('google').reason, 'site-off');
  assert.equal(check('chatgpt').ok, true);
});

test('private windows count when either side turned them on', () => {
  const check = (mine, app) => captureAllowed({ settings: { privateWindows: mine },
    hostSettings: { private_windows: app }, service: 'chatgpt', incognito: true, now: NOW }).ok;
  assert.equal(check(false, false), false);
  assert.equal(check(true, false), true);
  assert.equal(check(false, true), true);
  assert.equal(captureAllowed({ settings: {}, hostSettings: null, service: 'chatgpt', incognito: true, now: NOW }).ok,
    false);
});
