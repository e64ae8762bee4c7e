// A bounded, time-limited record of recent search queries, to count each
// distinct query once: reloads, back/forward and further result pages of the
// same query within WINDOW_MS are not new queries. Keys are
// "<engine>:<hmac of the query's SHA-256>"; the query text is never stored.

export const WINDOW_MS = 30 * 60 * 1000;
export const MAX_ENTRIES = 1000;
const KEY = 'queryLog';

export function createQueryLog(storage, { windowMs = WINDOW_MS, max = MAX_ENTRIES, now = () => Date.now() } = {}) {
  let chain = Promise.resolve();
  const locked = (fn) => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => {});
    return run;
  };
  return {
    /**
     * Records a view of `key`. Returns true when it is new (not seen within
     * the window); a repeat view extends the window.
     */
    note(key) {
      return locked(async () => {
        const t = now();
        const got = await storage.get(KEY);
        const log = got[KEY] && typeof got[KEY] === 'object' ? got[KEY] : {};
        for (const [k, ts] of Object.entries(log)) if (t - ts > windowMs) delete log[k];
        const isNew = log[key] === undefined;
        log[key] = t;
        const keys = Object.keys(log);
        if (keys.length > max) {
          keys.sort((a, b) => log[a] - log[b]);
          for (const k of keys.slice(0, keys.length - max)) delete log[k];
        }
        await storage.set({ [KEY]: log });
        return isNew;
      });
    },
  };
}
