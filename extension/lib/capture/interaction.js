// Builds the protocol's Interaction from what a content script reported. The
// content script's report is untrusted input (a page could forge one), so
// every field is checked against PROTOCOL.md and unknown fields are dropped.

import { SCRIPT_CLASSES } from './scripts.js';
import { MODES } from '../adapters/common.js';
import { withinLimits } from './plausible.js';

export const KINDS = Object.freeze(['chat', 'search', 'image', 'video']);
const SERVICE_ID = /^[a-z0-9_-]{1,40}$/;
const MAX_COUNT = 10000000;
const DAY_MS = 24 * 3600 * 1000;

/** A count object with only known classes and integers in range. */
export function cleanCounts(counts) {
  const out = {};
  if (!counts || typeof counts !== 'object') return out;
  for (const cls of SCRIPT_CLASSES) {
    const v = counts[cls];
    if (Number.isInteger(v) && v > 0) out[cls] = Math.min(v, MAX_COUNT);
  }
  return out;
}

function clampInt(v, lo, hi, fallback) {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;
}

/**
 * @param {object} report from a content script: {kind, service, model, modes,
 *   prompt, response, context, images, duration_ms, submitted_at (ms epoch), source ('traffic' or
 *   'page': how a chat turn's counts were read)}
 * @param {{id: string, now: number, browser: string, page: string}} ctx
 * @returns {object|null} the Interaction, or null when the report is unusable
 */
export function buildInteraction(report, ctx) {
  if (!report || typeof report !== 'object') return null;
  if (!KINDS.includes(report.kind) || !SERVICE_ID.test(report.service || '')) return null;
  // No turn is bigger than these, whatever a page claims (issue 15, finding 12).
  const limited = withinLimits({ prompt: cleanCounts(report.prompt), response: cleanCounts(report.response),
    context: cleanCounts(report.context), images: clampInt(report.images, 0, 100, 0),
    model: typeof report.model === 'string' && report.model.trim() ? report.model.trim() : null });
  const bounded = limited.report;
  let ts = Number(report.submitted_at);
  if (!Number.isFinite(ts) || ts > ctx.now + 60000 || ts < ctx.now - DAY_MS) ts = ctx.now;
  const modes = Array.isArray(report.modes) ? [...new Set(report.modes.filter((m) => MODES.includes(m)))] : [];
  const duration = report.duration_ms === null || report.duration_ms === undefined
    ? null
    : clampInt(report.duration_ms, 0, 3600000, null);
  const item = {
    id: ctx.id,
    ts: new Date(ts).toISOString(),
    kind: report.kind,
    service: report.service,
    model: bounded.model,
    modes: modes.slice(0, 8),
    prompt: bounded.prompt,
    response: bounded.response,
    context: bounded.context,
    images: bounded.images,
    video_seconds: 0,
    duration_ms: duration,
    browser: ctx.browser,
    page: ctx.page,
    ...(report.source === 'page' || report.source === 'traffic' ? { source: report.source } : {}),
  };
  // Sent only when true: the page never showed this prompt, or its counts had to be capped.
  if (report.confirmed === false || limited.capped) item.unconfirmed = true;
  return item;
}

/** The origin of a URL ("https://chatgpt.com"), never a path or query. */
export function originOf(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : '';
  } catch {
    return '';
  }
}
