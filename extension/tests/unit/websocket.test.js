// The fixture server's WebSocket side (tests/e2e/websocket.mjs), driven over
// a real local TCP connection the way a browser drives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { acceptWebSocket, wsFrame, wsReader } from '../e2e/websocket.mjs';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** A client frame: masked, as browsers send them. */
function clientFrame(opcode, payload, { fin = true, mask = true } = {}) {
  const data = Buffer.from(payload);
  const len = data.length;
  const head = len < 126 ? Buffer.from([0, len]) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (len >= 126 && len < 65536) { head[1] = 126; head.writeUInt16BE(len, 2); }
  if (len >= 65536) { head[1] = 127; head.writeBigUInt64BE(BigInt(len), 2); }
  head[0] = (fin ? 0x80 : 0) | opcode;
  if (!mask) return Buffer.concat([head, data]);
  head[1] |= 0x80;
  const key = randomBytes(4);
  const body = Buffer.from(data);
  for (let i = 0; i < body.length; i += 1) body[i] ^= key[i & 3];
  return Buffer.concat([head, key, body]);
}

const open = new Set(); // every socket of a test, destroyed at its end whatever happened

/** An echo server on a free port: every text message comes back upper-cased. */
async function withServer(fn) {
  const server = net.createServer((socket) => {
    open.add(socket);
    let raw = Buffer.alloc(0);
    const onData = (chunk) => {
      raw = Buffer.concat([raw, chunk]);
      const end = raw.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const lines = raw.subarray(0, end).toString().split('\r\n');
      const [method] = lines[0].split(' ');
      const headers = Object.fromEntries(lines.slice(1).map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim()];
      }));
      acceptWebSocket({ method, headers }, socket, raw.subarray(end + 4), (text, send) => send(text.toUpperCase()));
    };
    socket.on('data', onData);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    await fn(server.address().port);
  } finally {
    for (const s of open) s.destroy();
    open.clear();
    server.close();
  }
}

/** A raw client: the handshake's reply and every server frame it reads. */
function connect(port, { key = randomBytes(16).toString('base64'), version = '13', extra = Buffer.alloc(0) } = {}) {
  const socket = net.connect(port, '127.0.0.1');
  open.add(socket);
  const frames = [];
  let reply = null;
  let raw = Buffer.alloc(0);
  const read = wsReader((f) => frames.push(f));
  const closed = new Promise((r) => socket.on('close', r));
  socket.on('data', (chunk) => {
    if (reply === null) {
      raw = Buffer.concat([raw, chunk]);
      const end = raw.indexOf('\r\n\r\n');
      if (end < 0) return;
      reply = raw.subarray(0, end).toString();
      chunk = raw.subarray(end + 4);
    }
    if (chunk.length) read(chunk);
  });
  socket.write(Buffer.concat([Buffer.from(`GET /c/api/chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n`
    + `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: ${version}\r\n\r\n`), extra]));
  const until = async (pred) => {
    for (let i = 0; i < 200 && !pred(); i += 1) await new Promise((r) => setTimeout(r, 5));
    assert.ok(pred(), 'timed out');
  };
  return { socket, frames, get reply() { return reply; }, closed, until, key };
}

test('the handshake answers with the accept key, and text comes back as unmasked frames', async () => {
  await withServer(async (port) => {
    const c = connect(port, { extra: clientFrame(1, 'sent with the handshake') });
    await c.until(() => c.frames.length === 1);
    const accept = createHash('sha1').update(c.key + GUID).digest('base64');
    assert.match(c.reply, /^HTTP\/1\.1 101 /);
    assert.ok(c.reply.includes(`Sec-WebSocket-Accept: ${accept}`));
    assert.equal(c.frames[0].masked, false);
    assert.equal(c.frames[0].payload.toString(), 'SENT WITH THE HANDSHAKE');
    c.socket.destroy();
  });
});

test('long, fragmented and split messages arrive whole; ping gets pong; close is echoed', async () => {
  await withServer(async (port) => {
    const c = connect(port);
    await c.until(() => c.reply !== null);
    const big = 'é'.repeat(40000); // 80,000 bytes: the 64-bit length form
    const frame = clientFrame(1, big);
    for (let i = 0; i < frame.length; i += 777) c.socket.write(frame.subarray(i, i + 777));
    c.socket.write(Buffer.concat([clientFrame(1, 'frag', { fin: false }), clientFrame(9, 'p'),
      clientFrame(0, 'mented', { fin: false }), clientFrame(0, '!')]));
    await c.until(() => c.frames.length === 3);
    assert.equal(c.frames[0].payload.toString(), big.toUpperCase());
    assert.deepEqual([c.frames[1].opcode, c.frames[1].payload.toString()], [10, 'p']);
    assert.equal(c.frames[2].payload.toString(), 'FRAGMENTED!');
    const code = Buffer.alloc(2);
    code.writeUInt16BE(1000);
    c.socket.write(clientFrame(8, code));
    await c.closed;
    assert.equal(c.frames.at(-1).opcode, 8);
    assert.equal(c.frames.at(-1).payload.readUInt16BE(0), 1000);
  });
});

for (const [name, bytes, want] of [
  ['an unmasked frame', clientFrame(1, 'hi', { mask: false }), 1002],
  ['invalid UTF-8', clientFrame(1, Buffer.from([0xc3, 0x28])), 1007],
  ['a continuation without a message', clientFrame(0, 'x'), 1002],
]) {
  test(`${name} closes the connection with ${want}`, async () => {
    await withServer(async (port) => {
      const c = connect(port);
      await c.until(() => c.reply !== null);
      c.socket.write(bytes);
      await c.closed;
      assert.equal(c.frames.at(-1).opcode, 8);
      assert.equal(c.frames.at(-1).payload.readUInt16BE(0), want);
    });
  });
}

test('a request that is not a version-13 upgrade gets an HTTP error', async () => {
  await withServer(async (port) => {
    const bad = connect(port, { key: 'short' });
    await bad.closed;
    assert.match(bad.reply || '', /^HTTP\/1\.1 400 /);
    const old = connect(port, { version: '8' });
    await old.closed;
    assert.match(old.reply || '', /^HTTP\/1\.1 426 /);
  });
});

test('wsFrame picks the shortest length form', () => {
  assert.equal(wsFrame(1, 'a'.repeat(125)).length, 2 + 125);
  assert.equal(wsFrame(1, 'a'.repeat(126)).length, 4 + 126);
  assert.equal(wsFrame(1, 'a'.repeat(65536)).length, 10 + 65536);
});

// The page hook on a chat socket (content/page-hook.js), loaded once into a
// stand-in page: a window and a document (event targets), the Copilot
// location and a WebSocket whose messages arrive as trusted events. What the
// hook reports is read from its channel, as the content script reads it.

class NetEvent extends Event {
  constructor(type, data) {
    super(type);
    this.data = data;
  }

  get isTrusted() {
    return true; // delivered by the network, as far as the hook can tell
  }
}

class StandInSocket extends EventTarget {
  constructor(url) {
    super();
    this.url = url;
    this.readyState = 1;
    this.sent = [];
  }

  send(data) {
    this.sent.push(data);
  }

  deliver(data) {
    this.dispatchEvent(new NetEvent('message', data));
  }

  closeFromServer() {
    this.readyState = 3;
    this.dispatchEvent(new NetEvent('close'));
  }
}

let hookPage = null;
/** The stand-in page with the hook installed: {win, reports} (every message the hook posted). */
async function pageWithHook() {
  if (hookPage) return hookPage;
  const win = new EventTarget();
  win.WebSocket = StandInSocket;
  const doc = new EventTarget();
  Object.assign(globalThis, { window: win, document: doc,
    location: { hostname: 'copilot.microsoft.com', pathname: '/', href: 'https://copilot.microsoft.com/' } });
  let token = null;
  doc.addEventListener('wattprint:hello', (ev) => {
    token = ev.detail;
  });
  await import('../../content/page-hook.js');
  assert.ok(token, 'the hook said hello');
  const reports = [];
  doc.addEventListener(`wattprint:${token}`, (ev) => reports.push(JSON.parse(ev.detail)));
  doc.dispatchEvent(new CustomEvent(`wattprint:${token}:ready`));
  hookPage = { win, reports };
  return hookPage;
}

const CHAT = 'wss://copilot.microsoft.com/c/api/chat?api-version=2&clientSessionId=0b7c-test';
const sendFrame = (text) => JSON.stringify({ event: 'send', conversationId: 'conv-test',
  content: [{ type: 'text', text }], mode: 'smart', context: {} });
const ANSWER = ['{"event":"received","messageId":"u1","id":"1"}', '{"event":"startMessage","messageId":"a1","id":"2"}',
  '{"event":"appendText","messageId":"a1","partId":"0","text":"Four.","id":"3"}',
  '{"event":"partCompleted","messageId":"a1","partId":"0","id":"4"}', '{"event":"done","messageId":"a1","id":"5"}'];

/** The hook's reports from here on: call the result for those that came since. */
async function watchReports() {
  const { win, reports } = await pageWithHook();
  const from = reports.length;
  return { win, since: () => reports.slice(from) };
}

test('page hook: a prompt re-sent after a challenge is the same turn, not a second prompt', async () => {
  const { win, since } = await watchReports();
  const ws = new win.WebSocket(CHAT);
  ws.deliver('{"event":"connected"}');
  ws.send('{"event":"setOptions","supportedFeatures":[],"supportedCards":[]}');
  ws.send(sendFrame('What is two plus two?'));
  ws.deliver('{"event":"challenge","method":"hashcash","parameter":"s:0","id":"0.1"}');
  ws.send('{"event":"challengeResponse","token":"0","method":"hashcash","id":"0.1"}');
  ws.send(sendFrame('What is two plus two?'));
  for (const f of ANSWER) ws.deliver(f);
  const got = since();
  assert.deepEqual(got.map((m) => m.kind), ['submit', 'end'], 'one prompt, one answer');
  assert.equal(got[1].turn, got[0].turn);
  assert.deepEqual(got[0].prompt, { latin: 17 });
  assert.deepEqual(got[1].response, { latin: 5 });
  assert.equal(got[1].complete, true);
});

test('page hook: the same prompt sent again after its answer, or a new one after a challenge, is a new prompt', async () => {
  const { win, since } = await watchReports();
  const ws = new win.WebSocket(CHAT);
  ws.send(sendFrame('Again?'));
  for (const f of ANSWER) ws.deliver(f);
  ws.send(sendFrame('Again?'));
  ws.deliver('{"event":"challenge","method":"hashcash","parameter":"s:0","id":"0.2"}');
  ws.send(sendFrame('Something else?'));
  ws.closeFromServer();
  const kinds = since().map((m) => m.kind);
  assert.deepEqual(kinds, ['submit', 'end', 'submit', 'end', 'submit', 'end']);
});

test('page hook: only send frames are prompts (messagePreview, challengeResponse, setOptions are not)', async () => {
  const { win, since } = await watchReports();
  const ws = new win.WebSocket(CHAT);
  ws.send('{"event":"messagePreview","conversationId":"conv-test","text":"What is two plus two?"}');
  ws.send('{"event":"challengeResponse","token":"0","method":"hashcash"}');
  ws.send('{"event":"reportLocalConsents","grantedConsents":[]}');
  ws.deliver('{"event":"messagePreview","text":"What is two plus two?"}');
  assert.deepEqual(since(), []);
});
