// Message shapes of PROTOCOL.md (version 1) and how replies are read.

export const PROTOCOL_VERSION = 1;
export const HOST_NAME = 'org.wattprint.host';
export const MAX_RECORD_ITEMS = 100; // the protocol allows 500; we send smaller batches
export const MAX_FRAME_BYTES = 1024 * 1024;
export const RETRY_CODES = Object.freeze([9, 13]);
export const ERROR_FIELDS = 5; // the message's fields are wrong
export const ERROR_TOO_MANY = 8; // too many items in one record
export const ERROR_INVALID = 10; // an item, or a health detail, breaks a rule

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
 * @returns {{delivered: number[], kept: number[], rejected: object[], estimates: object, unresolved: string[]|null,
 *   retry: boolean, error?: object}}
 *   delivered: seqs to remove (stored, duplicate or rejected); kept: seqs to keep; unresolved: ids whose model
 *   name the host's catalogue does not know (null from a host that does not say).
 */
export function readRecordReply(reply, entries) {
  const all = entries.map((e) => e.seq);
  if (!reply || reply.type !== 'ack') {
    return { delivered: [], kept: all, rejected: [], estimates: {}, unresolved: null, retry: true, error: reply || null };
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
    unresolved: Array.isArray(reply.unresolved) ? reply.unresolved.filter((id) => typeof id === 'string') : null,
    retry: kept.length > 0,
  };
}

const isError = (reply, code) => Boolean(reply && reply.type === 'error' && reply.code === code);

/**
 * Delivers outbox entries ({seq, item}) with `send(items) -> Promise<reply>`,
 * adapting to what the host answers:
 * - error 8 (too many items): halve the batch and send each half, down to
 *   single items;
 * - error 5 (wrong fields) for a record of several items: send each item
 *   alone; an item that alone still gets error 5 is rejected (dropped), so
 *   one malformed item cannot block the outbox forever;
 * - an ack: stored, duplicate and rejected items are settled;
 * - anything else (errors 9 and 13, other errors, items the ack leaves out):
 *   stop; the remaining items stay for a later retry.
 * `settle(seqs, estimates, rejected, unresolved)` is awaited after every
 * reply that settles items, so they leave the outbox as soon as the host has
 * them (unresolved: see readRecordReply).
 * @returns {Promise<{retry: boolean, error: object|null, rejected: object[], maxItems: number|null}>}
 *   rejected: [{seq, id, code, message}]; maxItems: the batch size that error 8 led to, or null.
 */
export async function deliverEntries(entries, send, settle = async () => {}) {
  const out = { retry: false, error: null, rejected: [], maxItems: null };
  const stop = (error) => {
    out.retry = true;
    out.error = error || null;
    return false;
  };
  const go = async (list) => {
    if (list.length === 0) return true;
    const reply = await send(list.map((e) => e.item));
    if (isError(reply, ERROR_TOO_MANY) && list.length > 1) {
      const half = Math.ceil(list.length / 2);
      out.maxItems = Math.min(out.maxItems || Infinity, half);
      return (await go(list.slice(0, half))) && go(list.slice(half));
    }
    if (isError(reply, ERROR_FIELDS)) {
      if (list.length > 1) {
        for (const e of list) if (!(await go([e]))) return false;
        return true;
      }
      const r = { seq: list[0].seq, id: list[0].item && list[0].item.id, code: ERROR_FIELDS,
        message: String(reply.message || '') };
      out.rejected.push(r);
      await settle([list[0].seq], {}, [r]);
      return true;
    }
    const result = readRecordReply(reply, list);
    const rejected = [];
    for (const r of result.rejected) {
      const e = r && (Number.isInteger(r.index) ? list[r.index] : list.find((x) => x.item.id === r.id));
      if (e) rejected.push({ seq: e.seq, id: e.item.id, code: r.code, message: String(r.message || '') });
    }
    out.rejected.push(...rejected);
    if (result.delivered.length > 0) await settle(result.delivered, result.estimates, rejected, result.unresolved);
    if (result.retry) return stop(result.error || (reply && reply.type === 'ack' ? { message: 'items not acknowledged' } : reply));
    return true;
  };
  await go(entries);
  return out;
}

/** Backoff before the next try while the host is missing or failing: 1, 2, 4 ... 60 minutes. */
export function backoffMinutes(attempt) {
  return Math.min(60, 2 ** Math.max(0, attempt));
}

/** True when a disconnect message means the host is not installed. */
export function isHostMissing(message) {
  return /not found|forbidden|No such native application|manifest/i.test(String(message || ''));
}
