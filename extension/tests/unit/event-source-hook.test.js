// The page hook's EventSource wrapper: a source that reconnects by itself must
// not keep its turn open until the page closes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hookEventSource } from '../../lib/capture/event-source-hook.js';

/** A stand-in EventSource: listeners, readyState, close(); `emit` plays the network. */
function fakeWindow() {
  class FakeEventSource {
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.listeners = {};
    }
    addEventListener(type, fn) {
      (this.listeners[type] ||= new Set()).add(fn);
    }
    removeEventListener(type, fn) {
      if (this.listeners[type]) this.listeners[type].delete(fn);
    }
    emit(type, ev = {}) {
      // As the browser delivers them (isTrusted); a test passes isTrusted: false for one a page script made up.
      for (const fn of [...(this.listeners[type] || [])]) fn({ isTrusted: true, ...ev });
    }
    close() {
      this.readyState = 2;
    }
  }
  return { EventSource: FakeEventSource };
}

function hooked(endMarker = null) {
  const win = fakeWindow();
  const turns = [];
  hookEventSource(win, (url) => {
    if (!url.includes('/stream')) return null;
    const t = { url, data: [], ended: 0 };
    turns.push(t);
    return { push: (d) => (t.data.push(d), d === endMarker), end: () => (t.ended += 1) };
  });
  return { win, turns };
}

test('an error with the source reconnecting (readyState 0) ends the turn once; the replay is not counted', () => {
  const { win, turns } = hooked();
  const es = new win.EventSource('https://x.test/stream?id=1');
  es.emit('message', { data: 'a' });
  es.readyState = 0; // the browser will reconnect
  es.emit('error');
  assert.equal(turns[0].ended, 1);
  es.emit('message', { data: 'a' }); // the reconnect replays the stream
  es.emit('error');
  assert.deepEqual(turns[0].data, ['a']);
  assert.equal(turns[0].ended, 1);
  assert.equal(turns.length, 1);
});

test('close() by the page ends the turn, and the real close still runs', () => {
  const { win, turns } = hooked();
  const es = new win.EventSource('https://x.test/stream');
  es.emit('message', { data: 'a' });
  es.close();
  assert.equal(turns[0].ended, 1);
  assert.equal(es.readyState, 2);
  es.close();
  assert.equal(turns[0].ended, 1);
});

test("the reader's end marker ends the turn", () => {
  const { win, turns } = hooked('[DONE]');
  const es = new win.EventSource('https://x.test/stream');
  es.emit('message', { data: 'a' });
  es.emit('message', { data: '[DONE]' });
  assert.equal(turns[0].ended, 1);
});

test('other sources are left alone and still constructible', () => {
  const { win, turns } = hooked();
  const es = new win.EventSource('https://x.test/notifications');
  assert.equal(es.url, 'https://x.test/notifications');
  es.emit('error');
  es.close();
  assert.equal(turns.length, 0);
  assert.ok(es instanceof win.EventSource);
});

test('a message or error a page script dispatches itself (not trusted) is neither counted nor the end', () => {
  const { win, turns } = hooked('[DONE]');
  const es = new win.EventSource('https://x.test/stream');
  es.emit('message', { data: 'a' });
  es.emit('message', { data: 'forged', isTrusted: false });
  es.emit('error', { isTrusted: false });
  assert.deepEqual(turns[0].data, ['a']);
  assert.equal(turns[0].ended, 0);
  es.emit('message', { data: '[DONE]' });
  assert.equal(turns[0].ended, 1);
});
