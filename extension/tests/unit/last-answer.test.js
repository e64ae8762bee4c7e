import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeText, lastAnswerFrom } from '../../lib/delivery/last-answer.js';
import { createBadge } from '../../background/badge.js';

const estimate = (central, text) => ({
  energy_wh: { low: central / 2, central, high: central * 3 },
  equivalents: text ? [{ id: 'led_bulb', text }] : [],
});

test('badge text is short: empty for none, k for thousands', () => {
  assert.deepEqual([0, null, 1, 42, 999, 1000, 12345, 500000].map(badgeText), ['', '', '1', '42', '999', '1k', '12k', '99k']);
});

test('the last answer is the newest estimated AI answer of a batch', () => {
  const batch = [
    { item: { id: 'a', ts: '2026-11-22T10:00:00Z', kind: 'chat', service: 'chatgpt' } },
    { item: { id: 'b', ts: '2026-11-22T10:05:00Z', kind: 'chat', service: 'claude' } },
    { item: { id: 'c', ts: '2026-11-22T10:09:00Z', kind: 'search', service: 'google' } },
    { item: { id: 'd', ts: '2026-11-22T10:07:00Z', kind: 'chat', service: 'gemini' } },
  ];
  const found = lastAnswerFrom(batch, { a: estimate(0.3), b: estimate(0.5, '20 seconds of an LED bulb'), c: estimate(0.03) });
  assert.equal(found.service, 'claude'); // d was not estimated (rejected), c is a plain search
  assert.equal(found.energy_wh.central, 0.5);
  assert.equal(found.equivalent, '20 seconds of an LED bulb');
  assert.equal(lastAnswerFrom(batch.slice(2, 3), { c: estimate(0.03) }), null);
  assert.equal(lastAnswerFrom(batch, {}), null);
});

test('the toolbar badge shows the host\'s count for today, and nothing when the host cannot answer', async () => {
  const calls = [];
  const action = {
    setBadgeText: async (x) => calls.push(['text', x.text]),
    setBadgeBackgroundColor: async (x) => calls.push(['colour', x.color]),
  };
  let reply = { type: 'summary', period: 'day', count: 12 };
  const badge = createBadge({ action, ask: async (kind, period) => (kind === 'summary' && period === 'day' ? reply : null) });
  assert.equal(await badge.update(), '12');
  reply = null;
  assert.equal(await badge.update(), '');
  assert.deepEqual(calls, [['text', '12'], ['colour', '#2e7d5b'], ['text', '']]);
  assert.equal(await createBadge({ action: undefined, ask: async () => reply }).update(), '');
});
