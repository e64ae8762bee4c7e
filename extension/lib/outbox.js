// The persistent outbox: interactions waiting for the host's ack. It lives in
// extension storage (storage.local in the extension), so it survives the
// service worker being stopped and the browser restarting.
//
// Layout in storage: "outbox.meta" = {head, tail, count, dropped}; each entry
// under "outbox.<seq>" = {item, tabId}. Entries are sent oldest first and
// removed only once the host acknowledged them.
//
// `storage` is anything with async get(keys) -> object, set(object),
// remove(keys), so tests pass a Map-backed fake.

export const OUTBOX_LIMIT = 20000;
export const BATCH_SIZE = 100;

const META = 'outbox.meta';
const key = (seq) => `outbox.${seq}`;

export function createOutbox(storage, { limit = OUTBOX_LIMIT } = {}) {
  let chain = Promise.resolve();
  // Serialise read-modify-write of the meta record within this worker.
  const locked = (fn) => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => {});
    return run;
  };
  const readMeta = async () => {
    const got = await storage.get(META);
    return { head: 0, tail: 0, count: 0, dropped: 0, ...(got[META] || {}) };
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
    /** Adds interactions ({item, tabId}) at the end; drops the oldest past the limit. */
    add(entries) {
      return locked(async () => {
        const meta = await readMeta();
        const writes = {};
        for (const entry of entries) {
          writes[key(meta.tail)] = entry;
          meta.tail += 1;
          meta.count += 1;
        }
        await storage.set(writes);
        if (meta.count > limit) {
          let over = meta.count - limit;
          const drop = [];
          while (over > 0 && meta.head < meta.tail) {
            const got = await storage.get(key(meta.head));
            if (got[key(meta.head)] !== undefined) {
              drop.push(key(meta.head));
              over -= 1;
              meta.count -= 1;
              meta.dropped += 1;
            }
            meta.head += 1;
          }
          await storage.remove(drop);
          await advanceHead(meta);
        }
        await storage.set({ [META]: meta });
        return meta.count;
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
        await advanceHead(meta);
        if (meta.count === 0) {
          meta.head = meta.tail;
        }
        await storage.set({ [META]: meta });
      });
    },

    /** {count, dropped}: how many wait, and how many were ever dropped. */
    stats() {
      return locked(async () => {
        const meta = await readMeta();
        return { count: meta.count, dropped: meta.dropped };
      });
    },
  };
}
