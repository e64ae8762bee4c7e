// Content script on search result pages. Reads the query from the URL (or,
// after a POST form, from the search box), and sends the service worker its
// character counts and a SHA-256 of the normalised query, never the text.
// The worker counts each distinct query once (see lib/search/query-log.js). When the
// page shows an AI answer (AI Overviews, Bing's Copilot answer, Brave's
// summariser), a second report of kind "chat" with mode ai_overview follows,
// with its counts. A page that is itself an AI answer (Google's AI Mode,
// Bing's Copilot Search, Ask Brave, ...) sends only that AI report; a
// follow-up there that puts its question in the URL is a new AI report whose
// answer is what the conversation grew by.
//
// Searches made inside the page (the site changes the URL with
// history.pushState or replaceState, or the user goes back and forth) are
// read too: each new query of the page is reported once; a URL change that
// keeps the query (paging, tabs, tracking parameters) is not a new search.

import { parseSearchUrl, normaliseQuery, ENGINES } from '../lib/search/search-engines.js';
import { countScripts, sameCounts, subtractCounts, totalCount } from '../lib/capture/scripts.js';
import { sha256Hex } from '../lib/search/hash.js';

const api = globalThis.browser || globalThis.chrome;
const AI_WAIT_MS = 20000;
const AI_SETTLE_MS = 1500;
const URL_POLL_MS = 1000; // only where the Navigation API is missing

let lastUrl = null;
let lastKey = null;
let aiTimer = null;

function send(message) {
  try {
    const p = api.runtime.sendMessage(message);
    if (p && p.catch) p.catch(() => {});
  } catch {
    // orphaned after an extension reload
  }
}

async function report(parsed, query, at) {
  const engine = ENGINES.find((e) => e.id === parsed.engine);
  const queryHash = await sha256Hex(`${engine.id}\n${normaliseQuery(query)}`);
  const prompt = countScripts(query);
  if (parsed.furtherPage) return;
  if (parsed.ai) {
    watchAiAnswer(engine, engine.aiAnswer, { queryHash, prompt, at, mode: 'ai_mode' });
    return;
  }
  send({ type: 'search', engine: engine.id, queryHash, prompt, submitted_at: at });
  if (engine.ai) watchAiAnswer(engine, engine.ai, { queryHash, prompt, at, mode: null });
}

/**
 * Waits for the AI answer to settle and reports its counts. For an AI Mode
 * page the answer IS the search: when its text never shows (or no selector
 * for it is known), the query is still reported, with no answer counts.
 */
function watchAiAnswer(engine, selectors, { queryHash, prompt, at, mode }) {
  const selector = selectors.join(', ');
  let last = null;
  let lastChange = 0;
  const done = (response, durationMs) => {
    clearInterval(aiTimer);
    aiTimer = null;
    send({ type: 'ai-answer', engine: engine.id, queryHash, prompt, response, submitted_at: at, duration_ms: durationMs,
      ...(mode ? { mode } : {}) });
  };
  clearInterval(aiTimer);
  if (!selector) {
    if (mode) done({}, null);
    return;
  }
  // After a search made inside the page, the previous query's AI block may
  // still be shown: only text that differs from it belongs to the new query.
  // On an AI answer page (a conversation) a follow-up adds to what is shown:
  // its answer is the growth.
  const shown = document.querySelector(selector);
  const stale = shown ? countScripts(shown.textContent || '') : null;
  const answerOf = (counts) => (mode && stale && totalCount(counts) > totalCount(stale) ? subtractCounts(counts, stale) : counts);
  aiTimer = setInterval(() => {
    const found = document.querySelector(selector);
    const node = found && !(stale && sameCounts(countScripts(found.textContent || ''), stale)) ? found : null;
    const now = Date.now();
    if (!node) {
      if (now - at <= AI_WAIT_MS) return;
      clearInterval(aiTimer);
      aiTimer = null;
      if (mode) done({}, null);
      return;
    }
    const counts = countScripts(node.textContent || '');
    if (!sameCounts(counts, last)) {
      last = counts;
      lastChange = now;
      return;
    }
    if (Object.keys(counts).length > 0 && now - lastChange >= AI_SETTLE_MS) done(answerOf(counts), lastChange - at);
  }, 500);
}

function check(at) {
  if (location.href === lastUrl) return;
  lastUrl = location.href;
  const parsed = parseSearchUrl(lastUrl);
  if (!parsed) return;
  const engine = ENGINES.find((e) => e.id === parsed.engine);
  const go = (query) => {
    const key = `${parsed.ai ? 'ai' : 'web'}\n${normaliseQuery(query)}`;
    if (key === lastKey) return;
    lastKey = key;
    report(parsed, query, at);
  };
  if (parsed.query !== null) {
    go(parsed.query);
    return;
  }
  // Reached through a POST form: the query is only in the search box.
  const readInput = () => {
    const input = document.querySelector(engine.input);
    const q = input && typeof input.value === 'string' ? input.value.trim() : '';
    if (q) go(q);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', readInput, { once: true });
  else readInput();
}

function start() {
  if (!parseSearchUrl(location.href) && !ENGINES.some((e) => e.hosts.includes(location.hostname))) return;
  check(Date.now());
  const changed = () => check(Date.now());
  addEventListener('popstate', changed);
  addEventListener('hashchange', changed);
  // pushState and replaceState fire no event of their own; the Navigation
  // API reports them, and where it is missing a cheap look at the URL does.
  const nav = globalThis.navigation;
  if (nav && typeof nav.addEventListener === 'function') nav.addEventListener('currententrychange', changed);
  else setInterval(changed, URL_POLL_MS);
}

// One copy per page: the worker may also inject this script into a tab open at install.
if (!globalThis.wattprintSearch) {
  globalThis.wattprintSearch = true;
  start();
}
