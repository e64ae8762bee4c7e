// Helpers shared by the site adapters. Adapters run inside the page (MAIN
// world); they may read prompt and answer text there, but everything they
// return is a count, a model name or a mode from MODES.

import { countScripts, addCounts } from '../capture/scripts.js';

export const MODES = Object.freeze([
  'reasoning', 'web_search', 'deep_research', 'image_generation', 'ai_overview', 'canvas', 'voice',
]);

/** Deduplicated, sorted list of known modes. */
export function cleanModes(modes) {
  return [...new Set(modes)].filter((m) => MODES.includes(m)).sort();
}

/**
 * A model name as the host accepts it (PROTOCOL.md, `model`): other characters
 * become spaces, it starts with a letter or digit (never = + - @, which a
 * spreadsheet reads as a formula) and has at most 100 characters; or null.
 */
export function cleanModel(model) {
  if (typeof model !== 'string') return null;
  const m = model
    .replace(/[^\p{L}\p{N} ._:/()+@,-]+/gu, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/ {2,}/g, ' ')
    .slice(0, 100)
    .trim();
  return m || null;
}

/**
 * Collects the visible answer. `append` adds a streamed delta, `replace`
 * sets the whole answer so far (sites that resend the full text each time).
 * Only counts leave this object.
 */
export function createAnswer() {
  let text = '';
  return {
    append(delta) {
      if (typeof delta === 'string') text += delta;
    },
    replace(full) {
      if (typeof full === 'string') text = full;
    },
    get length() {
      return text.length;
    },
    counts() {
      return countScripts(text);
    },
  };
}

/** Sum of the script counts of several texts. */
export function countAll(texts) {
  let total = {};
  for (const t of texts) total = addCounts(total, countScripts(t));
  return total;
}

/** The path of a URL string, or '' when it does not parse. */
export function pathOf(url) {
  try {
    return new URL(url, 'https://invalid.example').pathname;
  } catch {
    return '';
  }
}

/** The host of a URL string, or ''. */
export function hostOf(url) {
  try {
    return new URL(url, 'https://invalid.example').hostname;
  } catch {
    return '';
  }
}

/** Text of a message's content when it is a string or a list of parts. */
export function contentText(content) {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((p) => (typeof p === 'string' ? p : (p && typeof p.text === 'string' ? p.text : ''))).join('');
  }
  if (content && typeof content === 'object' && typeof content.text === 'string') return content.text;
  return '';
}
