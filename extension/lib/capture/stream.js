// Incremental parsers for the streamed bodies chat sites send: Server-Sent
// Events and newline-delimited records. Chunks may split anywhere, including
// inside a line, so both keep the unfinished tail until more text arrives.

/**
 * Splits streamed text into lines ("\n" or "\r\n").
 * @param {(line: string) => void} onLine
 */
export function createLineSplitter(onLine) {
  let tail = '';
  return {
    push(text) {
      // One pass with a cursor: slicing the rest after every line made a
      // chunk of many short lines cost quadratic time in the page.
      const buf = tail + text;
      let start = 0;
      let nl = buf.indexOf('\n');
      while (nl !== -1) {
        const end = nl > start && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        onLine(buf.slice(start, end));
        start = nl + 1;
        nl = buf.indexOf('\n', start);
      }
      tail = start === 0 ? buf : buf.slice(start);
    },
    end() {
      if (tail.length > 0) {
        const line = tail.endsWith('\r') ? tail.slice(0, -1) : tail;
        tail = '';
        onLine(line);
      }
    },
  };
}

/**
 * Server-Sent Events parser (the WHATWG event-stream format).
 * @param {(ev: {event: string, data: string}) => void} onEvent
 */
export function createSseParser(onEvent) {
  let event = '';
  let data = [];
  const dispatch = () => {
    if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n') });
    event = '';
    data = [];
  };
  const lines = createLineSplitter((line) => {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    return undefined;
  });
  return {
    push: (text) => lines.push(text),
    end() {
      lines.end();
      dispatch();
    },
  };
}

/** JSON.parse that returns undefined instead of throwing. */
export function tryJson(text) {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Connect protocol streaming envelopes (connectrpc.com): each message is one
 * flag byte, a 4-byte big-endian length and that many bytes of payload (JSON
 * for application/connect+json). Flag bit 0x02 marks the end-of-stream
 * message, whose payload carries the trailers or an error. Chunks of bytes
 * may split anywhere; a payload is decoded only once it is whole.
 * @param {(msg: {end: boolean, data: string}) => void} onMessage
 */
export function createConnectParser(onMessage) {
  let buf = new Uint8Array(0);
  const dec = new TextDecoder();
  return {
    push(bytes) {
      if (!(bytes instanceof Uint8Array) || bytes.length === 0) return;
      if (buf.length === 0) {
        buf = bytes;
      } else {
        const joined = new Uint8Array(buf.length + bytes.length);
        joined.set(buf);
        joined.set(bytes, buf.length);
        buf = joined;
      }
      let at = 0;
      while (buf.length - at >= 5) {
        const size = ((buf[at + 1] << 24) >>> 0) + (buf[at + 2] << 16) + (buf[at + 3] << 8) + buf[at + 4];
        if (buf.length - at - 5 < size) break;
        const flags = buf[at];
        const data = dec.decode(buf.subarray(at + 5, at + 5 + size));
        at += 5 + size;
        onMessage({ end: (flags & 0x02) !== 0, data });
      }
      buf = at === 0 ? buf : buf.slice(at);
    },
    /** Bytes still waiting for the rest of their envelope. */
    get pending() {
      return buf.length;
    },
  };
}

/**
 * The JSON object of a body that may be wrapped in one Connect envelope
 * (a request body read as text: the 5 header bytes become a few junk
 * characters before the "{"), or undefined.
 */
export function jsonAfterEnvelope(text) {
  if (typeof text !== 'string') return undefined;
  let at = text.indexOf('{');
  // The header is at most 5 bytes; one of them may itself read as "{".
  while (at !== -1 && at <= 8) {
    const v = tryJson(text.slice(at));
    if (v !== undefined) return v;
    at = text.indexOf('{', at + 1);
  }
  return undefined;
}
