// Message shapes of PROTOCOL.md (version 1) and how replies are read.

export const PROTOCOL_VERSION = 1;
export const HOST_NAME = 'org.wattprint.host';
export const MAX_RECORD_ITEMS = 100; // the protocol allows 500; we send smaller batches
export const MAX_FRAME_BYTES = 1024 * 1024;
export const RETRY_CODES = Object.freeze([9, 13]);

export function helloMessage(req, extensionVersion, browser) {
  return { type: 'hello', protocol: PROTOCOL_VERSION, extension_version: extensionVersion, browser, req };
}

export function recordMessage(req, items) {
  return { type: 'record', req, items };
}

export function summaryMessage(req, period = 'day') {
  return { type: 'summary', period, req };
}

export function settingsMessage(req) {
  return { type: 'settings', req };
}

export function healthMessage(req, adapters) {
  return { type: 'health', req, adapters };
}

/**
 * Splits outbox entries into batches of at most `max` items whose record
 * frame stays well under the 1 MiB limit.
 */
export function batchEntries(entries, max = MAX_RECORD_ITEMS, maxBytes = MAX_FRAME_BYTES / 2) {
  const batches = [];
  let current = [];
  let bytes = 64;
  for (const e of entries) {
    const size = new TextEncoder().encode(JSON.stringify(e.item)).length + 1;
    if (current.length > 0 && (current.length >= max || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 64;
    }
    current.push(e);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Reads the reply to a `record` of `entries` ({seq, item}).
 * @returns {{delivered: number[], kept: number[], rejected: object[], estimates: object, retry: boolean, error?: object}}
 *   delivered: seqs to remove (stored, duplicate or rejected); kept: seqs to keep.
 */
export function readRecordReply(reply, entries) {
  const all = entries.map((e) => e.seq);
  if (!reply || reply.type !== 'ack') {
    return { delivered: [], kept: all, rejected: [], estimates: {}, retry: true, error: reply || null };
  }
  const done = new Set([...(reply.stored || []), ...(reply.duplicate || [])]);
  const rejectedIdx = new Set();
  for (const r of reply.rejected || []) {
    if (r && Number.isInteger(r.index)) rejectedIdx.add(r.index);
    if (r && typeof r.id === 'string') done.add(r.id);
  }
  const delivered = [];
  const kept = [];
  entries.forEach((e, i) => {
    if (done.has(e.item.id) || rejectedIdx.has(i)) delivered.push(e.seq);
    else kept.push(e.seq);
  });
  return {
    delivered,
    kept,
    rejected: reply.rejected || [],
    estimates: reply.estimates && typeof reply.estimates === 'object' ? reply.estimates : {},
    retry: kept.length > 0,
  };
}

/** Backoff before the next try while the host is missing or failing: 1, 2, 4 ... 60 minutes. */
export function backoffMinutes(attempt) {
  return Math.min(60, 2 ** Math.max(0, attempt));
}

/** True when a disconnect message means the host is not installed. */
export function isHostMissing(message) {
  return /not found|forbidden|No such native application|manifest/i.test(String(message || ''));
}
