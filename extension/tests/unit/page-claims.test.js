// What a hostile page can claim (issue 15, findings 11 and 12): synthetic
// gestures grant nothing, each user action allows one submit, a tab is held to
// a rate, and counts are bounded by what the page shows and by absolute limits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActionGate, isSendGesture, isStopGesture, ACTION_MS } from '../../lib/capture/user-actions.js';
import { boundByPage, withinLimits, capCounts, total, MAX_PROMPT_CHARS, PAGE_SLACK_CHARS } from '../../lib/capture/plausible.js';
import { createRateLimit, BURST, REFILL_MS } from '../../lib/delivery/rate-limit.js';
import { createDomWatch } from '../../lib/capture/dom-watch.js';
import { buildInteraction } from '../../lib/capture/interaction.js';
import { FakeDocument, fakeObserverClass, installClock } from './fake-dom.js';

const NOW = Date.parse('2026-11-22T10:00:00Z');
const huge = { latin: 10000000, cjk: 10000000 };

test('only trusted clicks and Enter are send gestures', () => {
  assert.equal(isSendGesture({ type: 'click', isTrusted: true }), true);
  assert.equal(isSendGesture({ type: 'click', isTrusted: false }), false);
  assert.equal(isSendGesture({ type: 'keydown', key: 'Enter', isTrusted: true }), true);
  assert.equal(isSendGesture({ type: 'keydown', key: 'Enter', isTrusted: false }), false);
  assert.equal(isSendGesture({ type: 'keydown', key: 'Enter', shiftKey: true, isTrusted: true }), false);
  assert.equal(isSendGesture({ type: 'keydown', key: 'a', isTrusted: true }), false);
});

test('one user action allows one submit, for a limited time', () => {
  const gate = createActionGate();
  assert.equal(gate.take(1000), false, 'no action, no submit');
  gate.note(1000);
  assert.equal(gate.take(1200), true);
  assert.equal(gate.take(1300), false, 'the action was used');
  gate.note(2000);
  assert.equal(gate.take(2000 + ACTION_MS + 1), false, 'too late');
  for (let i = 0; i < 50; i += 1) gate.note(5000 + i);
  let taken = 0;
  while (gate.take(6000)) taken += 1;
  assert.equal(taken, 3, 'many clicks at once are remembered only up to MAX_GRANTS');
});

test('a page script\'s synthetic click on send is no intent for the DOM fallback', (t) => {
  const clock = installClock();
  t.after(() => clock.restore());
  const doc = new FakeDocument();
  const main = doc.documentElement.append(doc.createElement('main'));
  const send = doc.documentElement.append(doc.createElement('button', { id: 'send' }, 'Send'));
  const turns = [];
  const dom = createDomWatch({ adapter: { service: 'x', dom: { user: '[data-role="user"]',
    assistant: '[data-role="assistant"]', input: '#input', send: '#send' } }, doc, now: () => clock.now,
  Observer: fakeObserverClass(doc), onIntent: () => {}, onUserTurn: (u) => turns.push(u), onAnswerDone: () => {} });
  dom.start();
  doc.scriptedClick(send);
  main.append(doc.createElement('div', { 'data-role': 'user' }, 'forged question'));
  doc.observers[0].records += 1;
  fakeObserverClass(doc).deliver();
  clock.tick(500);
  dom.check();
  assert.equal(turns.length, 0);
  assert.deepEqual(dom.pageSize(), { chars: 15, images: 0 });
});

test('a tab is held to BURST interactions and then one per REFILL_MS', () => {
  const limit = createRateLimit();
  let ok = 0;
  for (let i = 0; i < 200; i += 1) if (limit.take(7, NOW + i)) ok += 1;
  assert.equal(ok, BURST);
  assert.equal(limit.take(8, NOW), true, 'another tab has its own bucket');
  assert.equal(limit.take(7, NOW + REFILL_MS + 200), true);
  assert.equal(limit.take(7, NOW + REFILL_MS + 300), false);
});

test('counts are capped in proportion, and absolute limits apply', () => {
  assert.deepEqual(capCounts({ latin: 300, cjk: 100 }, 200), [{ latin: 150, cjk: 50 }, true]);
  const { report, capped } = withinLimits({ prompt: huge, response: {}, context: {}, images: 100, model: 'x<script>' });
  assert.equal(capped, true);
  assert.ok(total(report.prompt) <= MAX_PROMPT_CHARS);
  assert.equal(report.images, 10);
  assert.equal(report.model, null);
  assert.equal(withinLimits({ prompt: { latin: 5 }, model: 'gpt-5-thinking', images: 0 }).capped, false);
});

test('traffic counts beyond what the page shows are capped and unconfirmed', () => {
  const forged = { source: 'traffic', prompt: huge, response: huge, context: huge, images: 100, model: 'm',
    domSeen: false };
  const out = boundByPage(forged, { chars: 1000, images: 0 });
  assert.equal(out.confirmed, false);
  assert.ok(total(out.prompt) + total(out.response) + total(out.context) <= 2 * 1000 + PAGE_SLACK_CHARS);
  assert.equal(out.images, 0);
  assert.equal(out.domSeen, undefined);
  const real = { source: 'traffic', prompt: { latin: 40 }, response: { latin: 3000 }, context: { latin: 900 },
    images: 0, model: 'gpt-5', domSeen: true };
  const kept = boundByPage(real, { chars: 2500, images: 0 });
  assert.equal(kept.confirmed, true);
  assert.deepEqual([kept.prompt, kept.response, kept.context], [real.prompt, real.response, real.context]);
  assert.equal(boundByPage({ ...real, domSeen: false }, { chars: 2500, images: 0 }).confirmed, false,
    'a prompt the page never showed');
});

test('the worker marks an unconfirmed chat turn and caps forged counts', () => {
  const ctx = { id: '0190f5a4-0000-7000-8000-000000000001', now: NOW, browser: 'chromium', page: 'https://chatgpt.com' };
  const item = buildInteraction({ kind: 'chat', service: 'chatgpt', prompt: huge, response: huge, context: huge,
    images: 100, model: 'a'.repeat(100), submitted_at: NOW, confirmed: true }, ctx);
  assert.equal(item.unconfirmed, true);
  assert.ok(total(item.prompt) <= MAX_PROMPT_CHARS);
  const fine = buildInteraction({ kind: 'chat', service: 'chatgpt', prompt: { latin: 5 }, confirmed: true }, ctx);
  assert.equal(fine.unconfirmed, undefined);
  assert.equal(buildInteraction({ kind: 'chat', service: 'chatgpt', confirmed: false }, ctx).unconfirmed, true);
});

test('a trusted click on the stop button is a stop, not a send', () => {
  const button = (attrs) => ({ getAttribute: (a) => attrs[a] ?? null });
  const click = (attrs, isTrusted = true) => ({ type: 'click', isTrusted, target: { closest: () => button(attrs) } });
  assert.equal(isStopGesture(click({ 'data-testid': 'stop-button' })), true); // ChatGPT
  assert.equal(isStopGesture(click({ 'aria-label': 'Stop response' })), true); // Claude, Gemini
  assert.equal(isStopGesture(click({ 'aria-label': '停止生成' })), true);
  // The other labels public automation code waits on (fixtures' EVIDENCE.md, "Stop control").
  assert.equal(isStopGesture(click({ 'data-testid': 'composer-stop-button' })), true); // ChatGPT, newer composer
  assert.equal(isStopGesture(click({ 'aria-label': 'Stop streaming' })), true); // ChatGPT
  assert.equal(isStopGesture(click({ 'aria-label': 'Stop generating' })), true);
  assert.equal(isStopGesture(click({ 'aria-label': 'Stop Response' })), true); // Claude, capitalised
  assert.equal(isStopGesture(click({ 'aria-label': 'Stop generation' })), true); // Gemini, before 2026
  assert.equal(isStopGesture(click({ 'aria-label': 'Send message' })), false);
  assert.equal(isStopGesture(click({ 'aria-label': 'Stopwatch' })), false);
  assert.equal(isStopGesture(click({ 'data-testid': 'stop-button' }, false)), false, 'a synthetic click is not the user');
  assert.equal(isStopGesture({ type: 'keydown', key: 'Enter', isTrusted: true }), false);
});
