// A WebSocket server side (RFC 6455), just enough for a browser on the other
// end: the opening handshake, client frames of any length (masked, possibly
// fragmented or split across reads), ping/pong and close, and unmasked text
// frames back. No compression, no subprotocol. Used by the fixture server for
// chatbots that talk over a WebSocket (Copilot).

import { createHash } from 'node:crypto';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const WS_MAX_MESSAGE = 16 * 1024 * 1024;
const OP = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 };

/** One server frame: final, unmasked (a server never masks), with the shortest length encoding. */
export function wsFrame(opcode, payload = Buffer.alloc(0)) {
  const data = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
  let head;
  if (data.length < 126) {
    head = Buffer.alloc(2);
    head[1] = data.length;
  } else if (data.length < 65536) {
    head = Buffer.alloc(4);
    head[1] = 126;
    head.writeUInt16BE(data.length, 2);
  } else {
    head = Buffer.alloc(10);
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(data.length), 2);
  }
  head[0] = 0x80 | opcode;
  return Buffer.concat([head, data]);
}

/**
 * Reads frames from a byte stream: push(chunk) calls onFrame({fin, rsv,
 * opcode, masked, payload}) for every whole frame, unmasking the payload, and
 * keeps a partial frame for the next chunk. Throws on a length it refuses.
 */
export function wsReader(onFrame) {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    while (buf.length >= 2) {
      let len = buf[1] & 0x7f;
      let off = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        len = buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (buf.length < 10) return;
        const big = buf.readBigUInt64BE(2);
        if (big > BigInt(WS_MAX_MESSAGE)) throw Object.assign(new Error('frame too long'), { code: 1009 });
        len = Number(big);
        off = 10;
      }
      const masked = (buf[1] & 0x80) !== 0;
      const mask = masked ? buf.subarray(off, off + 4) : null;
      if (masked) off += 4;
      if (buf.length < off + len) return;
      const payload = Buffer.from(buf.subarray(off, off + len));
      if (mask) for (let i = 0; i < payload.length; i += 1) payload[i] ^= mask[i & 3];
      const frame = { fin: (buf[0] & 0x80) !== 0, rsv: buf[0] & 0x70, opcode: buf[0] & 0x0f, masked, payload };
      buf = buf.subarray(off + len);
      onFrame(frame);
    }
  };
}

/**
 * Completes the opening handshake on an upgraded `socket` and runs the
 * connection: joins fragmented client messages, answers ping with pong and
 * close with close, fails the connection (close 1002/1007/1009) on a
 * protocol error. Calls onText(text, send) for each whole text message, and
 * onBinary(bytes, send), when given, for each binary one (else they are
 * ignored); send(text) writes one text frame, send(buffer) one binary frame.
 * Returns false, having answered with an HTTP error, when the request is not
 * a valid WebSocket upgrade.
 */
export function acceptWebSocket(req, socket, head, onText, onBinary = null) {
  const key = String(req.headers['sec-websocket-key'] || '');
  if (req.method !== 'GET' || String(req.headers.upgrade || '').toLowerCase() !== 'websocket'
    || Buffer.from(key, 'base64').length !== 16) {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    return false;
  }
  if (req.headers['sec-websocket-version'] !== '13') {
    socket.end('HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\nConnection: close\r\n'
      + 'Content-Length: 0\r\n\r\n');
    return false;
  }
  const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
  // No Sec-WebSocket-Extensions (no permessage-deflate) and no subprotocol.
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
    + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
  socket.setNoDelay(true);

  let closing = false;
  let message = null; // {opcode, parts, size} while a fragmented message arrives
  const write = (opcode, payload) => {
    if (!closing && socket.writable) socket.write(wsFrame(opcode, payload));
  };
  const close = (code, reason = '') => {
    if (closing) return;
    const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
    payload.writeUInt16BE(code, 0);
    payload.write(reason, 2);
    write(OP.close, payload);
    closing = true;
    socket.end();
  };
  const send = (data) => write(typeof data === 'string' ? OP.text : OP.binary, data);
  const decoder = new TextDecoder('utf-8', { fatal: true });

  const onFrame = (f) => {
    if (closing) return;
    if (f.rsv || !f.masked) return close(1002, f.rsv ? 'reserved bits set' : 'client frames must be masked');
    if (f.opcode >= 8) {
      if (!f.fin || f.payload.length > 125) return close(1002, 'bad control frame');
      if (f.opcode === OP.ping) return write(OP.pong, f.payload);
      if (f.opcode === OP.pong) return undefined;
      if (f.opcode === OP.close) {
        // Echo the status code (not the reason), then end our side.
        const code = f.payload.length >= 2 ? f.payload.readUInt16BE(0) : null;
        if (f.payload.length === 1) return close(1002, 'bad close frame');
        write(OP.close, code === null ? Buffer.alloc(0) : f.payload.subarray(0, 2));
        closing = true;
        return socket.end();
      }
      return close(1002, 'unknown control opcode');
    }
    if (f.opcode === OP.continuation) {
      if (!message) return close(1002, 'continuation without a message');
    } else if (f.opcode === OP.text || f.opcode === OP.binary) {
      if (message) return close(1002, 'new message inside a fragmented one');
      message = { opcode: f.opcode, parts: [], size: 0 };
    } else {
      return close(1002, 'unknown data opcode');
    }
    message.parts.push(f.payload);
    message.size += f.payload.length;
    if (message.size > WS_MAX_MESSAGE) return close(1009, 'message too long');
    if (!f.fin) return undefined;
    const done = message;
    message = null;
    if (done.opcode !== OP.text) return onBinary ? onBinary(Buffer.concat(done.parts), send) : undefined;
    let text;
    try {
      text = decoder.decode(Buffer.concat(done.parts));
    } catch {
      return close(1007, 'invalid UTF-8');
    }
    return onText(text, send);
  };

  const read = wsReader(onFrame);
  const onData = (chunk) => {
    try {
      read(chunk);
    } catch (e) {
      close(e.code || 1002, 'bad frame');
    }
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
  socket.on('end', () => {
    if (!closing) socket.end(); // the peer went away without a close frame
    closing = true;
  });
  if (head && head.length) onData(head);
  return true;
}
