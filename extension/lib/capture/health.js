// Capture health: the closed vocabulary of symptoms (PROTOCOL.md, health) and
// the rule that turns misses into a warning. A site is unhealthy after
// UNHEALTHY_AFTER misses in a row of one kind; the next good capture of that
// kind clears it. Pure functions over plain objects, kept in storage by the
// service worker (background/store.js).

export const UNHEALTHY_AFTER = 2;

/** Symptom codes: the only `detail` values a health report may carry. */
export const HEALTH_CODES = Object.freeze([
  'no_submit', // the page showed prompts but no submit request matched
  'no_page_match', // the message selectors matched none of the prompts
  'silent', // sends that neither the traffic nor the page recognised
  'unparsed', // a matched request whose answer held no recognisable data
  'incomplete', // a stream that ended without the site's end marker
  'empty_answer', // an answer of 0 characters while the page showed text
  'model_unresolved', // a model name the catalogue does not know
  'access_withdrawn', // the user withdrew the extension's access to the site
]);

/** Which run of misses a code belongs to: a good capture of that kind clears it. */
export const CODE_GROUP = Object.freeze({
  no_submit: 'traffic',
  no_page_match: 'page',
  silent: 'silent',
  unparsed: 'answer',
  incomplete: 'answer',
  empty_answer: 'answer',
  model_unresolved: 'model',
  access_withdrawn: 'access',
});

export const isHealthCode = (code) => HEALTH_CODES.includes(code);

/**
 * One outcome for a site. `code` is a miss (a HEALTH_CODES value) or null
 * for a good capture of `group`. `weight` lets a caller that already counted
 * the misses (the page's coordinator) or a definite symptom (withdrawn
 * access) reach the threshold at once.
 * @param {object} runs  {group: {n, code, since}} of one site (not changed)
 * @returns {object} the new runs
 */
export function noteOutcome(runs, group, code, { now, weight = 1 }) {
  const next = { ...(runs || {}) };
  if (code === null) {
    delete next[group];
    return next;
  }
  const prev = next[group] || { n: 0 };
  const n = Math.min(prev.n + weight, 1000);
  next[group] = { n, code, since: n >= UNHEALTHY_AFTER && prev.n < UNHEALTHY_AFTER ? now : prev.since || null };
  return next;
}

/** The site's state from its runs: the earliest run that reached the threshold, or ok. */
export function verdict(runs) {
  let worst = null;
  for (const run of Object.values(runs || {})) {
    if (run.n >= UNHEALTHY_AFTER && (!worst || String(run.since) < String(worst.since))) worst = run;
  }
  return worst ? { ok: false, detail: worst.code, since: worst.since } : { ok: true, detail: null, since: null };
}
