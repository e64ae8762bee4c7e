// Binary fixture encodings, shared by the unit tests and the fixture server.
// Fixtures stay readable text; these turn them into the bytes a site sends.
//
// response.connect.txt: one Connect envelope a line, "<flag> <json>" (flag 0
// for a message, 2 for the end-of-stream envelope).
// response.dgw.txt: one binary WebSocket message a line, each JSON document
// wrapped in a data frame of the gateway's binary framing (see
// fixtures/metaai/EVIDENCE.md: 1 type byte 0x0d, a 2-byte stream id, a 3-byte
// little-endian length, then the payload).

/** One Connect envelope: flag byte, 4-byte big-endian length, payload. */
export function connectEnvelope(json, flag = 0) {
  const payload = Buffer.from(typeof json === 'string' ? json : JSON.stringify(json), 'utf8');
  const head = Buffer.alloc(5);
  head[0] = flag;
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

/** The bytes of a response.connect.txt fixture. */
export function connectStream(text) {
  const parts = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+) (.*)$/.exec(line.trim());
    if (m) parts.push(connectEnvelope(m[2], Number(m[1])));
  }
  return Buffer.concat(parts);
}

/** One gateway data frame around a JSON document. */
export function dgwFrame(json, streamId = 1, seq = 1) {
  // A data frame's JSON follows a sequence byte and a 0x80 flag, which its length counts (Meta AI EVIDENCE.md).
  const payload = Buffer.concat([Buffer.from([seq & 0xff, 0x80]),
    Buffer.from(typeof json === 'string' ? json : JSON.stringify(json), 'utf8')]);
  const head = Buffer.alloc(6);
  head[0] = 0x0d;
  head.writeUInt16LE(streamId, 1);
  head.writeUIntLE(payload.length, 3, 3);
  return Buffer.concat([head, payload]);
}

/** The binary messages of a response.dgw.txt fixture, one Buffer each. */
export function dgwMessages(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l, i) => dgwFrame(l, 1, i + 1));
}

/**
 * The page's prompt message of a request.dgw.txt fixture: the stream-opening
 * frame (type 0x0f, first line) and the data frame (0x0d, second line) sent
 * together as one binary WebSocket message, as the site does.
 */
export function dgwRequest(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return Buffer.concat(lines.map((l, i) => {
    if (i > 0) return dgwFrame(l);
    // The stream-opening frame carries its JSON as it is.
    const json = Buffer.from(l, 'utf8');
    const head = Buffer.alloc(6);
    head[0] = 0x0f;
    head.writeUInt16LE(1, 1);
    head.writeUIntLE(json.length, 3, 3);
    return Buffer.concat([head, json]);
  }));
}
