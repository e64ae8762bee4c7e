// Runs in the page's own JavaScript world (MAIN) at document_start, before
// the site's scripts. It wraps fetch, XMLHttpRequest, EventSource and
// WebSocket, lets the site adapter recognise a prompt submission and measure
// the streamed answer, and hands ONLY numbers and mode names to the isolated
// content script (content/chat.js) through DOM events on a random channel.
// No prompt or answer text ever leaves this world. Every wrapper falls back
// to the original behaviour on any error of ours.
//
// The page's scripts run in this world too, after us (issue 15, findings 12
// and 13). So everything the channel relies on is captured here, once, before
// they run: a page that later replaces EventTarget.prototype.dispatchEvent,
// CustomEvent, JSON.stringify or Promise.prototype.then learns nothing of the
// channel. The wrappers look like the functions they wrap: same name, length,
// no prototype, and Function.prototype.toString gives the native text for
// them (and for itself). What the adapters parse can still be poisoned by the
// page (JSON.parse, String.prototype...), so the content script and the
// service worker bound every count they receive.

import { adapterForPage } from '../lib/adapters/index.js';
import { hookEventSource } from '../lib/capture/event-source-hook.js';

// Captured at start (see above).
const { apply, construct, defineProperty } = Reflect;
const nativeToString = Function.prototype.toString;
const dispatchEvent = EventTarget.prototype.dispatchEvent;
const addListener = EventTarget.prototype.addEventListener;
const removeListener = EventTarget.prototype.removeEventListener;
const NativeCustomEvent = CustomEvent;
const NativePromise = Promise;
const then = Promise.prototype.then;
const promiseResolve = Promise.resolve;
const weakGet = WeakMap.prototype.get;
const weakSet = WeakMap.prototype.set;
const objectKeys = Object.keys;
const hasOwn = Object.hasOwn;
const isArray = Array.isArray;
const stringify = JSON.stringify;
const dateNow = Date.now;
const doc = document;
const nativeEventSource = window.EventSource;

const listen = (target, type, fn) => apply(addListener, target, [type, fn]);
const on = (p, ok, fail) => apply(then, p, [ok, fail]);
const settled = (value) => apply(promiseResolve, NativePromise, [value]);

/**
 * Function.prototype.toString answers for a wrapper as for the function it
 * wraps, and for itself as the native one: String(fetch) is
 * "function fetch() { [native code] }" with or without Wattprint.
 */
const disguised = new WeakMap(); // wrapper -> the original it stands for
const disguise = (wrapper, original) => {
  apply(weakSet, disguised, [wrapper, original]);
  return wrapper;
};
const toStringProxy = new Proxy(nativeToString, {
  apply(target, self, args) {
    const original = apply(weakGet, disguised, [self]);
    return apply(target, original === undefined ? self : original, args);
  },
});
disguise(toStringProxy, nativeToString);

/** Gives `wrapper` the original's name and length (a method has no prototype, like a native one). */
const lookAlike = (wrapper, original) => {
  defineProperty(wrapper, 'name', { value: original.name, configurable: true });
  defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  return disguise(wrapper, original);
};

/** A constructor replaced by a Proxy: instances and the prototype point back at the Proxy. */
const disguiseClass = (proxy, original) => {
  disguise(proxy, original);
  try {
    defineProperty(original.prototype, 'constructor', { value: proxy, writable: true, configurable: true,
      enumerable: false });
  } catch {
    // keep the original's
  }
};

/**
 * The message as JSON, without JSON.stringify on objects or any property
 * lookup the page could have planted on Object.prototype or Array.prototype
 * (toJSON): own keys of plain data only.
 */
function encode(value) {
  if (value === null || value === undefined) return 'null';
  const t = typeof value;
  if (t === 'number') return Number.isFinite(value) ? `${value}` : 'null';
  if (t === 'boolean') return value ? 'true' : 'false';
  if (t === 'string') return stringify(value);
  if (isArray(value)) {
    let out = '';
    for (let i = 0; i < value.length; i += 1) out += `${i ? ',' : ''}${encode(value[i])}`;
    return `[${out}]`;
  }
  if (t === 'object') {
    const keys = objectKeys(value);
    let out = '';
    for (let i = 0; i < keys.length; i += 1) out += `${i ? ',' : ''}${stringify(keys[i])}:${encode(value[keys[i]])}`;
    return `{${out}}`;
  }
  return 'null';
}

const adapter = adapterForPage(location.hostname, location.pathname);
if (adapter) installHooks(adapter);

function installHooks(adapter) {
  const token = crypto.randomUUID();
  const channel = `wattprint:${token}`;
  const queue = [];
  let ready = false;
  let turns = 0;
  const active = new Map(); // turn -> {reader, at}

  const fire = (type, detail) => apply(dispatchEvent, doc, [new NativeCustomEvent(type, { __proto__: null, detail })]);
  const dispatch = (msg) => fire(channel, encode(msg));
  const post = (msg) => (ready ? dispatch(msg) : queue.push(msg));
  const hello = () => fire('wattprint:hello', token);
  const onPing = () => hello();
  listen(doc, 'wattprint:ping', onPing);
  listen(doc, `${channel}:ready`, () => {
    if (ready) return;
    ready = true;
    // Once paired, nobody else can learn the channel by pinging.
    apply(removeListener, doc, ['wattprint:ping', onPing]);
    for (let i = 0; i < queue.length; i += 1) dispatch(queue[i]);
    queue.length = 0;
  });
  hello();
  defineProperty(Function.prototype, 'toString', { value: toStringProxy, writable: true, configurable: true,
    enumerable: false });

  // A submit is posted only once its request reached the network (a response
  // arrived, or the socket was open): a request the page aborted before it
  // left, or one that failed, is no query (issue 15, finding 11). `at` is
  // when the request was made.
  const begin = (parsed, at = dateNow()) => {
    const turn = ++turns;
    post({ kind: 'submit', turn, at, model: parsed.model, modes: parsed.modes, prompt: parsed.prompt, context: parsed.context });
    const reader = adapter.createReader(parsed);
    active.set(turn, { reader, at });
    return { turn, reader };
  };
  // A turn whose stream handed off to a resume stream (ChatGPT's
  // stream_handoff) waits here, briefly, for that stream to continue it.
  let held = null;
  const HANDOFF_WAIT_MS = 10000;
  const end = (turn, partial = false, stopped = false) => {
    const entry = active.get(turn);
    if (!entry) return;
    active.delete(turn);
    let out = { response: {}, images: 0, model: null, modes: [], complete: false, parsed: false };
    try {
      out = entry.reader.finish();
    } catch {
      // keep the empty result
    }
    if (out.handoff && !partial) {
      if (held) clearTimeout(held.timer);
      held = { turn, entry, timer: setTimeout(() => post(endMessage(turn, out, false, false)), HANDOFF_WAIT_MS) };
      return;
    }
    post(endMessage(turn, out, partial, stopped));
  };
  const endMessage = (turn, out, partial, stopped) => ({ kind: 'end', turn, at: dateNow(), response: out.response,
    images: out.images || 0, model: out.model || null, modes: out.modes || [], partial, stopped,
    // parsed / complete: the adapter's verdict on this stream (left out when it gives none: unknown).
    ...(typeof out.parsed === 'boolean' ? { parsed: out.parsed } : {}),
    ...(typeof out.complete === 'boolean' ? { complete: out.complete } : {}) });
  // The held turn, taken back to read its resume stream (null when none waits).
  const resumeHeld = () => {
    if (!held) return null;
    clearTimeout(held.timer);
    const { turn, entry } = held;
    held = null;
    active.set(turn, entry);
    return { turn, reader: entry.reader };
  };
  listen(window, 'pagehide', () => {
    const h = resumeHeld();
    if (h) end(h.turn, true);
    active.forEach((_, t) => end(t, true));
  });

  const absolute = (url) => {
    try {
      return new URL(String(url), location.href).href;
    } catch {
      return '';
    }
  };
  const bodyText = async (body) => {
    if (body === undefined || body === null) return '';
    if (typeof body === 'string') return body;
    if (body instanceof URLSearchParams) return body.toString();
    if (body instanceof FormData) {
      const p = new URLSearchParams();
      for (const [k, v] of body.entries()) if (typeof v === 'string') p.append(k, v);
      return p.toString();
    }
    if (body instanceof Blob) return body.size < 4 * 1024 * 1024 ? body.text() : '';
    if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return new TextDecoder().decode(body);
    return '';
  };
  const parse = (text, url, headers = {}) => {
    try {
      const parsed = adapter.parseRequest(text, { url, headers });
      return parsed && typeof parsed === 'object' ? parsed : null;
    } catch {
      return null;
    }
  };
  // Only the request headers the adapter names (e.g. Gemini's model header) are read.
  const wanted = Array.isArray(adapter.requestHeaders) ? adapter.requestHeaders : [];
  const wantedHeaders = (init) => {
    const out = {};
    try {
      const h = new Headers(init);
      for (const name of wanted) if (h.has(name)) out[name] = h.get(name);
    } catch {
      // headers the page's own fetch will reject: nothing to read
    }
    return out;
  };
  const readStream = async (response, turn, reader) => {
    try {
      const stream = response.body;
      // A reader of a binary stream (Connect envelopes) takes the bytes.
      const bytes = typeof reader.pushBytes === 'function';
      if (!stream) {
        if (bytes) reader.pushBytes(new Uint8Array(await response.arrayBuffer()));
        else reader.push(await response.text());
      } else {
        const r = stream.getReader();
        const dec = new TextDecoder();
        for (;;) {
          const { value, done } = await r.read();
          if (done) break;
          if (bytes) reader.pushBytes(value);
          else reader.push(dec.decode(value, { stream: true }));
        }
        if (!bytes) reader.push(dec.decode());
      }
    } catch (err) {
      // aborted by the page (the user's stop) or cut by the network: count what arrived
      let stopped = false;
      try {
        stopped = err && err.name === 'AbortError';
      } catch {
        // keep false
      }
      end(turn, false, stopped);
      return;
    }
    end(turn);
  };

  const aborted = (signal) => {
    try {
      return Boolean(signal && signal.aborted);
    } catch {
      return false;
    }
  };

  // fetch
  const origFetch = window.fetch;
  if (typeof origFetch === 'function') {
    // A method: like the native fetch it has no prototype and cannot be called with `new`.
    const wrapped = { fetch(input) {
      const init = arguments.length > 1 ? arguments[1] : undefined;
      let url;
      let copy;
      let headers = {};
      try {
        const isRequest = typeof Request !== 'undefined' && input instanceof Request;
        url = absolute(isRequest ? input.url : input instanceof URL ? input.href : input);
        const method = String((init && init.method) || (isRequest ? input.method : 'GET')).toUpperCase();
        if (!adapter.isSubmit({ url, method })) return apply(origFetch, this, arguments);
        if (aborted(init && init.signal) || (isRequest && aborted(input.signal))) return apply(origFetch, this, arguments);
        copy = isRequest && !(init && init.body !== undefined) ? input.clone() : null;
        if (wanted.length > 0) headers = wantedHeaders((init && init.headers) || (isRequest ? input.headers : undefined));
      } catch {
        return apply(origFetch, this, arguments);
      }
      const at = dateNow();
      // Clone the response before the page can start reading it.
      let giveClone;
      const cloned = new NativePromise((resolve) => {
        giveClone = resolve;
      });
      const result = on(apply(origFetch, this, arguments),
        (res) => {
          try {
            giveClone(res.clone());
          } catch {
            giveClone(null);
          }
          return res;
        },
        (err) => {
          giveClone(null);
          throw err;
        });
      const text = copy ? copy.text() : bodyText(init && init.body);
      on(settled(text), (t) => {
        const parsed = parse(t, url, headers);
        on(cloned, (c) => {
          if (!c) return; // aborted or failed before any response: never reached the site
          const continued = parsed && parsed.resume ? resumeHeld() : null;
          if (!parsed || (parsed.resume && !continued)) {
            if (c.body) on(c.body.cancel(), null, () => {});
            return;
          }
          const { turn, reader } = continued || begin(parsed, at);
          readStream(c, turn, reader);
        });
      }, () => {});
      return result;
    } }.fetch;
    window.fetch = lookAlike(wrapped, origFetch);
  }

  // XMLHttpRequest
  const XHR = window.XMLHttpRequest;
  if (XHR) {
    const info = new WeakMap();
    const origOpen = XHR.prototype.open;
    const origSend = XHR.prototype.send;
    const origSetHeader = XHR.prototype.setRequestHeader;
    const open = { open(method, url) {
      try {
        apply(weakSet, info, [this, { method: String(method).toUpperCase(), url: absolute(url), headers: {} }]);
      } catch {
        // ignore
      }
      return apply(origOpen, this, arguments);
    } }.open;
    // Only the request headers the adapter names are kept (Gemini's model header).
    const setHeader = { setRequestHeader(name, value) {
      try {
        const i = apply(weakGet, info, [this]);
        const key = String(name).toLowerCase();
        if (i && wanted.includes(key)) i.headers[key] = String(value);
      } catch {
        // ignore
      }
      return apply(origSetHeader, this, arguments);
    } }.setRequestHeader;
    const send = { send() {
      try {
        const i = apply(weakGet, info, [this]);
        if (i && adapter.isSubmit(i)) {
          const xhr = this;
          const at = dateNow();
          let parsed = null;
          let turn = null;
          let reader = null;
          let seen = 0;
          // The turn starts when the response's headers arrive (status 0: aborted or failed, no query).
          const start = () => {
            if (turn !== null || !parsed || xhr.readyState < 2 || xhr.status === 0) return;
            ({ turn, reader } = begin(parsed, at));
          };
          const pull = () => {
            start();
            if (turn === null || (xhr.responseType !== '' && xhr.responseType !== 'text')) return;
            const text = xhr.responseText || '';
            if (text.length > seen) {
              reader.push(text.slice(seen));
              seen = text.length;
            }
          };
          on(settled(bodyText(arguments[0])), (t) => {
            parsed = parse(t, i.url, i.headers);
            if (!parsed || parsed.resume) {
              parsed = null;
              return;
            }
            listen(xhr, 'readystatechange', start);
            listen(xhr, 'progress', pull);
            let stopped = false; // the page called abort() (the user's stop)
            listen(xhr, 'abort', () => {
              stopped = true;
            });
            listen(xhr, 'loadend', () => {
              pull();
              if (turn !== null) end(turn, false, stopped);
            });
            start();
          }, () => {});
        }
      } catch {
        // ignore
      }
      return apply(origSend, this, arguments);
    } }.send;
    XHR.prototype.open = lookAlike(open, origOpen);
    XHR.prototype.send = lookAlike(send, origSend);
    if (wanted.length > 0) XHR.prototype.setRequestHeader = lookAlike(setHeader, origSetHeader);
  }

  // EventSource (GET streams): see lib/capture/event-source-hook.js for when a turn ends.
  hookEventSource(window, (rawUrl) => {
    const url = absolute(rawUrl);
    const parsed = adapter.isSubmit({ url, method: 'GET' }) ? parse('', url) : null;
    if (!parsed) return null;
    const { turn, reader } = begin(parsed);
    return { push: (data) => reader.push(`data: ${data}\n\n`), end: () => end(turn) };
  });

  // WebSocket (sites whose adapter talks over a socket). Its send is wrapped
  // once on the prototype, so a socket has no own `send` to give us away.
  const WS = window.WebSocket;
  if (WS && typeof adapter.isSocket === 'function') {
    const watched = new WeakMap(); // socket -> {current}
    window.WebSocket = new Proxy(WS, {
      construct(target, args, newTarget) {
        const ws = construct(target, args, newTarget);
        try {
          if (adapter.isSocket(absolute(args[0]))) watchSocket(ws);
        } catch {
          // ignore
        }
        return ws;
      },
    });
    disguiseClass(window.WebSocket, WS);
    // Sites whose socket carries binary frames (Meta AI) get them as bytes; a Blob is read in order.
    const binary = adapter.binaryFrames === true;
    // Sites whose socket can carry the rest of a handed-off answer (ChatGPT).
    const continuation = typeof adapter.continuation === 'function' ? adapter.continuation.bind(adapter) : null;
    const CONTINUATION_QUIET_MS = 30000;
    const asBytes = (data) => (data instanceof ArrayBuffer ? new Uint8Array(data)
      : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null);
    // A request the current turn's reader takes as its own sent again (Copilot
    // re-sends a prompt a challenge held back): the same turn, no new prompt.
    // Only the reader's own method is asked, never one planted on Object.prototype.
    const resends = (reader, parsed) => {
      try {
        return hasOwn(reader, 'resend') && typeof reader.resend === 'function' && reader.resend(parsed) === true;
      } catch {
        return false;
      }
    };
    const origSendWs = WS.prototype.send;
    const sendWs = { send(data) {
      const state = apply(weakGet, watched, [this]);
      const result = apply(origSendWs, this, arguments);
      try {
        // Sent on an open socket (send throws before it opens): a query reached the site.
        if (state && this.readyState === 1) {
          const frame = typeof data === 'string' ? data : binary ? asBytes(data) : null;
          const parsed = frame ? parse(frame, this.url) : null;
          if (parsed && !(state.current && resends(state.current.reader, parsed))) {
            if (state.current) end(state.current.turn);
            state.current = begin(parsed);
          }
        }
      } catch {
        // ignore
      }
      return result;
    } }.send;
    WS.prototype.send = lookAlike(sendWs, origSendWs);

    function watchSocket(ws) {
      const state = { current: null, seen: null };
      apply(weakSet, watched, [ws, state]);
      const take = (frame) => {
        if (!state.current || !frame) return;
        try {
          if (state.current.reader.push(frame) === true) {
            end(state.current.turn);
            state.current = null;
          }
        } catch {
          // ignore
        }
      };
      let blobs = settled();
      // A turn handed off to this socket (ChatGPT's subscribe_ws_topic): the
      // adapter takes the stream's text out of each message; the turn ends at
      // its own end, or after a silence.
      let quiet = null;
      const continued = (text) => {
        if (!state.current) {
          const h = resumeHeld();
          if (!h) return;
          state.current = { ...h, continuing: true };
        }
        if (quiet) clearTimeout(quiet);
        const turn = state.current.turn;
        quiet = setTimeout(() => {
          if (state.current && state.current.turn === turn) {
            end(turn);
            state.current = null;
          }
        }, CONTINUATION_QUIET_MS);
        take(text);
      };
      listen(ws, 'message', (ev) => {
        // Only what the network delivered: a page script can dispatch a made-up message on a socket, not a trusted one.
        if (!ev || ev.isTrusted !== true) return undefined;
        if (continuation && typeof ev.data === 'string' && (held || (state.current && state.current.continuing))) {
          // The stream items this turn has had (a catch-up replays some of them): a new set for a held turn.
          if (!(state.current && state.current.continuing)) state.seen = new Set();
          let text;
          try {
            text = continuation(ev.data, state.seen);
          } catch {
            text = null;
          }
          if (text) return continued(text);
        }
        // A continued turn takes only the stream's text, never a message of another kind as if it were stream.
        if (!state.current || state.current.continuing) return undefined;
        if (typeof ev.data === 'string') return take(ev.data);
        if (!binary) return undefined;
        if (typeof Blob !== 'undefined' && ev.data instanceof Blob) {
          if (ev.data.size > 4 * 1024 * 1024) return undefined;
          const blob = ev.data;
          blobs = on(on(blobs, () => blob.arrayBuffer()), (b) => take(new Uint8Array(b)), () => {});
          return undefined;
        }
        return take(asBytes(ev.data));
      });
      listen(ws, 'close', (ev) => {
        if (!ev || ev.isTrusted !== true) return;
        if (state.current) end(state.current.turn);
        state.current = null;
      });
    }
  }

  // The EventSource wrapper (a Proxy) looks like the constructor it wraps.
  if (nativeEventSource && window.EventSource !== nativeEventSource) disguiseClass(window.EventSource, nativeEventSource);
}
