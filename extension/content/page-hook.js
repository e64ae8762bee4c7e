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
    const reader = adapter.createReader();
    active.set(turn, { reader, at });
    return { turn, reader };
  };
  const end = (turn, partial = false) => {
    const entry = active.get(turn);
    if (!entry) return;
    active.delete(turn);
    let out = { response: {}, images: 0, model: null, modes: [] };
    try {
      out = entry.reader.finish();
    } catch {
      // keep the empty result
    }
    // parsed / complete: the adapter's verdict on this stream (missing: unknown).
    post({ kind: 'end', turn, at: Date.now(), response: out.response, images: out.images || 0,
      model: out.model || null, modes: out.modes || [], partial,
      ...(typeof out.parsed === 'boolean' ? { parsed: out.parsed } : {}),
      ...(typeof out.complete === 'boolean' ? { complete: out.complete } : {}) });
  };
  addEventListener('pagehide', () => [...active.keys()].forEach((t) => end(t, true)));

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
  const parse = (text, url) => {
    try {
      const parsed = adapter.parseRequest(text, { url });
      return parsed && typeof parsed === 'object' ? parsed : null;
    } catch {
      return null;
    }
  };
  const readStream = async (response, turn, reader) => {
    try {
      const stream = response.body;
      if (!stream) {
        reader.push(await response.text());
      } else {
        const r = stream.getReader();
        const dec = new TextDecoder();
        for (;;) {
          const { value, done } = await r.read();
          if (done) break;
          reader.push(dec.decode(value, { stream: true }));
        }
        reader.push(dec.decode());
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
      try {
        const isRequest = typeof Request !== 'undefined' && input instanceof Request;
        url = absolute(isRequest ? input.url : input instanceof URL ? input.href : input);
        const method = String((init && init.method) || (isRequest ? input.method : 'GET')).toUpperCase();
        if (!adapter.isSubmit({ url, method })) return origFetch.apply(this, arguments);
        copy = isRequest && !(init && init.body !== undefined) ? input.clone() : null;
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
        const parsed = parse(t, url);
        if (!parsed) {
          cloned.then((c) => c && c.body && c.body.cancel()).catch(() => {});
          return;
        }
        const { turn, reader } = begin(parsed);
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
    XHR.prototype.open = function open(method, url) {
      try {
        info.set(this, { method: String(method).toUpperCase(), url: absolute(url) });
      } catch {
        // ignore
      }
      return origOpen.apply(this, arguments);
    };
    XHR.prototype.send = function send(body) {
      try {
        const i = info.get(this);
        if (i && adapter.isSubmit(i)) {
          const xhr = this;
          Promise.resolve(bodyText(body)).then((t) => {
            const parsed = parse(t, i.url);
            if (!parsed) return;
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
    const origSendWs = ws.send;
    ws.send = function send(data) {
      try {
        if (typeof data === 'string') {
          const parsed = parse(data, ws.url);
          if (parsed) {
            if (current) end(current.turn);
            current = begin(parsed);
          }
        }
      } catch {
        // ignore
      }
      return origSendWs.apply(this, arguments);
    };
    ws.addEventListener('message', (ev) => {
      if (!current || typeof ev.data !== 'string') return;
      try {
        if (current.reader.push(ev.data) === true) {
          end(current.turn);
          current = null;
        }
      } catch {
        // ignore
      }
    });
    ws.addEventListener('close', () => {
      if (current) end(current.turn);
      current = null;
    });
  }
}
