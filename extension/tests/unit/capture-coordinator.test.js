import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoordinator, GRACE_MS, MATCH_MS, SILENT_MS } from '../../lib/capture-coordinator.js';

function setup() {
  const emitted = [];
  const health = [];
  const c = createCoordinator({ service: 'claude', emit: (r) => emitted.push(r), health: (h) => health.push(h) });
  return { c, emitted, health };
}

test('traffic submit + DOM turn of the same prompt give one interaction', () => {
  const { c, emitted, health } = setup();
  c.intent(1000);
  c.netSubmit({ turn: 1, at: 1010, model: 'm', modes: ['reasoning'], prompt: { latin: 5 }, context: { latin: 50 } });
  c.domUserTurn({ at: 1100, prompt: { latin: 5 }, context: {} });
  c.domAnswerDone({ at: 5000, response: { latin: 99 } });
  c.netEnd({ turn: 1, at: 4000, response: { latin: 100 }, images: 0, modes: [] });
  c.tick(1000 + GRACE_MS + MATCH_MS + SILENT_MS + 1);
  assert.equal(emitted.length, 1);
  assert.deepEqual(emitted[0], { kind: 'chat', service: 'claude', model: 'm', modes: ['reasoning'], prompt: { latin: 5 },
    response: { latin: 100 }, context: { latin: 50 }, images: 0, duration_ms: 2990, submitted_at: 1010, source: 'traffic' });
  assert.deepEqual(health, []);
});

test('the DOM turn may come before the submit request', () => {
  const { c, emitted } = setup();
  c.domUserTurn({ at: 1000, prompt: { latin: 5 } });
  c.netSubmit({ turn: 1, at: 1500, prompt: { latin: 5 } });
  c.tick(1000 + GRACE_MS + 1);
  c.netEnd({ turn: 1, at: 3000, response: { latin: 1 } });
  assert.equal(emitted.length, 1);
  assert.equal(emitted[0].source, 'traffic');
});

test('a DOM turn without any submit is counted from the DOM and, repeated, marks traffic unhealthy', () => {
  const { c, emitted, health } = setup();
  let t = 0;
  for (let i = 0; i < 2; i += 1) {
    t += 100000;
    c.domUserTurn({ at: t, prompt: { latin: 3 }, context: { latin: 7 } });
    c.domAnswerDone({ at: t + 2000, response: { latin: 40 } });
    c.tick(t + GRACE_MS + 1);
  }
  assert.equal(emitted.length, 2);
  assert.deepEqual(emitted[0], { kind: 'chat', service: 'claude', model: null, modes: [], prompt: { latin: 3 },
    response: { latin: 40 }, context: { latin: 7 }, images: 0, duration_ms: 2000, submitted_at: 100000, source: 'page' });
  assert.equal(health.length, 1);
  assert.equal(health[0].ok, false);
  assert.match(health[0].detail, /no submit request matched for 2 prompts/);
  // Traffic recognised again: healthy.
  c.netSubmit({ turn: 9, at: t + 100000, prompt: {} });
  assert.deepEqual(health[1], { ok: true, detail: 'matching again' });
});

test('submits the page layout never shows mark the page part unhealthy but still count', () => {
  const { c, emitted, health } = setup();
  for (let i = 1; i <= 2; i += 1) {
    c.netSubmit({ turn: i, at: i * 100000, prompt: { latin: 1 } });
    c.netEnd({ turn: i, at: i * 100000 + 10, response: { latin: 1 } });
    c.tick(i * 100000 + MATCH_MS + 1);
  }
  assert.equal(emitted.length, 2);
  assert.equal(health.length, 1);
  assert.match(health[0].detail, /message selectors matched none of 2 prompts/);
});

test('sends that nothing confirms are reported', () => {
  const { c, emitted, health } = setup();
  c.intent(1000);
  c.tick(1000 + SILENT_MS + 1);
  c.intent(100000);
  c.tick(100000 + SILENT_MS + 1);
  assert.equal(emitted.length, 0);
  assert.match(health[0].detail, /nothing recognised after 2 sends/);
});

test('an end without a submit and a second end are ignored', () => {
  const { c, emitted } = setup();
  c.netEnd({ turn: 5, at: 10, response: {} });
  c.netSubmit({ turn: 1, at: 0, prompt: {} });
  c.netEnd({ turn: 1, at: 10, response: {} });
  c.netEnd({ turn: 1, at: 20, response: {} });
  assert.equal(emitted.length, 1);
});
