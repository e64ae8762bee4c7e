// The persistent outbox: interactions waiting for the host's ack. It lives in
// extension storage (storage.local in the extension), so it survives the
// service worker being stopped and the browser restarting.
//
// Layout in storage: "outbox.meta" = {head, tail, count, bytes, dropped}; each
// entry under "outbox.<seq>" = {item, tabId}. Entries are sent oldest first
// and removed only once the host acknowledged them.
//
// A waiting entry is never evicted for a new one: the user's undelivered
// queries are worth more than whatever arrives next (issue 15, finding 11).
// When the outbox is full, by count or by bytes, or storage refuses the
// write, the NEW entry is refused and counted in `dropped`, which the popup
// shows. The byte budget keeps the worst case inside Chromium's storage.local
// quota (10 MiB without the unlimitedStorage permission), with room left for
// the settings, the health record and the query log.
//
// `storage` is anything with async get(keys) -> object, set(object),
// remove(keys), so tests pass a Map-backed fake.

export const OUTBOX_LIMIT = 20000;
export const BATCH_SIZE = 100;
/** storage.local's quota in Chromium without unlimitedStorage, in bytes. */
export const STORAGE_QUOTA_BYTES = 10485760;
/** What the outbox's entries may take of it, in bytes (keys plus JSON values, as Chromium counts). */
export const OUTBOX_BUDGET_BYTES = 8 * 1024 * 1024;
/** The largest entry accepted, in bytes; a valid Interaction takes well under half of this. */
export const MAX_ENTRY_BYTES = 4096;

const META = 'outbox.meta';
const key = (seq) => `outbox.${seq}`;
/** The length of `text` in UTF-8, in bytes (a lone surrogate counts as the 3 bytes of U+FFFD). */
function utf8Length(text) {
  let n = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a surrogate pair: 4 bytes for 2 code units
      i += 1;
    } else n += 2;
  }
  return n;
}

/** The bytes Chromium's quota counts for one stored value: its key plus its JSON in UTF-8. */
export function storedBytes(k, value) {
  return utf8Length(k) + utf8Length(JSON.stringify(value));
}

export function createOutbox(storage, { limit = OUTBOX_LIMIT, budget = OUTBOX_BUDGET_BYTES } = {}) {
  let chain = Promise.resolve();
  // Serialise read-modify-write of the meta record within this worker.
  const locked = (fn) => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => {});
    return run;
  };
  // Drops whose meta record could not be written either (storage full to the
  // brim): still counted for the popup while this worker lives.
  let unsavedDrops = 0;

  // Bytes of every waiting entry: only for a meta record written before the
  // outbox counted bytes.
  const measure = async (meta) => {
    let bytes = 0;
    for (let seq = meta.head; seq < meta.tail; seq += 256) {
      const keys = [];
      for (let s = seq; s < Math.min(seq + 256, meta.tail); s += 1) keys.push(key(s));
      const got = await storage.get(keys);
      for (const [k, v] of Object.entries(got)) bytes += storedBytes(k, v);
    }
    return bytes;
  };
  const readMeta = async () => {
    const got = await storage.get(META);
    const meta = { head: 0, tail: 0, count: 0, dropped: 0, ...(got[META] || {}) };
    if (!Number.isFinite(meta.bytes)) meta.bytes = meta.count > 0 ? await measure(meta) : 0;
    return meta;
  };
  const writeMeta = async (meta) => {
    try {
      await storage.set({ [META]: meta });
    } catch {
      // Storage is full: the entries are as they were; only the counter waits.
      return false;
    }
    return true;
  };

  // Moves head past removed entries; keeps the invariant head <= tail.
  const advanceHead = async (meta) => {
    while (meta.head < meta.tail) {
      const got = await storage.get(key(meta.head));
      if (got[key(meta.head)] !== undefined) break;
      meta.head += 1;
    }
  };

  return {
    /**
     * Adds interactions ({item, tabId}) at the end, while they fit. An entry
     * that does not fit (the outbox is full, the entry is too big, or storage
     * refused the write) is refused and counted as dropped; nothing already
     * waiting is ever removed for it. Resolves with {added, dropped}.
     */
    add(entries) {
      return locked(async () => {
        const meta = await readMeta();
        const writes = {};
        let added = 0;
        let bytes = 0;
        let refused = 0;
        for (const entry of entries) {
          const k = key(meta.tail + added);
          const size = storedBytes(k, entry);
          if (size > MAX_ENTRY_BYTES || meta.count + added >= limit || meta.bytes + bytes + size > budget) {
            refused += 1;
            continue;
          }
          writes[k] = entry;
          added += 1;
          bytes += size;
        }
        if (added > 0) {
          try {
            await storage.set(writes);
          } catch {
            // Quota exceeded or storage broken: these entries were not kept.
            refused += added;
            added = 0;
          }
        }
        if (added > 0) {
          meta.tail += added;
          meta.count += added;
          meta.bytes += bytes;
        }
        if (added > 0 || refused > 0) {
          const carried = unsavedDrops;
          meta.dropped += refused + carried;
          if (await writeMeta(meta)) {
            unsavedDrops = 0;
          } else {
            if (added > 0) {
              // Without its meta record an entry would be invisible: take it back.
              await Promise.resolve(storage.remove(Object.keys(writes))).catch(() => {});
              refused += added;
              added = 0;
            }
            unsavedDrops = carried + refused;
          }
        }
        return { added, dropped: refused };
      });
    },

    /** Up to `n` oldest entries, as [{seq, item, tabId}]. */
    peek(n = BATCH_SIZE) {
      return locked(async () => {
        const meta = await readMeta();
        const out = [];
        for (let seq = meta.head; seq < meta.tail && out.length < n; seq += 256) {
          const keys = [];
          for (let s = seq; s < Math.min(seq + 256, meta.tail); s += 1) keys.push(key(s));
          const got = await storage.get(keys);
          for (let s = seq; s < Math.min(seq + 256, meta.tail) && out.length < n; s += 1) {
            const entry = got[key(s)];
            if (entry !== undefined) out.push({ seq: s, ...entry });
          }
        }
        return out;
      });
    },

    /** Removes entries by their seq numbers (the acknowledged ones). */
    remove(seqs) {
      return locked(async () => {
        if (seqs.length === 0) return;
        const meta = await readMeta();
        const present = await storage.get(seqs.map(key));
        const keys = Object.keys(present);
        await storage.remove(keys);
        meta.count = Math.max(0, meta.count - keys.length);
        for (const k of keys) meta.bytes -= storedBytes(k, present[k]);
        meta.bytes = Math.max(0, meta.bytes);
        if (meta.count === 0) {
          meta.head = meta.tail;
          meta.bytes = 0;
        } else {
          await advanceHead(meta);
        }
        await storage.set({ [META]: meta });
      });
    },

    /** {count, bytes, dropped}: how many wait, their size, and how many could never be queued. */
    stats() {
      return locked(async () => {
        const meta = await readMeta();
        return { count: meta.count, bytes: meta.bytes, dropped: meta.dropped + unsavedDrops };
      });
    },
  };
}
