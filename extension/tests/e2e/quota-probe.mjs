// Measures how Chromium's storage.local counts bytes against its quota and
// what a write past it says, in the built extension's own worker, for
// tests/e2e/test_chromium_storage_quota.py: the unit tests' stand-in
// (tests/unit/quota-storage.js) must behave the same. Prints one JSON line.

import { launchWithExtension } from './harness.mjs';

const { context, worker } = await launchWithExtension({ hostResolverRules: 'MAP * ~NOTFOUND' });
try {
  // The extension's own worker may write to storage while it starts (its outbox, its health): a write of its
  // landing between the probe's count and its fill overfills it, so a failed measurement is taken again.
  const measure = () => worker.evaluate(async () => {
    const s = chrome.storage.local;
    const out = { quota: s.QUOTA_BYTES };
    await s.clear();
    await s.set({ a: 'x'.repeat(100), bb: { k: 1, s: 'é' } });
    out.bytesA = await s.getBytesInUse('a');
    out.bytesB = await s.getBytesInUse('bb');
    const used = await s.getBytesInUse(null);
    await s.set({ c: 'x'.repeat(s.QUOTA_BYTES - used - 3 - 2) }); // key 1 + quotes 2: two bytes below the quota
    out.nearlyFull = await s.getBytesInUse(null);
    await s.set({ d: 1 }) // 2 bytes: exactly the quota
     .then(() => { out.lastByte = 'accepted'; }, (e) => { out.lastByte = String(e.message); });
    await s.set({ e: 1 }) // one byte past it
     .then(() => { out.past = 'accepted'; }, (e) => { out.past = String(e.message); });
    out.after = await s.getBytesInUse(null);
    await s.clear();
    return out;
  });
  let result = null;
  for (let attempt = 1; result === null; attempt += 1) {
    try {
      result = await measure();
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  console.log(JSON.stringify(result));
} finally {
  await context.close();
}
