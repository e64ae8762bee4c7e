// An HTTPS server that imitates the supported sites for end-to-end tests:
// each chatbot's page, submit endpoint and streamed answer (from the saved
// fixtures in tests/fixtures/<site>/), and each search engine's result page,
// with an AI answer block for Google, Bing and Brave. A chatbot that talks
// over a WebSocket (Copilot) gets its chat socket too: a small RFC 6455
// server (no dependency) answers the page's "send" frame with the saved
// frames, one per message. A site's variant fixtures (tests/fixtures/<site>/
// <variant>/, laid out as fixture-steps.mjs says) are served at ?variant=
// <name>: the page sends the variant's requests in order, over HTTP, Connect
// or a (binary) socket, to the site's own or another of its hosts (Meta AI's
// graph.meta.ai and gateway.meta.ai), and each gets its saved answer. Every
// page carries MARKER in its prompt and answer text so tests can assert that
// it never leaves the page. The certificate is self-signed, made with the
// openssl CLI at start-up; browsers reach the server through
// --host-resolver-rules.

import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADAPTERS } from '../../lib/adapters/index.js';
import { ENGINES, parseSearchUrl } from '../../lib/search/search-engines.js';
import { acceptWebSocket } from './websocket.mjs';
import { connectStream, dgwMessages, dgwRequest } from './fixture-encoding.mjs';
import { loadFixture, variantNames } from './fixture-steps.mjs';

export const MARKER = 'WATTPRINT-PRIVATE-MARKER';

export const CHAT_HOSTS = [...new Set(ADAPTERS.map((a) => a.hosts[0]))];
/** The hosts a variant's page talks to. */
const stepHosts = (service, variant) => loadFixture(service, variant).steps.map((s) => new URL(s.url).hostname);
// Hosts a page talks to besides its own (Meta AI: graph.meta.ai, gateway.meta.ai).
const API_HOSTS = [...new Set(ADAPTERS.flatMap((a) => variantNames(a.service).flatMap((v) => stepHosts(a.service, v)))
  .filter((h) => !CHAT_HOSTS.includes(h)))];
export const SEARCH_HOSTS = [...new Set(ENGINES.flatMap((e) => e.hosts))];
export const ALL_HOSTS = [...CHAT_HOSTS, ...API_HOSTS, ...SEARCH_HOSTS];

function makeCert(dir) {
  const san = ALL_HOSTS.map((h) => `DNS:${h}`).join(',');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=wattprint-fixture',
    '-addext', `subjectAltName=${san}`, '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
  { stdio: 'ignore' });
  return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
}

/** A site's main fixture, or the variant named (an unknown name gives the main one), with its page snapshot. */
function chatFixture(adapter, variant = null) {
  const known = variant && variantNames(adapter.service).includes(variant);
  const fx = loadFixture(adapter.service, known ? variant : null);
  const page = readFileSync(path.join(fx.dir, known ? '..' : '.', 'page.html'), 'utf8');
  return { ...fx, variant: known ? variant : null, page };
}

/**
 * The variant a request belongs to: ?fixture-variant= on its URL (a request
 * to another host, or a socket), ?variant= (the page), or the page that sent
 * it (Referer).
 */
function variantOf(url, req) {
  const named = url.searchParams.get('fixture-variant') || url.searchParams.get('variant');
  if (named) return named;
  try {
    return new URL(String(req.headers.referer || '')).searchParams.get('variant');
  } catch {
    return null;
  }
}

/** The site a request is for: by its host, or the site whose named variant talks to that host (graph.meta.ai). */
function siteOf(host, variant) {
  return ADAPTERS.find((a) => a.hosts.includes(host))
    || (variant && ADAPTERS.find((a) => variantNames(a.service).includes(variant)
      && stepHosts(a.service, variant).includes(host)));
}

/**
 * A step's URL as the page requests it: a request to the page's own host by
 * its path (the server knows the variant from the Referer); a request to
 * another host, or a socket (which carries no Referer), names its variant.
 */
function stepUrl(step, fx, adapter) {
  const u = new URL(step.url);
  if (!step.socket && adapter.hosts.includes(u.hostname)) return u.pathname + u.search;
  if (fx.variant) u.searchParams.set('fixture-variant', fx.variant);
  return u.href;
}

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The imitation chat page: the saved DOM snapshot plus a script that submits like the site. */
function chatPage(adapter, fx) {
  const prompt = `${fx.expected.prompt_text} ${MARKER}`;
  const mark = (body) => (fx.expected.prompt_text ? body.split(fx.expected.prompt_text).join(prompt) : body);
  const socket = fx.steps.find((s) => s.socket) || null;
  const steps = fx.steps.filter((s) => !s.socket).map((s) => ({ url: stepUrl(s, fx, adapter), method: s.method,
    headers: s.headers, body: mark(s.body), connect: s.transport === 'connect' }));
  const config = JSON.stringify({
    steps,
    socket: socket ? stepUrl(socket, fx, adapter) : null,
    // Requests first, then the socket the answer continues on (ChatGPT's subscribe_ws_topic after a handoff).
    continuation: Boolean(socket && steps.length),
    dgw: socket && socket.transport === 'dgw' ? [...dgwRequest(socket.body)] : null, // the prompt is inside a protobuf: no marker
    body: socket ? mark(socket.body) : null,
    prompt,
    answer: `${fx.expected.response_text} ${MARKER}`,
    images: Number(fx.expected.images) || 0, // generated images, shown in the answer as the sites show them
    user: adapter.dom.user.split(',')[0].trim(),
    assistant: adapter.dom.assistant.split(',')[0].trim(),
  }).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(adapter.label)} fixture</title></head>
<body>${fx.page}
<div id="fixture-log"></div>
<script>
const CFG = ${config};
function addMessage(selector, text) {
  // Build elements that match the first selector of the adapter, one a level ("div[class*=x] .bubble": two).
  let outer = null;
  let el = null;
  for (const part of selector.split(/\\s+/).filter(Boolean)) {
    const m = /^([a-z-]+)?((?:\\.[\\w-]+)*)((?:\\[[^\\]]+\\])*)$/.exec(part) || [];
    const node = document.createElement(m[1] || 'div');
    (m[2] || '').split('.').filter(Boolean).forEach((c) => node.classList.add(c));
    for (const a of (m[3] || '').matchAll(/\\[([^=\\]*^]+)(?:[*^]?="([^"]*)")?\\]/g)) node.setAttribute(a[1], a[2] || '');
    if (el) el.appendChild(node);
    else outer = node;
    el = node;
  }
  if (!el) outer = el = document.createElement('div');
  el.textContent = text;
  document.body.insertBefore(outer, document.getElementById('fixture-log'));
  return el;
}
// ?long=N (benchmark): the answer streams N more one-word deltas, which the
// page renders as they arrive, like the real site.
const LONG = Number(new URLSearchParams(location.search).get('long')) || 0;
// ?broken=1: the site's stream changed shape (the server sends one the adapter cannot read).
const BROKEN = new URLSearchParams(location.search).has('broken');
// A socket site (Copilot) opens its chat socket with the page, sends the
// prompt as one frame and renders the answer from the frames that follow.
let socket = null;
function openSocket() {
  if (!socket || socket.readyState > 1) {
    socket = new WebSocket(CFG.socket);
    if (CFG.dgw) socket.binaryType = 'arraybuffer';
  }
  return socket;
}
if (CFG.socket) openSocket();
// Sends one message on the chat socket and reads its messages until \`last(ev)\` says the answer is over.
function overSocket(body, last) {
  const ws = openSocket();
  return new Promise((resolve, reject) => {
    const finish = (then) => {
      ws.removeEventListener('message', onMessage);
      ws.removeEventListener('close', onClose);
      then();
    };
    const onMessage = (ev) => {
      if (last(ev)) finish(resolve);
    };
    const onClose = () => finish(() => reject(new Error('the chat socket closed')));
    ws.addEventListener('message', onMessage);
    ws.addEventListener('close', onClose);
    if (ws.readyState === 1) ws.send(body);
    else ws.addEventListener('open', () => ws.send(body), { once: true });
  });
}
function sendOverSocket(answer) {
  if (CFG.dgw) {
    // The gateway's answer is JSON inside binary frames; the page shows it when complete.
    // It ends at the final event ({"response_id", "sections"}) or, in the older shape, at "is_complete":true.
    return overSocket(new Uint8Array(CFG.dgw), (ev) => {
      const text = new TextDecoder().decode(ev.data);
      return text.includes('{"response_id"') || text.includes('"is_complete":true');
    });
  }
  return overSocket(CFG.body, (ev) => {
    const msg = JSON.parse(ev.data);
    if (msg.event === 'appendText') answer.textContent += msg.text;
    return msg.event === 'done';
  });
}
// The rest of a handed-off answer on the topic socket: subscribe, then read until the turn's end.
function continueOverSocket() {
  return overSocket(CFG.body, (ev) => {
    const text = typeof ev.data === 'string' ? ev.data : '';
    return text.includes('message_stream_complete') || text.includes('[DONE]');
  });
}
// A Connect call: the JSON in one envelope (flag byte, 4-byte big-endian length), sent as bytes.
function connectInit(json) {
  const payload = new TextEncoder().encode(json);
  const body = new Uint8Array(5 + payload.length);
  new DataView(body.buffer).setUint32(1, payload.length);
  body.set(payload, 5);
  return { method: 'POST', body, headers: { 'content-type': 'application/connect+json', 'connect-protocol-version': '1' } };
}
let answered = 0;
async function send() {
  addMessage(CFG.user, CFG.prompt);
  const answer = addMessage(CFG.assistant, '');
  if (CFG.socket && !CFG.continuation) {
    await sendOverSocket(answer);
  } else {
    // The page's requests in order (e.g. Le Chat's newChat then /api/chat), each read to the end, as the site does.
    for (const [i, step] of CFG.steps.entries()) {
      const long = LONG && i === CFG.steps.length - 1;
      const last = i === CFG.steps.length - 1;
      const extra = long ? 'long=' + LONG : BROKEN && last ? 'broken=1' : '';
      const url = extra ? step.url + (step.url.includes('?') ? '&' : '?') + extra : step.url;
      const init = step.connect ? connectInit(step.body) : { method: step.method, body: step.body,
        headers: { 'content-type': 'text/plain', ...step.headers } };
      const res = await fetch(url, init);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (long) {
          const words = [...decoder.decode(value, { stream: true }).matchAll(/"v": "([^"]*)"/g)].map((m) => m[1]);
          if (words.length) answer.textContent += words.join('');
        }
      }
    }
    if (CFG.continuation) await continueOverSocket();
  }
  if (!LONG && (!CFG.socket || CFG.dgw || CFG.continuation)) answer.textContent = CFG.answer;
  for (let i = 0; i < CFG.images; i += 1) answer.appendChild(document.createElement('img'));
  answered += 1;
  window.__answered = answered;
  window.__answeredAt = performance.now();
  document.getElementById('fixture-log').textContent = answered === 1 ? 'answered' : 'answered ' + answered;
}
window.fixtureSend = send;
document.addEventListener('click', (ev) => { if (ev.target.closest('button, [role="button"], .send-button')) send(); });
// Like the real sites, the page sends with script: a submit button in a form does not reload the page.
document.addEventListener('submit', (ev) => ev.preventDefault());
</script></body></html>`;
}

/** An element matching a simple selector (#id, [attr="v"], .class), as an attribute string. */
function attrsFor(selector) {
  const id = /^#([\w-]+)/.exec(selector);
  const attr = /^\[([\w-]+)="([^"]*)"\]/.exec(selector);
  const cls = /^\.([\w-]+)/.exec(selector);
  return id ? `id="${id[1]}"` : attr ? `${attr[1]}="${attr[2]}"` : cls ? `class="${cls[1]}"` : '';
}

function searchPage(engine, query, aiMode = false) {
  // A page that is itself an AI answer (Google's AI Mode, Bing's Copilot Search) shows it where the engine's
  // aiAnswer selectors look; other result pages may show an AI block (engine.ai).
  const aiSelector = aiMode ? engine.aiAnswer[0] : engine.ai ? engine.ai[0] : null;
  let aiTag = '';
  if (aiSelector) {
    const a = attrsFor(aiSelector);
    aiTag = `<template id="ai"><div ${a}><h2>AI Overview</h2><p>A heat pump moves heat using electricity. ${MARKER}</p></div></template>
<script>setTimeout(() => document.body.prepend(document.getElementById('ai').content.cloneNode(true)), 300);</script>`;
  }
  const inputName = engine.params[0];
  // searchInPage(q): a new search made inside the page, as Google, Bing or DuckDuckGo do it (history.pushState
  // to the new result URL, then new results), without loading a new document.
  const inPage = `<script>window.searchInPage = (q) => {
  const u = new URL(location.href); u.searchParams.set(${JSON.stringify(inputName)}, q);
  history.pushState({ q }, '', u.href);
  document.querySelector('ol li a').textContent = 'Result one about ' + q;
};</script>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(query)} - ${esc(engine.label)}</title></head><body>
<form><input name="${inputName}" value="${esc(query)}"></form>
<ol><li><a href="https://example.org/1">Result one about ${esc(query)} ${MARKER}</a></li><li><a href="https://example.org/2">Result two</a></li></ol>
${aiTag}${inPage}</body></html>`;
}

function streamBody(res, text, contentType) {
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
  const chunks = [];
  for (let i = 0; i < text.length; i += 40) chunks.push(text.slice(i, i + 40));
  const next = () => {
    if (chunks.length === 0) return res.end();
    res.write(chunks.shift());
    return setTimeout(next, 5);
  };
  next();
}

const LOREM = 'energy water carbon model token answer watt hour grid cooling chip server light heat pump'.split(' ');

/** ChatGPT's stream with `words` more one-word deltas (about one token each) before the end of the answer. */
function streamLong(res, response, words) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const cut = response.indexOf('event: delta\ndata: {"p": "", "o": "patch"');
  const events = [];
  for (let i = 0; i < words; i += 1) events.push(`event: delta\ndata: {"v": " ${LOREM[i % LOREM.length]}"}\n\n`);
  const parts = [response.slice(0, cut)];
  for (let i = 0; i < events.length; i += 20) parts.push(events.slice(i, i + 20).join(''));
  parts.push(response.slice(cut));
  const next = () => {
    if (parts.length === 0) return res.end();
    res.write(parts.shift());
    return setTimeout(next, 10);
  };
  next();
}

/**
 * The fixture's socket answer: each saved frame (one JSON object a line) as
 * its own message, a few ms apart, with MARKER appended to the answer as one
 * more appendText frame after the saved ones (ids renumbered in order).
 */
function socketFrames(response) {
  const frames = response.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const last = frames.findLastIndex((f) => f.event === 'appendText');
  if (last >= 0) frames.splice(last + 1, 0, { ...frames[last], text: ` ${MARKER}` });
  let id = 0;
  return frames.map((f) => JSON.stringify('id' in f ? { ...f, id: String(id++) } : f));
}

function streamFrames(send, frames) {
  return new Promise((resolve) => {
    const queue = [...frames];
    const next = () => {
      if (queue.length === 0) return resolve();
      send(queue.shift());
      return setTimeout(next, 10);
    };
    next();
  });
}

function readBody(req) {
  return new Promise((resolve) => {
    const parts = [];
    req.on('data', (c) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
  });
}

/**
 * Starts the server; resolves with {port, hosts, hostResolverRules, requests, close}.
 * `tls` ({key, cert} PEM) replaces the self-signed certificate, e.g. with one
 * signed by a test CA that Firefox is told to trust.
 */
export async function startFixtureServer({ port = 0, tls = null } = {}) {
  const certDir = mkdtempSync(path.join(tmpdir(), 'wattprint-cert-'));
  const requests = []; // every request body the server received, for privacy assertions
  const server = https.createServer(tls || makeCert(certDir), async (req, res) => {
    const host = String(req.headers.host || '').replace(/:\d+$/, '');
    const url = new URL(req.url, `https://${host}`);
    const body = await readBody(req);
    requests.push({ host, method: req.method, path: url.pathname, body });
    const variant = variantOf(url, req);
    const adapter = siteOf(host, variant);
    if (adapter) {
      const fx = chatFixture(adapter, variant);
      const step = fx.steps.find((s) => !s.socket && s.method === req.method && new URL(s.url).pathname === url.pathname);
      if (step) {
        // The page may post to another host of the site (graph.meta.ai): let it read the answer.
        res.setHeader('access-control-allow-origin', '*');
        const connect = step.transport === 'connect';
        const type = connect ? 'application/connect+json'
          : /^data:|^event:/m.test(step.answer) ? 'text/event-stream' : 'text/plain; charset=utf-8';
        const long = Number(url.searchParams.get('long')) || 0;
        if (long && adapter.service === 'chatgpt') return streamLong(res, step.answer, long);
        // ?broken=1: the site changed its stream; nothing in it is the shape the adapter knows, and no end marker.
        if (url.searchParams.get('broken')) return streamBody(res, 'data: {"shape":"changed","n":1}\n\n', type);
        return streamBody(res, connect ? connectStream(step.answer) : step.answer, type);
      }
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(chatPage(adapter, fx));
      }
    }
    const engine = ENGINES.find((e) => e.hosts.includes(host) && e.paths.some((p) => p.test(url.pathname)));
    if (engine) {
      let query = engine.params.map((p) => url.searchParams.get(p)).find((v) => v);
      if (!query && req.method === 'POST') {
        const form = new URLSearchParams(body);
        query = engine.params.map((p) => form.get(p)).find((v) => v);
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const parsed = parseSearchUrl(`https://${host}${url.pathname}${url.search}`);
      return res.end(searchPage(engine, query || '', Boolean(parsed && parsed.ai)));
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    return res.end('not found');
  });
  const sockets = new Set(); // upgraded connections, which server.closeAllConnections() no longer sees
  server.on('upgrade', (req, socket, head) => {
    const host = String(req.headers.host || '').replace(/:\d+$/, '');
    const url = new URL(req.url, `https://${host}`);
    requests.push({ host, method: 'UPGRADE', path: url.pathname, body: '' });
    const variant = url.searchParams.get('fixture-variant');
    const adapter = siteOf(host, variant);
    const fx = adapter ? chatFixture(adapter, variant) : null;
    const step = fx && fx.steps.find((s) => s.socket);
    if (!step || url.pathname !== new URL(step.url).pathname) {
      // Only the chat socket is served; others (e.g. /c/api/notifications) are refused.
      socket.on('error', () => socket.destroy());
      return socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const dgw = step.transport === 'dgw';
    const frames = dgw ? dgwMessages(step.answer) : socketFrames(step.answer);
    let turn = Promise.resolve(); // one answer at a time per socket, in order
    // The gateway's prompt message holds a {"req-id", "payload"} data frame.
    const onBinary = (bytes, send) => {
      requests.push({ host, method: 'WS', path: url.pathname, body: bytes.toString('utf8') });
      if (dgw && bytes.includes('"req-id"')) turn = turn.then(() => streamFrames(send, frames));
    };
    return acceptWebSocket(req, socket, head, (text, send) => {
      requests.push({ host, method: 'WS', path: url.pathname, body: text });
      let msg = null;
      try {
        msg = JSON.parse(text);
      } catch {
        // not a frame the site knows: ignored
      }
      // A chat socket's prompt ({"event":"send"}), or a subscription to the topic a handed-off answer continues on.
      // (ChatGPT's commands come as an array: connect, then subscribe.)
      const subscribes = Array.isArray(msg) && msg.some((c) => c && c.command && c.command.type === 'subscribe');
      if (msg && (msg.event === 'send' || msg.type === 'subscribe' || subscribes)) turn = turn.then(() => streamFrames(send, frames));
    }, onBinary);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = server.address().port;
  return {
    port: actual,
    hosts: ALL_HOSTS,
    hostResolverRules: ALL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${actual}`).join(', '),
    requests,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      server.close(() => {
        rmSync(certDir, { recursive: true, force: true });
        resolve();
      });
    }),
  };
}

// CLI: PORT (default 8443; 0 picks a free one), TLS_CERT and TLS_KEY (PEM
// files, optional). Prints one JSON line {port, hostResolverRules, hosts} once
// listening, then serves until killed.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tls = process.env.TLS_CERT
    ? { cert: readFileSync(process.env.TLS_CERT), key: readFileSync(process.env.TLS_KEY) } : null;
  const s = await startFixtureServer({ port: Number(process.env.PORT ?? 8443), tls });
  console.log(JSON.stringify({ port: s.port, hostResolverRules: s.hostResolverRules, hosts: s.hosts }));
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
