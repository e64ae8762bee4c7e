// Content script on search result pages. Reads the query from the URL (or,
// after a POST form, from the search box), and sends the service worker its
// character counts and a SHA-256 of the normalised query, never the text.
// The worker counts each distinct query once. When the page shows an AI
// answer (AI Overviews, Bing's Copilot answer, Brave's summariser), a second
// report of kind "chat" with mode ai_overview follows, with its counts.

import { parseSearchUrl, normaliseQuery, ENGINES } from '../lib/search-engines.js';
import { countScripts, sameCounts } from '../lib/scripts.js';
import { sha256Hex } from '../lib/hash.js';

const api = globalThis.browser || globalThis.chrome;
const AI_WAIT_MS = 20000;
const AI_SETTLE_MS = 1500;
const started = Date.now();

function send(message) {
  try {
    const p = api.runtime.sendMessage(message);
    if (p && p.catch) p.catch(() => {});
  } catch {
    // orphaned after an extension reload
  }
}

async function report(engineId, query, furtherPage) {
  const queryHash = await sha256Hex(`${engineId}\n${normaliseQuery(query)}`);
  const prompt = countScripts(query);
  if (!furtherPage) send({ type: 'search', engine: engineId, queryHash, prompt, submitted_at: started });
  const engine = ENGINES.find((e) => e.id === engineId);
  if (engine.ai && !furtherPage) watchAiAnswer(engine, queryHash, prompt);
}

function watchAiAnswer(engine, queryHash, prompt) {
  const selector = engine.ai.join(', ');
  let last = null;
  let lastChange = 0;
  const timer = setInterval(() => {
    const node = document.querySelector(selector);
    const now = Date.now();
    if (!node) {
      if (now - started > AI_WAIT_MS) clearInterval(timer);
      return;
    }
    const counts = countScripts(node.innerText || node.textContent || '');
    if (!sameCounts(counts, last)) {
      last = counts;
      lastChange = now;
      return;
    }
    if (Object.keys(counts).length > 0 && now - lastChange >= AI_SETTLE_MS) {
      clearInterval(timer);
      send({ type: 'ai-answer', engine: engine.id, queryHash, prompt, response: counts, submitted_at: started,
        duration_ms: lastChange - started });
    }
  }, 500);
}

function start() {
  const parsed = parseSearchUrl(location.href);
  if (!parsed) return;
  if (parsed.query !== null) {
    report(parsed.engine, parsed.query, parsed.furtherPage);
    return;
  }
  // Reached through a POST form: the query is only in the search box.
  const engine = ENGINES.find((e) => e.id === parsed.engine);
  const readInput = () => {
    const input = document.querySelector(engine.input);
    const q = input && typeof input.value === 'string' ? input.value.trim() : '';
    if (q) report(parsed.engine, q, parsed.furtherPage);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', readInput, { once: true });
  else readInput();
}

// One copy per page: the worker may also inject this script into a tab open at install.
if (!globalThis.wattprintSearch) {
  globalThis.wattprintSearch = true;
  start();
}
