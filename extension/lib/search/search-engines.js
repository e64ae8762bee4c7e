// Search engines recognised by their result-page URL. Only the query's
// character counts and a hash of the normalised query leave the page.
// Where each URL shape was seen: tests/fixtures/search/<engine>/EVIDENCE.md.

import { GOOGLE_SUFFIXES, YAHOO_REGIONS, YANDEX_HOSTS } from './search-domains.js';

const GOOGLE_HOSTS = GOOGLE_SUFFIXES.map((s) => `www.google.${s}`);
const YAHOO_HOSTS = ['search.yahoo.com', ...YAHOO_REGIONS.map((r) => `${r}.search.yahoo.com`)];

/** Match patterns of `paths` on every host. */
const on = (hosts, paths) => hosts.flatMap((h) => paths.map((p) => `https://${h}${p}`));

// firstPage: the value of the paging parameters on the first page (0 where
// paging counts pages from 0: Ecosia's p, Brave's offset, Yandex's p).
// aiMode: a result page that is an AI answer rather than a list of links
// (Google's AI Mode, udm=50; Bing's Copilot Search); it counts as an AI
// answer, never as a plain search. aiAnswer: where that answer's text is.
export const ENGINES = Object.freeze([
  { id: 'google', matches: on(GOOGLE_HOSTS, ['/search*']), label: 'Google', hosts: GOOGLE_HOSTS, paths: [/^\/search$/], params: ['q'],
    pageParams: ['start'], firstPage: 1,
    ai: ['[data-attrid="AIOverview"]', '[data-attrid="SGEAnswer"]', 'div[data-subtree="aimc"]'],
    aiMode: { param: 'udm', values: ['50'] }, aiAnswer: ['[data-container-id="main-col"]', '.mZJni', 'div[data-subtree="aimc"]'] },
  { id: 'bing', matches: on(['www.bing.com'], ['/search*', '/copilotsearch*']), label: 'Bing', hosts: ['www.bing.com'],
    paths: [/^\/search$/, /^\/copilotsearch$/], params: ['q'], pageParams: ['first'], firstPage: 1,
    ai: ['#b_copilot_answer', '.b_copilot_answer', '#b_genserp_container', '.b_genserp'],
    aiMode: { paths: [/^\/copilotsearch$/] }, aiAnswer: ['#b_copilot_answer', '.b_copilot_answer', '#b_genserp_container', 'main'] },
  { id: 'duckduckgo', matches: ['https://duckduckgo.com/*', 'https://html.duckduckgo.com/html*', 'https://lite.duckduckgo.com/lite*'], label: 'DuckDuckGo',
    hosts: ['duckduckgo.com', 'html.duckduckgo.com', 'lite.duckduckgo.com'], paths: [/^\/$/, /^\/html\/?$/, /^\/lite\/?$/], params: ['q'],
    pageParams: ['s', 'dc'], firstPage: 1, input: 'input[name="q"]' },
  { id: 'yahoo', matches: on(YAHOO_HOSTS, ['/search*']), label: 'Yahoo', hosts: YAHOO_HOSTS, paths: [/^\/search/], params: ['p'], pageParams: ['b'], firstPage: 1 },
  { id: 'ecosia', matches: ['https://www.ecosia.org/search*'], label: 'Ecosia', hosts: ['www.ecosia.org'], paths: [/^\/search$/], params: ['q'],
    pageParams: ['p'], firstPage: 0 },
  { id: 'brave', matches: ['https://search.brave.com/search*'], label: 'Brave Search', hosts: ['search.brave.com'], paths: [/^\/search$/], params: ['q'],
    pageParams: ['offset'], firstPage: 0, ai: ['#summarizer', '.summarizer', '[data-testid="summarizer"]', '#chatllm'] },
  { id: 'startpage', matches: ['https://www.startpage.com/sp/search*', 'https://www.startpage.com/do/search*'], label: 'Startpage', hosts: ['www.startpage.com'],
    paths: [/^\/sp\/search$/, /^\/do\/search$/], params: ['query', 'q'], pageParams: ['page'], firstPage: 1, input: 'input[name="query"], input[name="q"]' },
  { id: 'qwant', matches: ['https://www.qwant.com/*'], label: 'Qwant', hosts: ['www.qwant.com'], paths: [/^\/$/], params: ['q'], pageParams: ['offset', 'p'], firstPage: 1 },
  { id: 'baidu', matches: ['https://www.baidu.com/s*'], label: 'Baidu', hosts: ['www.baidu.com'], paths: [/^\/s$/], params: ['wd', 'word'], pageParams: ['pn'], firstPage: 1 },
  { id: 'yandex', matches: on(YANDEX_HOSTS, ['/search*']), label: 'Yandex', hosts: YANDEX_HOSTS, paths: [/^\/search\/?$/], params: ['text'],
    pageParams: ['p'], firstPage: 0 },
  { id: 'kagi', matches: ['https://kagi.com/search*'], label: 'Kagi', hosts: ['kagi.com'], paths: [/^\/search$/], params: ['q'], pageParams: ['page'], firstPage: 1 },
]);

const BY_HOST = new Map(ENGINES.flatMap((e) => e.hosts.map((h) => [h, e])));

/** Match patterns of every result page, for the manifest. */
export function searchMatchPatterns() {
  return ENGINES.flatMap((e) => e.matches);
}

/** The engine for a result page host and path, or null. */
export function engineFor(hostname, pathname) {
  const e = BY_HOST.get(hostname);
  return e && e.paths.some((re) => re.test(pathname)) ? e : null;
}

function isFurtherPage(engine, params) {
  return engine.pageParams.some((name) => {
    const v = params.get(name);
    if (v === null || v === '') return false;
    const n = Number(v);
    // Google's start=0, Bing's first=1, Yahoo's b=1, page=1, and Ecosia's,
    // Brave's and Yandex's p/offset=0 all mean the first page.
    return Number.isFinite(n) ? n > engine.firstPage : true;
  });
}

function isAiMode(engine, u) {
  const m = engine.aiMode;
  if (!m) return false;
  if (m.paths) return m.paths.some((re) => re.test(u.pathname));
  return m.values.includes(u.searchParams.get(m.param));
}

/**
 * Reads a result-page URL.
 * @param {string} url
 * @returns {{engine: string, query: string|null, furtherPage: boolean, ai: boolean}|null}
 *   query is null when the page was reached by a POST form (read the input);
 *   ai is true for a page that is an AI answer (Google's AI Mode, Bing's Copilot Search).
 */
export function parseSearchUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  const engine = engineFor(u.hostname, u.pathname);
  if (!engine) return null;
  let query = null;
  for (const name of engine.params) {
    const v = u.searchParams.get(name);
    if (v !== null && v.trim() !== '') {
      query = v;
      break;
    }
  }
  if (query === null && !engine.input) return null;
  return { engine: engine.id, query, furtherPage: isFurtherPage(engine, u.searchParams), ai: isAiMode(engine, u) };
}

/** The form of a query used for deduplication: NFKC, lower case, single spaces. */
export function normaliseQuery(query) {
  return String(query).normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
