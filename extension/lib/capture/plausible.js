// Bounds on what a page can claim (issue 15, finding 12). The traffic hook
// runs in the page's world, where the page can poison what it parses, and a
// page that learned the hook's channel could post anything. So counts are
// bounded twice: here against what the page itself shows (the conversation's
// visible text and images), and by absolute limits no real turn reaches. A
// turn whose user message the page never showed, or whose counts had to be
// capped, is marked unconfirmed.

import { SCRIPT_CLASSES } from './scripts.js';

// Absolute limits for one turn, in characters (at about 4 Latin characters a token,
// energy-data.md section 9): a 100,000-token prompt or answer, a 1,000,000-token context.
export const MAX_PROMPT_CHARS = 400000;
export const MAX_RESPONSE_CHARS = 400000;
export const MAX_CONTEXT_CHARS = 4000000;
export const MAX_IMAGES = 10;
// Against the page: streamed markdown carries more than the rendered text shows
// (syntax, link targets), so up to twice what is visible plus this much.
export const PAGE_FACTOR = 2;
export const PAGE_SLACK_CHARS = 2000;
// A model name as the host accepts it (PROTOCOL.md): a letter or digit, then letters, digits, spaces and
// . _ : / ( ) + @ , - (no markup, no quotes), at most 100 characters.
export const MODEL_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._:/()+@,-]{0,99}$/u;

export const total = (counts) => SCRIPT_CLASSES.reduce((n, c) => n + ((counts && counts[c]) || 0), 0);

/** `counts` scaled down (each class in proportion) so their total is at most `limit`; returns [counts, capped]. */
export function capCounts(counts, limit) {
  const sum = total(counts);
  if (sum <= limit) return [counts, false];
  const out = {};
  for (const c of SCRIPT_CLASSES) {
    const v = Math.floor(((counts && counts[c]) || 0) * (limit / sum));
    if (v > 0) out[c] = v;
  }
  return [out, true];
}

/** A model name matching MODEL_PATTERN (trimmed), or null: markup or an over-long name is no model. */
export function plausibleModel(model) {
  const m = typeof model === 'string' ? model.trim() : '';
  return MODEL_PATTERN.test(m) ? m : null;
}

/**
 * Applies the absolute limits to a report. Returns {report, capped}.
 * @param {{prompt, response, context, images, model}} report
 */
export function withinLimits(report) {
  const [prompt, a] = capCounts(report.prompt, MAX_PROMPT_CHARS);
  const [response, b] = capCounts(report.response, MAX_RESPONSE_CHARS);
  const [context, c] = capCounts(report.context, MAX_CONTEXT_CHARS);
  const images = Number.isInteger(report.images) ? Math.min(Math.max(report.images, 0), MAX_IMAGES) : 0;
  const model = report.model === null || report.model === undefined ? null : plausibleModel(report.model);
  const capped = a || b || c || images !== (report.images || 0) || model !== (typeof report.model === 'string' ? report.model.trim() : null);
  return { report: { ...report, prompt, response, context, images, model }, capped };
}

/**
 * Bounds a report of the traffic hook by what the page shows.
 * @param {object} report the coordinator's report (source "traffic"), with `domSeen`
 * @param {{chars: number, images: number}} page visible characters and images of the conversation's messages
 * @returns {object} the report, capped where needed, with `confirmed`
 */
export function boundByPage(report, page) {
  const limits = withinLimits(report);
  let r = limits.report;
  const limit = PAGE_FACTOR * Math.max(0, page.chars || 0) + PAGE_SLACK_CHARS;
  const sum = total(r.prompt) + total(r.response) + total(r.context);
  let capped = limits.capped;
  if (sum > limit) {
    const share = (counts) => capCounts(counts, Math.floor(limit * (total(counts) / sum)))[0];
    r = { ...r, prompt: share(r.prompt), response: share(r.response), context: share(r.context) };
    capped = true;
  }
  if (r.images > (page.images || 0)) {
    r = { ...r, images: page.images || 0 };
    capped = true;
  }
  const { domSeen, ...rest } = r;
  return { ...rest, confirmed: Boolean(domSeen) && !capped };
}
