// Search engines recognised by their result-page URL. Only the query's
// character counts and a hash of the normalised query leave the page.

export const ENGINES = Object.freeze([
  { id: 'google', matches: ['https://www.google.com/search*'], label: 'Google', hosts: ['www.google.com'], paths: [/^\/search$/], params: ['q'], pageParams: ['start'],
    ai: ['[data-attrid="AIOverview"]', '[data-attrid="SGEAnswer"]', 'div[data-subtree="aimc"]'] },
  { id: 'bing', matches: ['https://www.bing.com/search*'], label: 'Bing', hosts: ['www.bing.com'], paths: [/^\/search$/], params: ['q'], pageParams: ['first'],
    ai: ['#b_copilot_answer', '.b_copilot_answer', '#b_genserp_container', '.b_genserp'] },
  { id: 'duckduckgo', matches: ['https://duckduckgo.com/*', 'https://html.duckduckgo.com/html*', 'https://lite.duckduckgo.com/lite*'], label: 'DuckDuckGo', hosts: ['duckduckgo.com', 'html.duckduckgo.com', 'lite.duckduckgo.com'],
    paths: [/^\/$/, /^\/html\/?$/, /^\/lite\/?$/], params: ['q'], pageParams: ['s', 'dc'], input: 'input[name="q"]' },
  { id: 'yahoo', matches: ['https://search.yahoo.com/search*'], label: 'Yahoo', hosts: ['search.yahoo.com'], paths: [/^\/search/], params: ['p'], pageParams: ['b'] },
  { id: 'ecosia', matches: ['https://www.ecosia.org/search*'], label: 'Ecosia', hosts: ['www.ecosia.org'], paths: [/^\/search$/], params: ['q'], pageParams: ['p'] },
  { id: 'brave', matches: ['https://search.brave.com/search*'], label: 'Brave Search', hosts: ['search.brave.com'], paths: [/^\/search$/], params: ['q'], pageParams: ['offset'],
    ai: ['#summarizer', '.summarizer', '[data-testid="summarizer"]', '#chatllm'] },
  { id: 'startpage', matches: ['https://www.startpage.com/sp/search*', 'https://www.startpage.com/do/search*'], label: 'Startpage', hosts: ['www.startpage.com'], paths: [/^\/sp\/search$/, /^\/do\/search$/],
    params: ['query', 'q'], pageParams: ['page'], input: 'input[name="query"], input[name="q"]' },
  { id: 'qwant', matches: ['https://www.qwant.com/*'], label: 'Qwant', hosts: ['www.qwant.com'], paths: [/^\/$/], params: ['q'], pageParams: ['offset', 'p'] },
  { id: 'baidu', matches: ['https://www.baidu.com/s*'], label: 'Baidu', hosts: ['www.baidu.com'], paths: [/^\/s$/], params: ['wd', 'word'], pageParams: ['pn'] },
  { id: 'yandex', matches: ['https://yandex.com/search*', 'https://yandex.ru/search*'], label: 'Yandex', hosts: ['yandex.com', 'yandex.ru'], paths: [/^\/search\/?$/], params: ['text'], pageParams: ['p'] },
  { id: 'kagi', matches: ['https://kagi.com/search*'], label: 'Kagi', hosts: ['kagi.com'], paths: [/^\/search$/], params: ['q'], pageParams: ['page'] },
]);

/** Match patterns of every result page, for the manifest. */
export function searchMatchPatterns() {
  return ENGINES.flatMap((e) => e.matches);
}

/** The engine for a result page host and path, or null. */
export function engineFor(hostname, pathname) {
  return ENGINES.find((e) => e.hosts.includes(hostname) && e.paths.some((re) => re.test(pathname))) || null;
}

function isFurtherPage(engine, params) {
  return engine.pageParams.some((name) => {
    const v = params.get(name);
    if (v === null || v === '') return false;
    const n = Number(v);
    // start=0, first=1, b=1, page=1, p=0/1 all mean the first page.
    return Number.isFinite(n) ? n > 1 : true;
  });
}

/**
 * Reads a result-page URL.
 * @param {string} url
 * @returns {{engine: string, query: string|null, furtherPage: boolean}|null}
 *   query is null when the page was reached by a POST form (read the input).
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
  return { engine: engine.id, query, furtherPage: isFurtherPage(engine, u.searchParams) };
}

/** The form of a query used for deduplication: NFKC, lower case, single spaces. */
export function normaliseQuery(query) {
  return String(query).normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
