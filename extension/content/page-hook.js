// Runs in the page's own JavaScript world (MAIN) at document_start, before
// the site's scripts. It wraps fetch, XMLHttpRequest, EventSource and
// WebSocket, lets the site adapter recognise a prompt submission and measure
// the streamed answer, and hands ONLY numbers and mode names to the isolated
// content script (content/chat.js) through DOM events on a random channel.
// No prompt or answer text ever leaves this world. Every wrapper falls back
// to the original behaviour on any error of ours.

import { adapterForPage } from '../lib/adapters/index.js';
import { hookEventSource } from '../lib/event-source-hook.js';

const adapter = adapterForPage(location.hostname, location.pathname);
if (adapter) installHooks(adapter);

function installHooks(adapter) {
  const token = crypto.randomUUID();
  const channel = `wattprint:${token}`;
  const queue = [];
  let ready = false;
  let turns = 0;
  const active = new Map(); // turn -> {reader, at}

  const dispatch = (msg) => document.dispatchEvent(new CustomEvent(channel, { detail: JSON.stringify(msg) }));
  const post = (msg) => (ready ? dispatch(msg) : queue.push(msg));
  const hello = () => document.dispatchEvent(new CustomEvent('wattprint:hello', { detail: token }));
  const onPing = () => hello();
  document.addEventListener('wattprint:ping', onPing);
  document.addEventListener(`${channel}:ready`, () => {
    if (ready) return;
    ready = true;
    // Once paired, nobody else can learn the channel by pinging.
    document.removeEventListener('wattprint:ping', onPing);
    queue.splice(0).forEach(dispatch);
  });
  hello();

  const begin = (parsed) => {
    const turn = ++turns;
    const at = Date.now();
    post({ kind: 'submit', turn, at, model: parsed.model, modes: parsed.modes, prompt: parsed.prompt, context: parsed.context });
    const reader = adapter.createReader(parsed);
    active.set(turn, { reader, at });
    return { turn, reader };
  };
  // A turn whose stream handed off to a resume stream (ChatGPT's
  // stream_handoff) waits here, briefly, for that stream to continue it.
  let held = null;
  const HANDOFF_WAIT_MS = 10000;
  const end = (turn, partial = false) => {
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
      held = { turn, entry, timer: setTimeout(() => post(endMessage(turn, out, false)), HANDOFF_WAIT_MS) };
      return;
    }
    post(endMessage(turn, out, partial));
  };
  const endMessage = (turn, out, partial) => ({ kind: 'end', turn, at: Date.now(), response: out.response,
    images: out.images || 0, model: out.model || null, modes: out.modes || [], partial,
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
  addEventListener('pagehide', () => {
    const h = resumeHeld();
    if (h) end(h.turn, true);
    [...active.keys()].forEach((t) => end(t, true));
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
    } catch {
      // aborted by the user or the network: count what arrived
    }
    end(turn);
  };

  // fetch
  const origFetch = window.fetch;
  if (typeof origFetch === 'function') {
    window.fetch = function fetch(input, init) {
      let url;
      let copy;
      let headers = {};
      try {
        const isRequest = typeof Request !== 'undefined' && input instanceof Request;
        url = absolute(isRequest ? input.url : input instanceof URL ? input.href : input);
        const method = String((init && init.method) || (isRequest ? input.method : 'GET')).toUpperCase();
        if (!adapter.isSubmit({ url, method })) return origFetch.apply(this, arguments);
        copy = isRequest && !(init && init.body !== undefined) ? input.clone() : null;
        if (wanted.length > 0) headers = wantedHeaders((init && init.headers) || (isRequest ? input.headers : undefined));
      } catch {
        return origFetch.apply(this, arguments);
      }
      // Clone the response before the page can start reading it.
      let giveClone;
      const cloned = new Promise((resolve) => {
        giveClone = resolve;
      });
      const result = origFetch.apply(this, arguments).then(
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
        },
      );
      const text = copy ? copy.text() : bodyText(init && init.body);
      Promise.resolve(text).then((t) => {
        const parsed = parse(t, url, headers);
        const continued = parsed && parsed.resume ? resumeHeld() : null;
        if (!parsed || (parsed.resume && !continued)) {
          cloned.then((c) => c && c.body && c.body.cancel()).catch(() => {});
          return;
        }
        const { turn, reader } = continued || begin(parsed);
        cloned.then((c) => (c ? readStream(c, turn, reader) : end(turn)));
      }).catch(() => {});
      return result;
    };
  }

  // XMLHttpRequest
  const XHR = window.XMLHttpRequest;
  if (XHR) {
    const info = new WeakMap();
    const origOpen = XHR.prototype.open;
    const origSend = XHR.prototype.send;
    const origSetHeader = XHR.prototype.setRequestHeader;
    XHR.prototype.open = function open(method, url) {
      try {
        info.set(this, { method: String(method).toUpperCase(), url: absolute(url), headers: {} });
      } catch {
        // ignore
      }
      return origOpen.apply(this, arguments);
    };
    if (wanted.length > 0) {
      XHR.prototype.setRequestHeader = function setRequestHeader(name, value) {
        try {
          const i = info.get(this);
          const key = String(name).toLowerCase();
          if (i && wanted.includes(key)) i.headers[key] = String(value);
        } catch {
          // ignore
        }
        return origSetHeader.apply(this, arguments);
      };
    }
    XHR.prototype.send = function send(body) {
      try {
        const i = info.get(this);
        if (i && adapter.isSubmit(i)) {
          const xhr = this;
          Promise.resolve(bodyText(body)).then((t) => {
            const parsed = parse(t, i.url, i.headers);
            if (!parsed || parsed.resume) return;
            const { turn, reader } = begin(parsed);
            let seen = 0;
            const pull = () => {
              if (xhr.responseType !== '' && xhr.responseType !== 'text') return;
              const text = xhr.responseText || '';
              if (text.length > seen) {
                reader.push(text.slice(seen));
                seen = text.length;
              }
            };
            xhr.addEventListener('progress', pull);
            xhr.addEventListener('loadend', () => {
              pull();
              end(turn);
            });
          }).catch(() => {});
        }
      } catch {
        // ignore
      }
      return origSend.apply(this, arguments);
    };
  }

  // EventSource (GET streams): see lib/event-source-hook.js for when a turn ends.
  hookEventSource(window, (rawUrl) => {
    const url = absolute(rawUrl);
    const parsed = adapter.isSubmit({ url, method: 'GET' }) ? parse('', url) : null;
    if (!parsed) return null;
    const { turn, reader } = begin(parsed);
    return { push: (data) => reader.push(`data: ${data}\n\n`), end: () => end(turn) };
  });

  // WebSocket (sites whose adapter talks over a socket)
  const WS = window.WebSocket;
  if (WS && typeof adapter.isSocket === 'function') {
    window.WebSocket = new Proxy(WS, {
      construct(target, args, newTarget) {
        const ws = Reflect.construct(target, args, newTarget);
        try {
          if (adapter.isSocket(absolute(args[0]))) watchSocket(ws);
        } catch {
          // ignore
        }
        return ws;
      },
    });
  }

  function watchSocket(ws) {
    let current = null;
    // Sites whose socket carries binary frames (Meta AI) get them as bytes;
    // a Blob is read in order, after the frames before it.
    const binary = adapter.binaryFrames === true;
    const asBytes = (data) => (data instanceof ArrayBuffer ? new Uint8Array(data)
      : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null);
    const origSendWs = ws.send;
    ws.send = function send(data) {
      try {
        const frame = typeof data === 'string' ? data : binary ? asBytes(data) : null;
        const parsed = frame ? parse(frame, ws.url) : null;
        if (parsed) {
          if (current) end(current.turn);
          current = begin(parsed);
        }
      } catch {
        // ignore
      }
      return origSendWs.apply(this, arguments);
    };
    const take = (frame) => {
      if (!current || !frame) return;
      try {
        if (current.reader.push(frame) === true) {
          end(current.turn);
          current = null;
        }
      } catch {
        // ignore
      }
    };
    let blobs = Promise.resolve();
    ws.addEventListener('message', (ev) => {
      if (!current) return;
      if (typeof ev.data === 'string') return take(ev.data);
      if (!binary) return undefined;
      if (typeof Blob !== 'undefined' && ev.data instanceof Blob) {
        if (ev.data.size > 4 * 1024 * 1024) return undefined;
        blobs = blobs.then(() => ev.data.arrayBuffer()).then((b) => take(new Uint8Array(b)), () => {});
        return undefined;
      }
      return take(asBytes(ev.data));
    });
    ws.addEventListener('close', () => {
      if (current) end(current.turn);
      current = null;
    });
  }
}
