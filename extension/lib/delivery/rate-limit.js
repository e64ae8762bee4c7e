// A per-tab limit on the interactions a tab may queue (issue 15, finding
// 11): a token bucket per tab, BURST at once and one more every REFILL_MS.
// A person sends a prompt or a search every few seconds at most; a page that
// floods is cut to this rate whatever gets past the content script. Kept in
// the worker's memory: a stopped worker forgets its buckets, which gives a
// page at most one more burst after 30 s of quiet.

export const BURST = 10;
export const REFILL_MS = 6000;
const MAX_TABS = 500;

export function createRateLimit({ burst = BURST, refillMs = REFILL_MS } = {}) {
  const buckets = new Map(); // tab id -> {tokens, at}
  return {
    /** Takes one token for `tab` at `now` (ms); false when the tab is over its rate. */
    take(tab, now) {
      let b = buckets.get(tab);
      if (!b) {
        if (buckets.size >= MAX_TABS) buckets.delete(buckets.keys().next().value);
        b = { tokens: burst, at: now };
        buckets.set(tab, b);
      }
      const refill = Math.floor((now - b.at) / refillMs);
      if (refill > 0) {
        b.tokens = Math.min(burst, b.tokens + refill);
        b.at += refill * refillMs;
      }
      if (b.tokens === burst) b.at = now;
      if (b.tokens <= 0) return false;
      b.tokens -= 1;
      return true;
    },
  };
}
