// Test helpers: an in-memory stand-in for extension storage.

export function memoryStorage() {
  const data = new Map();
  const pick = (keys) => {
    if (keys === null || keys === undefined) return Object.fromEntries(data);
    const list = Array.isArray(keys) ? keys : [keys];
    const out = {};
    for (const k of list) if (data.has(k)) out[k] = structuredClone(data.get(k));
    return out;
  };
  return {
    data,
    async get(keys) {
      return pick(keys);
    },
    async set(obj) {
      for (const [k, v] of Object.entries(obj)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}
