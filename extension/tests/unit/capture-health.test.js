// Breakage is never silent: misses of a traffic turn are counted from the
// page and marked, and two misses in a row make a site unhealthy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoordinator, PAGE_READ_MS } from '../../lib/capture/capture-coordinator.js';
import { noteOutcome, verdict, HEALTH_CODES, CODE_GROUP, UNHEALTHY_AFTER } from '../../lib/capture/health.js';

function setup(page = { latin: 42 }) {
  const emitted = [];
  const c = createCoordinator({ service: 'claude', emit: (r) => emitted.push(r), health: () => {}, readPage: () => page });
  return { c, emitted };
}

const turn = (c, n, end) => {
  c.netSubmit({ turn: n, at: n * 1000, model: 'm', prompt: { latin: 5 } });
  c.netEnd({ turn: n, at: n * 1000 + 100, response: { latin: 10 }, ...end });
};

for (const [flags, code] of [[{ parsed: false }, 'unparsed'], [{ complete: false }, 'incomplete'],
  [{ response: {}, parsed: true, complete: true }, 'empty_answer']]) {
  test(`a stream with ${JSON.stringify(flags)} is counted from the page and marked ${code}`, () => {
    const { c, emitted } = setup();
    turn(c, 1, flags);
    assert.equal(emitted.length, 0, 'waits for the page to show the answer');
    assert.equal(c.needsTick, true);
    c.tick(1100 + PAGE_READ_MS);
    assert.equal(emitted.length, 1);
    assert.equal(emitted[0].source, 'page');
    assert.equal(emitted[0].miss, code);
    assert.deepEqual(emitted[0].response, { latin: 42 });
    assert.deepEqual(emitted[0].prompt, { latin: 5 }, 'the prompt still comes from the request');
    assert.equal(emitted[0].model, 'm');
  });
}

test('a deep research turn whose stream holds no answer (its report comes later) is no miss', () => {
  const { c, emitted } = setup();
  c.netSubmit({ turn: 1, at: 1000, model: 'm', modes: ['deep_research'], prompt: { latin: 5 } });
  c.netEnd({ turn: 1, at: 1100, response: {}, parsed: true, complete: true });
  assert.equal(emitted.length, 1, 'counted at once, from the traffic');
  assert.equal(emitted[0].source, 'traffic');
  assert.equal(emitted[0].miss, undefined);
  // The same empty answer without deep research is still read from the page and marked.
  c.netSubmit({ turn: 2, at: 2000, model: 'm', prompt: { latin: 5 } });
  c.netEnd({ turn: 2, at: 2100, response: {}, parsed: true, complete: true });
  c.tick(2100 + PAGE_READ_MS);
  assert.equal(emitted[1].miss, 'empty_answer');
});

test('missing flags mean unknown: no judgement', () => {
  const { c, emitted } = setup();
  turn(c, 1, {});
  assert.equal(emitted.length, 1);
  assert.equal(emitted[0].source, 'traffic');
  assert.equal(emitted[0].miss, undefined);
});

test('an empty answer the page does not contradict is no miss', () => {
  const { c, emitted } = setup({});
  turn(c, 1, { response: {} });
  c.tick(1100 + PAGE_READ_MS);
  assert.equal(emitted.length, 1);
  assert.equal(emitted[0].source, 'traffic');
  assert.equal(emitted[0].miss, undefined);
});

test('a miss when the page shows nothing keeps the traffic counts, still marked', () => {
  const { c, emitted } = setup({});
  turn(c, 1, { complete: false });
  c.tick(1100 + PAGE_READ_MS);
  assert.deepEqual(emitted[0].response, { latin: 10 });
  assert.equal(emitted[0].miss, 'incomplete');
});

test('leaving the page reads a pending answer at once', () => {
  const { c, emitted } = setup();
  turn(c, 1, { parsed: false });
  c.leave(1200);
  assert.equal(emitted.length, 1);
  assert.equal(emitted[0].source, 'page');
});

// The user's own stop is no sign that the site changed: the answer counts what arrived, and no miss is noted.
for (const [why, end, before] of [
  ['the page aborted the request', { complete: false, stopped: true }, () => {}],
  ['the page went away while it streamed', { complete: false, parsed: false, partial: true }, () => {}],
  ['the user pressed the stop button', { complete: false }, (c) => c.userStop(1050)],
]) {
  test(`an answer cut short because ${why} counts what arrived and is no miss`, () => {
    const { c, emitted } = setup();
    c.netSubmit({ turn: 1, at: 1000, model: 'm', prompt: { latin: 5 } });
    before(c);
    c.netEnd({ turn: 1, at: 1100, response: { latin: 10 }, ...end });
    assert.equal(emitted.length, 1, 'counted at once, not after a page read');
    assert.equal(emitted[0].source, 'traffic');
    assert.equal(emitted[0].miss, undefined);
    assert.deepEqual(emitted[0].response, { latin: 10 });
  });
}

test('a stop pressed before this prompt was sent does not excuse its cut stream', () => {
  const { c, emitted } = setup();
  c.userStop(500);
  turn(c, 1, { complete: false });
  c.tick(1100 + PAGE_READ_MS);
  assert.equal(emitted[0].miss, 'incomplete');
});

test('a stream that ends after the page said it was leaving is read from the page at once', () => {
  // The page's hook and this script each hear pagehide; whichever runs first, the turn is not lost.
  const { c, emitted } = setup();
  c.netSubmit({ turn: 1, at: 1000, model: 'm', prompt: { latin: 5 } });
  c.leave(1050);
  c.netEnd({ turn: 1, at: 1060, response: {}, parsed: false, partial: true });
  assert.equal(emitted.length, 1);
  assert.deepEqual(emitted[0].response, { latin: 42 });
  assert.equal(emitted[0].source, 'page');
  assert.equal(emitted[0].miss, undefined, 'the user left: no miss');
});

test('two misses in a row make a site unhealthy; the next good capture clears it', () => {
  let runs = {};
  runs = noteOutcome(runs, 'answer', 'unparsed', { now: 't1' });
  assert.equal(verdict(runs).ok, true, 'one miss is not yet a warning');
  runs = noteOutcome(runs, 'answer', 'incomplete', { now: 't2' });
  assert.deepEqual(verdict(runs), { ok: false, detail: 'incomplete', since: 't2' });
  runs = noteOutcome(runs, 'answer', 'unparsed', { now: 't3' });
  assert.equal(verdict(runs).since, 't2', 'the date is when it started');
  runs = noteOutcome(runs, 'answer', null, { now: 't4' });
  assert.deepEqual(verdict(runs), { ok: true, detail: null, since: null });
});

test('a good capture of one kind does not clear a run of another kind', () => {
  let runs = {};
  runs = noteOutcome(runs, 'model', 'model_unresolved', { now: 't1' });
  runs = noteOutcome(runs, 'answer', null, { now: 't2' });
  runs = noteOutcome(runs, 'model', 'model_unresolved', { now: 't3' });
  assert.deepEqual(verdict(runs), { ok: false, detail: 'model_unresolved', since: 't3' });
});

test('a definite symptom (weight) warns at once', () => {
  const runs = noteOutcome({}, 'access', 'access_withdrawn', { now: 't1', weight: UNHEALTHY_AFTER });
  assert.equal(verdict(runs).detail, 'access_withdrawn');
});

test('every code has a group, and the host knows the same codes', async () => {
  for (const code of HEALTH_CODES) assert.ok(CODE_GROUP[code], code);
  const { readFileSync } = await import('node:fs');
  const protocol = readFileSync(new URL('../../../core/pipe/protocol.py', import.meta.url), 'utf8');
  const block = /HEALTH_CODES = \(([\s\S]*?)\n\)/.exec(protocol)[1];
  assert.deepEqual([...block.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]), [...HEALTH_CODES]);
});
