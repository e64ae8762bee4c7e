import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDomWatch, SETTLE_MS } from '../../lib/capture/dom-watch.js';
import { createCoordinator, GRACE_MS } from '../../lib/capture/capture-coordinator.js';
import { FakeDocument, fakeObserverClass, installClock } from './fake-dom.js';

const ADAPTER = {
  service: 'claude',
  dom: { user: '[data-role="user"]', assistant: '[data-role="assistant"]', input: '#input', send: '#send' },
};

/** A chat page with one earlier exchange, a send button and a watcher on it. */
function page(t) {
  const clock = installClock();
  t.after(() => clock.restore());
  const doc = new FakeDocument();
  const Observer = fakeObserverClass(doc);
  const main = doc.documentElement.append(doc.createElement('main'));
  main.append(doc.createElement('div', { 'data-role': 'user' }, 'earlier question'));
  main.append(doc.createElement('div', { 'data-role': 'assistant' }, 'earlier answer'));
  const send = doc.documentElement.append(doc.createElement('button', { id: 'send' }, 'Send'));
  const got = { intents: [], turns: [], answers: [] };
  const callbacks = {
    onIntent: (at) => got.intents.push(at),
    onUserTurn: (turn) => got.turns.push(turn),
    onAnswerDone: (a) => got.answers.push(a),
  };
  const make = (overrides = {}) => createDomWatch({ adapter: ADAPTER, doc, now: () => clock.now, Observer,
    ...callbacks, ...overrides });
  /** Delivers pending mutation records, then lets `ms` pass. */
  const wait = (ms) => {
    Observer.deliver();
    clock.tick(ms);
  };
  const say = (role, text) => main.append(doc.createElement('div', { 'data-role': role }, text));
  return { clock, doc, Observer, main, send, got, callbacks, make, wait, say, observer: () => doc.observers[0] };
}

test('a user message right after a send is one DOM turn, and its answer is counted once settled', (t) => {
  const p = page(t);
  const dom = p.make();
  dom.start();
  p.doc.click(p.send);
  p.say('user', 'What is a watt?');
  const answer = p.say('assistant', '');
  p.wait(200);
  assert.equal(p.got.turns.length, 1);
  assert.deepEqual(p.got.turns[0].prompt, { latin: 12 });
  assert.deepEqual(p.got.turns[0].context(), { latin: 28 }, 'earlier messages, not the new prompt');
  answer.textContent = 'A watt is a joule per second.';
  p.wait(1000);
  assert.equal(p.got.answers.length, 0, 'still changing');
  p.wait(SETTLE_MS + 1000);
  assert.equal(p.got.answers.length, 1);
  assert.deepEqual(p.got.answers[0].response, { latin: 23 });
});

test('without a send, or with several new messages, nothing is a turn', (t) => {
  const p = page(t);
  p.make().start();
  p.say('user', 'loaded from history');
  p.wait(200);
  p.doc.click(p.send);
  p.say('user', 'one');
  p.say('user', 'two');
  p.wait(200);
  assert.deepEqual(p.got.turns, []);
});

test('resting disconnects the observer and stops following the answer; rest(false) watches again', (t) => {
  const p = page(t);
  const dom = p.make();
  dom.start();
  assert.ok(p.observer().target, 'observing after start');
  p.doc.click(p.send);
  p.say('user', 'prompt');
  const answer = p.say('assistant', '');
  p.wait(200);
  assert.equal(p.got.turns.length, 1);
  dom.rest(true);
  assert.equal(dom.resting, true);
  assert.equal(p.observer().target, null, 'disconnected while resting');
  const calls = p.observer().calls;
  for (let i = 0; i < 50; i += 1) {
    answer.textContent += ' streamed';
    p.wait(10);
  }
  assert.equal(p.observer().calls, calls, 'streaming wakes nothing while resting');
  p.wait(SETTLE_MS * 3);
  assert.deepEqual(p.got.answers, [], 'the traffic hook measures this answer, not the DOM');
  assert.equal(p.clock.pending, 0, 'no timers left while resting');
  // Messages that appear while resting without a send (a re-render) are no new prompt.
  p.say('user', 're-rendered');
  dom.rest(false);
  assert.equal(dom.resting, false);
  assert.ok(p.observer().target, 'observing again');
  p.doc.click(p.send);
  p.say('user', 'next prompt');
  p.wait(200);
  assert.equal(p.got.turns.length, 2, 'the next prompt is one turn, not lost among the re-rendered message');
  assert.deepEqual(p.got.turns[1].prompt, { latin: 10 });
});

test('a send wakes a resting watcher, and the message it adds is a turn', (t) => {
  const p = page(t);
  const dom = p.make();
  dom.start();
  dom.rest(true);
  p.doc.click(p.send);
  assert.equal(dom.resting, false);
  assert.ok(p.observer().target);
  p.say('user', 'sent while the last answer streamed');
  p.wait(200);
  assert.equal(p.got.turns.length, 1);
  assert.equal(p.got.intents.length, 1);
});

test('check() finds the new message at once instead of after the batching delay', (t) => {
  const p = page(t);
  const dom = p.make();
  dom.start();
  p.doc.click(p.send);
  p.say('user', 'prompt');
  dom.check();
  assert.equal(p.got.turns.length, 1);
  p.wait(200);
  assert.equal(p.got.turns.length, 1, 'the pending batch does not count it again');
  dom.rest(true);
  p.say('user', 'other');
  dom.check();
  assert.equal(p.got.turns.length, 1, 'nothing while resting');
});

/** The capture content script's wiring (content/chat.js): coordinator and watcher. */
function wired(t) {
  const p = page(t);
  const emitted = [];
  const standby = [];
  let dom = null;
  const coordinator = createCoordinator({ service: 'claude', emit: (r) => emitted.push(r), health: () => {},
    standby: (on) => {
      standby.push(on);
      if (dom) dom.rest(on);
    } });
  dom = p.make({
    onIntent: (at) => coordinator.intent(at),
    onUserTurn: (turn) => coordinator.domUserTurn(turn),
    onAnswerDone: (a) => coordinator.domAnswerDone(a),
  });
  dom.start();
  setInterval(() => coordinator.tick(p.clock.now), 1000);
  return { ...p, dom, coordinator, emitted, standby };
}

test('the DOM fallback stands down while the traffic hook owns a turn and re-arms after it', (t) => {
  const w = wired(t);
  // Prompt 1: seen by the traffic hook.
  w.doc.click(w.send);
  w.say('user', 'first prompt');
  const answer = w.say('assistant', '');
  w.coordinator.netSubmit({ turn: 1, at: w.clock.now, prompt: { latin: 11 }, context: { latin: 28 } });
  assert.equal(w.dom.resting, false, 'not before the page showed the prompt');
  w.dom.check();
  assert.equal(w.dom.resting, true, 'resting while the answer streams');
  assert.equal(w.observer().target, null);
  const calls = w.observer().calls;
  for (let i = 0; i < 100; i += 1) {
    answer.textContent += ' token';
    w.wait(10);
  }
  assert.equal(w.observer().calls, calls);
  w.coordinator.netEnd({ turn: 1, at: w.clock.now, response: { latin: 500 } });
  assert.equal(w.dom.resting, false, 're-armed when the turn ends');
  assert.ok(w.observer().target);
  w.wait(SETTLE_MS * 2);
  // Prompt 2: the traffic hook sees nothing; the DOM counts it.
  w.doc.click(w.send);
  w.say('user', 'second prompt');
  const second = w.say('assistant', '');
  w.wait(200);
  second.textContent = 'second answer';
  w.wait(GRACE_MS + SETTLE_MS + 2000);
  assert.deepEqual(w.standby, [true, false]);
  assert.equal(w.emitted.length, 2);
  assert.equal(w.emitted[0].source, 'traffic');
  assert.deepEqual(w.emitted[0].response, { latin: 500 });
  assert.equal(w.emitted[1].source, 'page');
  assert.deepEqual(w.emitted[1].prompt, { latin: 12 });
  assert.deepEqual(w.emitted[1].response, { latin: 12 });
  assert.deepEqual(w.emitted[1].context, { latin: 28 + 11 + 500 }, 'the context is counted for a DOM-only prompt');
});

test('a second send while the traffic hook owns a turn re-arms the DOM fallback until its message shows', (t) => {
  const w = wired(t);
  w.doc.click(w.send);
  w.say('user', 'first');
  w.coordinator.netSubmit({ turn: 1, at: w.clock.now, prompt: { latin: 5 }, context: {} });
  w.dom.check();
  assert.equal(w.dom.resting, true);
  w.wait(1000);
  w.doc.click(w.send);
  assert.equal(w.dom.resting, false, 'awake for the new message');
  w.say('user', 'second');
  w.coordinator.netSubmit({ turn: 2, at: w.clock.now, prompt: { latin: 6 }, context: {} });
  w.dom.check();
  assert.equal(w.dom.resting, true, 'both turns are the traffic hook\'s again');
  w.coordinator.netEnd({ turn: 1, at: w.clock.now, response: { latin: 1 } });
  assert.equal(w.dom.resting, true, 'turn 2 still streams');
  w.coordinator.netEnd({ turn: 2, at: w.clock.now, response: { latin: 1 } });
  assert.equal(w.dom.resting, false);
  assert.equal(w.emitted.length, 2);
});
