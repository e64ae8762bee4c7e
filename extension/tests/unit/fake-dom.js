// Test helpers for the DOM fallback: a tiny document (elements with
// attributes, text and children; selectors made of tag, #id, .class and
// [attr] / [attr="value"] parts, comma-separated), a MutationObserver stand-in
// that records what it observes, and a manual clock for the timers.

function parseCompound(text) {
  const m = /^([a-z][\w-]*)?((?:#[\w-]+|\.[\w-]+|\[[\w-]+(?:="[^"]*")?\])*)$/.exec(text.trim());
  if (!m) throw new Error(`fake-dom: unsupported selector ${text}`);
  const parts = [...m[2].matchAll(/#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:="([^"]*)")?\]/g)];
  return { tag: m[1] || null, parts };
}

function matchesOne(el, compound) {
  if (compound.tag && el.tagName !== compound.tag) return false;
  return compound.parts.every(([, id, cls, attr, value]) => {
    if (id) return el.attrs.id === id;
    if (cls) return (el.attrs.class || '').split(/\s+/).includes(cls);
    if (!(attr in el.attrs)) return false;
    return value === undefined || el.attrs[attr] === value;
  });
}

function matches(el, selector) {
  return selector.split(',').some((s) => matchesOne(el, parseCompound(s)));
}

export class FakeElement {
  constructor(doc, tagName, attrs = {}, text = '') {
    this.ownerDocument = doc;
    this.tagName = tagName;
    this.attrs = { ...attrs };
    this.ownText = text;
    this.children = [];
    this.parentElement = null;
  }

  get textContent() {
    return this.ownText + this.children.map((c) => c.textContent).join('');
  }

  set textContent(text) {
    this.children = [];
    this.ownText = text;
    this.ownerDocument.mutated();
  }

  append(child) {
    child.parentElement = this;
    this.children.push(child);
    this.ownerDocument.mutated();
    return child;
  }

  descendants() {
    return this.children.flatMap((c) => [c, ...c.descendants()]);
  }

  querySelectorAll(selector) {
    return this.descendants().filter((el) => matches(el, selector));
  }

  querySelector(selector) {
    return this.querySelectorAll(selector)[0] || null;
  }

  closest(selector) {
    for (let el = this; el; el = el.parentElement) if (matches(el, selector)) return el;
    return null;
  }

  cloneNode() {
    throw new Error('fake-dom: cloneNode is not needed for text without <style> or <script>');
  }

  /** 4 (DOCUMENT_POSITION_FOLLOWING) when `other` comes after this element, else 2. */
  compareDocumentPosition(other) {
    const order = [this.ownerDocument.documentElement, ...this.ownerDocument.documentElement.descendants()];
    return order.indexOf(other) > order.indexOf(this) ? 4 : 2;
  }
}

export class FakeDocument {
  constructor() {
    this.documentElement = new FakeElement(this, 'html');
    this.listeners = [];
    this.observers = [];
  }

  createElement(tagName, attrs, text) {
    return new FakeElement(this, tagName, attrs, text);
  }

  querySelectorAll(selector) {
    return this.documentElement.querySelectorAll(selector);
  }

  querySelector(selector) {
    return this.documentElement.querySelector(selector);
  }

  addEventListener(type, fn, capture) {
    this.listeners.push({ type, fn, capture });
  }

  removeEventListener(type, fn, capture) {
    this.listeners = this.listeners.filter((l) => !(l.type === type && l.fn === fn && l.capture === capture));
  }

  dispatch(type, event) {
    for (const l of this.listeners.filter((x) => x.type === type)) l.fn(event);
  }

  /** A click by the user (the browser marks it trusted). */
  click(target) {
    this.dispatch('click', { type: 'click', target, isTrusted: true });
  }

  /** A click a page script made with dispatchEvent (untrusted). */
  scriptedClick(target) {
    this.dispatch('click', { type: 'click', target, isTrusted: false });
  }

  /** Called on every change: each connected observer gets one more record. */
  mutated() {
    for (const o of this.observers) if (o.target) o.records += 1;
  }
}

/** A MutationObserver for a FakeDocument: `deliver()` calls back the ones with pending records. */
export function fakeObserverClass(doc) {
  return class FakeObserver {
    constructor(callback) {
      this.callback = callback;
      this.target = null;
      this.records = 0;
      this.calls = 0;
      doc.observers.push(this);
    }

    observe(target, options) {
      this.target = target;
      this.options = options;
    }

    disconnect() {
      this.target = null;
      this.records = 0;
    }

    static deliver() {
      for (const o of doc.observers) {
        if (o.target && o.records > 0) {
          o.records = 0;
          o.calls += 1;
          o.callback([], o);
        }
      }
    }
  };
}

/** Replaces the global timers with a manual clock until `restore()`. */
export function installClock(start = 1000000) {
  const saved = {};
  const names = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'];
  for (const n of names) saved[n] = globalThis[n];
  const timers = new Map();
  let id = 0;
  const clock = {
    now: start,
    add(fn, ms, repeat) {
      id += 1;
      timers.set(id, { fn, at: clock.now + ms, ms, repeat });
      return id;
    },
    clear(t) {
      timers.delete(t);
    },
    /** Runs the timers due within `ms`, in order, advancing `now`. */
    tick(ms) {
      const end = clock.now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        const [key, t] = due;
        clock.now = t.at;
        if (t.repeat) t.at += t.ms;
        else timers.delete(key);
        t.fn();
      }
      clock.now = end;
    },
    get pending() {
      return timers.size;
    },
    restore() {
      for (const n of names) globalThis[n] = saved[n];
    },
  };
  globalThis.setTimeout = (fn, ms) => clock.add(fn, ms, false);
  globalThis.setInterval = (fn, ms) => clock.add(fn, ms, true);
  globalThis.clearTimeout = (t) => clock.clear(t);
  globalThis.clearInterval = (t) => clock.clear(t);
  return clock;
}
