import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoordinator, GRACE_MS, MATCH_MS, SILENT_MS } from '../../lib/capture/capture-coordinator.js';

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
    response: { latin: 100 }, context: { latin: 50 }, images: 0, duration_ms: 2990, submitted_at: 1010, source: 'traffic', domSeen: true });
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
  assert.deepEqual(health, [{ group: 'traffic', code: 'no_submit' }]);
  // Traffic recognised again: healthy.
  c.netSubmit({ turn: 9, at: t + 100000, prompt: {} });
  assert.deepEqual(health[1], { group: 'traffic', code: null });
});

test('submits the page layout never shows mark the page part unhealthy but still count', () => {
  const { c, emitted, health } = setup();
  for (let i = 1; i <= 2; i += 1) {
    c.netSubmit({ turn: i, at: i * 100000, prompt: { latin: 1 } });
    c.netEnd({ turn: i, at: i * 100000 + 10, response: { latin: 1 } });
    c.tick(i * 100000 + MATCH_MS + 1);
  }
  assert.equal(emitted.length, 2);
  assert.deepEqual(health, [{ group: 'page', code: 'no_page_match' }]);
});

test('sends that nothing confirms are reported', () => {
  const { c, emitted, health } = setup();
  c.intent(1000);
  c.tick(1000 + SILENT_MS + 1);
  c.intent(100000);
  c.tick(100000 + SILENT_MS + 1);
  assert.equal(emitted.length, 0);
  assert.deepEqual(health, [{ group: 'silent', code: 'silent' }]);
});

test('an end without a submit and a second end are ignored', () => {
  const { c, emitted } = setup();
  c.netEnd({ turn: 5, at: 10, response: { latin: 1 } });
  c.netSubmit({ turn: 1, at: 0, prompt: {} });
  c.netEnd({ turn: 1, at: 10, response: { latin: 1 } });
  c.netEnd({ turn: 1, at: 20, response: { latin: 1 } });
  assert.equal(emitted.length, 1);
});

function withStandby() {
  const emitted = [];
  const standby = [];
  const c = createCoordinator({ service: 'claude', emit: (r) => emitted.push(r), health: () => {},
    standby: (on) => standby.push(on) });
  return { c, emitted, standby };
}

test('the DOM fallback may stand by only while traffic turns it has already seen are in flight', () => {
  const { c, standby } = withStandby();
  c.intent(1000);
  c.netSubmit({ turn: 1, at: 1010, prompt: { latin: 5 } });
  assert.deepEqual(standby, [], 'the page has not shown the prompt yet');
  c.domUserTurn({ at: 1100, prompt: { latin: 5 }, context: {} });
  assert.deepEqual(standby, [true]);
  assert.equal(c.standingBy, true);
  c.netEnd({ turn: 1, at: 4000, response: { latin: 9 } });
  assert.deepEqual(standby, [true, false]);
  assert.equal(c.standingBy, false);
});

test('when the DOM turn comes first, the submit that matches it starts the standby', () => {
  const { c, standby } = withStandby();
  c.intent(1000);
  c.domUserTurn({ at: 1000, prompt: { latin: 5 }, context: {} });
  assert.deepEqual(standby, [], 'a DOM turn alone needs the DOM');
  c.netSubmit({ turn: 1, at: 1500, prompt: { latin: 5 } });
  assert.deepEqual(standby, [true]);
});

test('a send during the standby ends it until its user message is matched', () => {
  const { c, standby, emitted } = withStandby();
  c.netSubmit({ turn: 1, at: 1000, prompt: {} });
  c.domUserTurn({ at: 1000, prompt: {} });
  c.intent(2000);
  assert.deepEqual(standby, [true, false]);
  c.netSubmit({ turn: 2, at: 2010, prompt: {} });
  assert.deepEqual(standby, [true, false], 'turn 2 not yet on the page');
  c.domUserTurn({ at: 2100, prompt: {} });
  assert.deepEqual(standby, [true, false, true]);
  c.netEnd({ turn: 1, at: 3000, response: { latin: 1 } });
  assert.deepEqual(standby, [true, false, true], 'turn 2 is still in flight');
  c.netEnd({ turn: 2, at: 3000, response: { latin: 1 } });
  assert.deepEqual(standby, [true, false, true, false]);
  assert.equal(emitted.length, 2);
});

test('a send that nothing confirms ends the standby, and silence brings it back', () => {
  const { c, standby } = withStandby();
  c.netSubmit({ turn: 1, at: 1000, prompt: {} });
  c.domUserTurn({ at: 1000, prompt: {} });
  c.intent(2000);
  c.tick(2000 + SILENT_MS + 1);
  assert.deepEqual(standby, [true, false, true]);
});

test('no standby while a DOM-only prompt waits or when the page never shows the prompt', () => {
  const { c, standby } = withStandby();
  c.domUserTurn({ at: 1000, prompt: { latin: 3 } });
  c.tick(1000 + GRACE_MS + 1); // DOM-only, counting
  c.netSubmit({ turn: 1, at: 8000, prompt: {} });
  c.domUserTurn({ at: 8100, prompt: {} }); // matched to turn 1, but the DOM prompt still waits for its answer
  assert.deepEqual(standby, []);
  c.domAnswerDone({ at: 9000, response: { latin: 4 } });
  assert.deepEqual(standby, [true], 'the DOM-only prompt is done; turn 1 is the traffic hook\'s');
  c.netEnd({ turn: 1, at: 9500, response: {} });
  c.netSubmit({ turn: 2, at: 20000, prompt: {} }); // never shown on the page
  c.tick(20000 + MATCH_MS + 1);
  assert.deepEqual(standby, [true, false]);
});

test('the DOM context is counted only for a prompt the traffic hook did not see', () => {
  const { c, emitted } = withStandby();
  let counted = 0;
  const context = () => {
    counted += 1;
    return { latin: 70 };
  };
  c.netSubmit({ turn: 1, at: 1000, prompt: { latin: 1 }, context: { latin: 50 } });
  c.domUserTurn({ at: 1050, prompt: { latin: 1 }, context });
  assert.equal(counted, 0);
  c.netEnd({ turn: 1, at: 2000, response: {} });
  c.domUserTurn({ at: 100000, prompt: { latin: 2 }, context });
  assert.equal(counted, 1);
  c.tick(100000 + GRACE_MS + 1);
  c.domAnswerDone({ at: 107000, response: { latin: 3 } });
  assert.deepEqual(emitted.map((r) => r.context), [{ latin: 50 }, { latin: 70 }]);
});

test('tick is needed only while a deadline is pending', () => {
  const { c } = withStandby();
  assert.equal(c.needsTick, false);
  c.intent(1000);
  assert.equal(c.needsTick, true, 'a send waits for confirmation');
  c.netSubmit({ turn: 1, at: 1010, prompt: {} });
  assert.equal(c.needsTick, true, 'the page check of the submit');
  c.domUserTurn({ at: 1020, prompt: {} });
  assert.equal(c.needsTick, false);
  c.netEnd({ turn: 1, at: 2000, response: {} });
  c.domUserTurn({ at: 50000, prompt: {} });
  assert.equal(c.needsTick, true, 'a DOM-only prompt waits out its grace period');
  c.tick(50000 + GRACE_MS + 1);
  assert.equal(c.needsTick, false, 'counting from the DOM needs no timer');
  c.netSubmit({ turn: 2, at: 90000, prompt: {} });
  c.tick(90000 + MATCH_MS + 1);
  assert.equal(c.needsTick, false, 'the page check was made');
});

test('leaving the page counts a DOM-only prompt whose answer settled, once', () => {
  const { c, emitted } = setup();
  c.domUserTurn({ at: 1000, prompt: { latin: 7 }, context: { latin: 3 } });
  c.leave(1500); // the answer has not settled: nothing to count
  assert.equal(emitted.length, 0);
  c.domAnswerDone({ at: 3000, response: { latin: 40 } });
  c.leave(3200);
  assert.equal(emitted.length, 1);
  assert.deepEqual([emitted[0].source, emitted[0].prompt, emitted[0].response, emitted[0].duration_ms],
    ['page', { latin: 7 }, { latin: 40 }, 2000]);
  c.tick(1000 + GRACE_MS + 1);
  c.leave(9000);
  assert.equal(emitted.length, 1, 'nothing is counted twice');
});

test('leaving the page adds nothing to a prompt the traffic hook saw', () => {
  const { c, emitted } = setup();
  c.netSubmit({ turn: 1, at: 1000, prompt: { latin: 5 } });
  c.domUserTurn({ at: 1100, prompt: { latin: 5 } });
  c.domAnswerDone({ at: 3000, response: { latin: 9 } });
  c.leave(3100);
  assert.equal(emitted.length, 0);
});
