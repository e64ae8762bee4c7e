// A stand-in for Chromium's storage.local with its quota: 10 MiB
// (QUOTA_BYTES without the unlimitedStorage permission), counted as each
// key's length plus its value's JSON in UTF-8. A write that would pass the
// quota changes nothing and rejects with the error Chromium gives; a write
// that reaches it exactly is accepted. Measured in Chromium 156 with
// getBytesInUse and writes at and past the quota: tests/e2e/quota-probe.mjs,
// checked against these constants by tests/e2e/test_chromium_storage_quota.py.

import { storedBytes, STORAGE_QUOTA_BYTES } from '../../lib/delivery/outbox.js';

export const QUOTA_ERROR = 'Resource::kQuotaBytes quota exceeded';

export function quotaStorage({ quota = STORAGE_QUOTA_BYTES } = {}) {
  const data = new Map();
  let used = 0;
  const usage = () => used;
  return {
    data,
    usage,
    async get(keys) {
      if (keys === null || keys === undefined) return Object.fromEntries(data);
      const out = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (data.has(k)) out[k] = JSON.parse(JSON.stringify(data.get(k)));
      return out;
    },
    async set(obj) {
      let total = used;
      for (const [k, v] of Object.entries(obj)) {
        if (data.has(k)) total -= storedBytes(k, data.get(k));
        total += storedBytes(k, v);
      }
      if (total > quota) throw new Error(QUOTA_ERROR);
      for (const [k, v] of Object.entries(obj)) data.set(k, JSON.parse(JSON.stringify(v)));
      used = total;
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) {
        if (data.has(k)) used -= storedBytes(k, data.get(k));
        data.delete(k);
      }
    },
  };
}
