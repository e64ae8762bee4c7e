// Search engines recognised by their result-page URL. Only the query's
// character counts and a hash of the normalised query leave the page.
// Where each URL shape was seen: tests/fixtures/search/<engine>/EVIDENCE.md.

import { GOOGLE_SUFFIXES, YAHOO_REGIONS, YANDEX_HOSTS } from './search-domains.js';

const GOOGLE_HOSTS = GOOGLE_SUFFIXES.map((s) => `www.google.${s}`);
const YAHOO_HOSTS = ['search.yahoo.com', ...YAHOO_REGIONS.map((r) => `${r}.search.yahoo.com`)];

/** Match patterns of `paths` on every host. */
const on = (hosts, paths) => hosts.flatMap((h) => paths.map((p) => `https://${h}${p}`));

// Which pages count (one rule for every engine): a result page of the
// engine's own search with a query is a search, whatever its tab (web,
// images, videos, news, ...): the engine ran the query either way, and the
// worker counts each distinct query once, so moving between the tabs of one
// query is not a new search. A page that is itself an AI answer is not a
// search but an AI answer (aiMode), and a chatbot reached through the
// search engine's address (DuckDuckGo's Duck.ai) is neither (notSearch).
//
// paths: result pages on every host of the engine; hostPaths: further
// result pages on one host only.
// firstPage: the value of the paging parameters on the first page (0 where
// paging counts pages from 0: Ecosia's p, Brave's offset, Yandex's p).
// aiMode: the pages that are an AI answer rather than a list of links
// (Google's AI Mode, udm=50; Bing's Copilot Search; Ask Brave; Ecosia's AI
// search and chat; Yandex's Neuro; Baidu's AI search); each rule matches on
// its path and/or a parameter's values. They count as an AI answer, never as
// a plain search. aiAnswer: where that answer's text is (empty where no
// public source shows it: the query is then counted with no answer counts).
// notSearch: rules (same form) for pages that are no search at all.
const BING_HOSTS = ['www.bing.com', 'www2.bing.com', 'www4.bing.com', 'cn.bing.com'];
const DDG_HOSTS = ['duckduckgo.com', 'noai.duckduckgo.com', 'safe.duckduckgo.com', 'start.duckduckgo.com'];
const STARTPAGE_HOSTS = ['www.startpage.com', 'eu.startpage.com', 'us.startpage.com'];
// Google's AI overview: data-subtree may hold several words ("aimc ..."); the
// "People also ask" entries carry the same mark for their own AI answers,
// which are not the page's overview.
const GOOGLE_AIMC = '[data-subtree~="aimc"]:not(.related-question-pair *)';

export const ENGINES = Object.freeze([
  { id: 'google', matches: on(GOOGLE_HOSTS, ['/search*']), label: 'Google', hosts: GOOGLE_HOSTS, paths: [/^\/search$/], params: ['q'],
    pageParams: ['start'], firstPage: 1,
    ai: ['[data-attrid="AIOverview"]', '[data-attrid="SGEAnswer"]', GOOGLE_AIMC],
    aiMode: [{ param: 'udm', values: ['50'] }], aiAnswer: ['[data-container-id="main-col"]', '.mZJni', GOOGLE_AIMC] },
  { id: 'bing', matches: on(BING_HOSTS, ['/search*', '/images/search*', '/videos/search*', '/news/search*', '/copilotsearch*']),
    label: 'Bing', hosts: BING_HOSTS,
    paths: [/^\/search$/, /^\/images\/search$/, /^\/videos\/search$/, /^\/news\/search$/, /^\/copilotsearch$/], params: ['q'],
    pageParams: ['first'], firstPage: 1,
    ai: ['#b_copilot_answer', '.b_copilot_answer', '#b_genserp_container', '.b_genserp'],
    aiMode: [{ path: /^\/copilotsearch$/ }], aiAnswer: ['#b_copilot_answer', '.b_copilot_answer', '#b_genserp_container', 'main'] },
  { id: 'duckduckgo', matches: [...DDG_HOSTS.map((h) => `https://${h}/*`), 'https://html.duckduckgo.com/html*', 'https://lite.duckduckgo.com/lite*'],
    label: 'DuckDuckGo', hosts: [...DDG_HOSTS, 'html.duckduckgo.com', 'lite.duckduckgo.com'], paths: [/^\/$/, /^\/html\/?$/, /^\/lite\/?$/],
    params: ['q'], pageParams: ['s', 'dc'], firstPage: 1, input: 'input[name="q"]',
    notSearch: [{ param: 'ia', values: ['chat'] }, { param: 'duckai' }] },
  { id: 'yahoo', matches: on(YAHOO_HOSTS, ['/search*']), label: 'Yahoo', hosts: YAHOO_HOSTS, paths: [/^\/search/], params: ['p'], pageParams: ['b'], firstPage: 1 },
  { id: 'ecosia', matches: on(['www.ecosia.org'], ['/search*', '/images*', '/news*', '/videos*', '/ai-search*', '/chat*']), label: 'Ecosia',
    hosts: ['www.ecosia.org'], paths: [/^\/search$/, /^\/images$/, /^\/news$/, /^\/videos$/, /^\/ai-search(\/[^/]+)?$/, /^\/chat$/],
    params: ['q'], pageParams: ['p'], firstPage: 0,
    ai: ['div[data-test-id="mainline-result-aiOverview"]'],
    aiMode: [{ path: /^\/ai-search(\/[^/]+)?$/ }, { path: /^\/chat$/ }], aiAnswer: [] },
  { id: 'brave', matches: on(['search.brave.com'], ['/search*', '/images*', '/news*', '/videos*', '/ask*']), label: 'Brave Search',
    hosts: ['search.brave.com'], paths: [/^\/search$/, /^\/images$/, /^\/news$/, /^\/videos$/, /^\/ask$/], params: ['q'],
    pageParams: ['offset'], firstPage: 0, ai: ['#llm-snippet', '#summarizer', '.summarizer', '[data-testid="summarizer"]', '#chatllm'],
    aiMode: [{ path: /^\/ask$/ }], aiAnswer: ['#chatllm-main-answer-content', '.chatllm-content'] },
  { id: 'startpage', matches: on(STARTPAGE_HOSTS, ['/sp/search*', '/do/search*', '/do/dsearch*']), label: 'Startpage', hosts: STARTPAGE_HOSTS,
    paths: [/^\/sp\/search$/, /^\/do\/search$/, /^\/do\/dsearch$/], params: ['query', 'q'], pageParams: ['page'], firstPage: 1,
    input: 'input[name="query"], input[name="q"]' },
  // www.qwant.com pages by offset; p was the paging of lite.qwant.com, which is not read here.
  { id: 'qwant', matches: ['https://www.qwant.com/*'], label: 'Qwant', hosts: ['www.qwant.com'], paths: [/^\/$/], params: ['q'], pageParams: ['offset'], firstPage: 1 },
  { id: 'baidu', matches: ['https://www.baidu.com/s*', 'https://chat.baidu.com/search*'], label: 'Baidu', hosts: ['www.baidu.com', 'chat.baidu.com'],
    paths: [/^\/s$/], hostPaths: { 'chat.baidu.com': [/^\/search$/] }, params: ['wd', 'word'], pageParams: ['pn'], firstPage: 1,
    aiMode: [{ host: 'chat.baidu.com' }], aiAnswer: ['[class*="answer-container"]'] },
  { id: 'yandex', matches: [...on(YANDEX_HOSTS, ['/search*', '/images/search*', '/video/search*', '/video/touch/search*']), 'https://ya.ru/neuralsearch*'],
    label: 'Yandex', hosts: YANDEX_HOSTS,
    paths: [/^\/search\/?$/, /^\/search\/touch\/?$/, /^\/images\/search\/?$/, /^\/video\/search\/?$/, /^\/video\/touch\/search\/?$/],
    hostPaths: { 'ya.ru': [/^\/neuralsearch\/?$/] }, params: ['text'], pageParams: ['p'], firstPage: 0,
    aiMode: [{ path: /^\/neuralsearch\/?$/ }], aiAnswer: [] },
  // Kagi's "More results" adds batch=2, 3, ... (read page too, the older guess).
  { id: 'kagi', matches: on(['kagi.com'], ['/search*', '/html/search*', '/images*', '/videos*', '/news*', '/podcasts*']), label: 'Kagi',
    hosts: ['kagi.com'], paths: [/^\/search$/, /^\/html\/search$/, /^\/images$/, /^\/videos$/, /^\/news$/, /^\/podcasts$/], params: ['q'],
    pageParams: ['batch', 'page'], firstPage: 1 },
]);

const BY_HOST = new Map(ENGINES.flatMap((e) => e.hosts.map((h) => [h, e])));

/** Match patterns of every result page, for the manifest. */
export function searchMatchPatterns() {
  return ENGINES.flatMap((e) => e.matches);
}

/** The engine for a result page host and path, or null. */
export function engineFor(hostname, pathname) {
  const e = BY_HOST.get(hostname);
  if (!e) return null;
  const extra = (e.hostPaths && e.hostPaths[hostname]) || [];
  return e.paths.some((re) => re.test(pathname)) || extra.some((re) => re.test(pathname)) ? e : null;
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

/**
 * Whether one of `rules` matches the URL: a rule matches when each of its
 * parts does (host; path; param, present, or with one of `values`).
 */
function matchesRule(rules, u) {
  return (rules || []).some((r) => (!r.host || r.host === u.hostname)
    && (!r.path || r.path.test(u.pathname))
    && (!r.param || (r.values ? r.values.includes(u.searchParams.get(r.param)) : u.searchParams.has(r.param))));
}

/**
 * Reads a result-page URL.
 * @param {string} url
 * @returns {{engine: string, query: string|null, furtherPage: boolean, ai: boolean}|null}
 *   query is null when the page was reached by a POST form (read the input);
 *   ai is true for a page that is an AI answer (Google's AI Mode, Bing's Copilot Search, ...);
 *   null for other pages, and for a chatbot reached through the engine (Duck.ai).
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
  if (!engine || matchesRule(engine.notSearch, u)) return null;
  let query = null;
  for (const name of engine.params) {
    const v = u.searchParams.get(name);
    if (v !== null && v.trim() !== '') {
      query = v;
      break;
    }
  }
  if (query === null && !engine.input) return null;
  return { engine: engine.id, query, furtherPage: isFurtherPage(engine, u.searchParams), ai: matchesRule(engine.aiMode, u) };
}

/** The form of a query used for deduplication: NFKC, lower case, single spaces. */
export function normaliseQuery(query) {
  return String(query).normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
