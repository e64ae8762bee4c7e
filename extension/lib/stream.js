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
