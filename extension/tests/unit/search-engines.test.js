import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSearchUrl, normaliseQuery, ENGINES, searchMatchPatterns } from '../../lib/search-engines.js';

const CASES = [
  ['google', 'https://www.google.com/search?q=heat+pump&hl=en', 'heat pump', 'https://www.google.com/search?q=heat+pump&start=10'],
  ['bing', 'https://www.bing.com/search?q=heat%20pump&form=QBLH', 'heat pump', 'https://www.bing.com/search?q=heat+pump&first=11'],
  ['duckduckgo', 'https://duckduckgo.com/?q=heat+pump&ia=web', 'heat pump', 'https://html.duckduckgo.com/html/?q=heat+pump&s=30&dc=31'],
  ['yahoo', 'https://search.yahoo.com/search?p=heat+pump&fr=yfp', 'heat pump', 'https://search.yahoo.com/search?p=heat+pump&b=8'],
  ['ecosia', 'https://www.ecosia.org/search?method=index&q=heat+pump', 'heat pump', 'https://www.ecosia.org/search?q=heat+pump&p=2'],
  ['brave', 'https://search.brave.com/search?q=heat+pump&source=web', 'heat pump', 'https://search.brave.com/search?q=heat+pump&offset=2'],
  ['startpage', 'https://www.startpage.com/sp/search?query=heat+pump&cat=web', 'heat pump', 'https://www.startpage.com/sp/search?query=heat+pump&page=2'],
  ['qwant', 'https://www.qwant.com/?q=heat+pump&t=web', 'heat pump', 'https://www.qwant.com/?q=heat+pump&t=web&offset=10'],
  ['baidu', 'https://www.baidu.com/s?ie=utf-8&wd=%E7%83%AD%E6%B3%B5', '热泵', 'https://www.baidu.com/s?wd=%E7%83%AD%E6%B3%B5&pn=10'],
  ['yandex', 'https://yandex.ru/search/?text=%D1%82%D0%B5%D0%BF%D0%BB%D0%BE&lr=213', 'тепло', 'https://yandex.ru/search/?text=%D1%82%D0%B5%D0%BF%D0%BB%D0%BE&p=2'],
  ['kagi', 'https://kagi.com/search?q=heat+pump', 'heat pump', 'https://kagi.com/search?q=heat+pump&page=3'],
];

test('every engine id is covered', () => {
  assert.deepEqual(ENGINES.map((e) => e.id).sort(), CASES.map((c) => c[0]).sort());
});

for (const [engine, first, query, later] of CASES) {
  test(`${engine}: reads the query and tells further pages apart`, () => {
    assert.deepEqual(parseSearchUrl(first), { engine, query, furtherPage: false });
    const next = parseSearchUrl(later);
    assert.equal(next.engine, engine);
    assert.equal(next.query, query);
    assert.equal(next.furtherPage, true);
  });
}

test('first-page parameters are not further pages', () => {
  assert.equal(parseSearchUrl('https://www.google.com/search?q=a&start=0').furtherPage, false);
  assert.equal(parseSearchUrl('https://www.bing.com/search?q=a&first=1').furtherPage, false);
});

test('POST result pages have no query in the URL; the search box is read instead', () => {
  assert.deepEqual(parseSearchUrl('https://html.duckduckgo.com/html/'), { engine: 'duckduckgo', query: null, furtherPage: false });
  assert.deepEqual(parseSearchUrl('https://www.startpage.com/sp/search'), { engine: 'startpage', query: null, furtherPage: false });
});

test('non-result pages and other sites are ignored', () => {
  assert.equal(parseSearchUrl('https://www.google.com/maps?q=berlin'), null);
  assert.equal(parseSearchUrl('https://www.google.com/search'), null);
  assert.equal(parseSearchUrl('https://www.bing.com/search?q=%20'), null);
  assert.equal(parseSearchUrl('https://example.com/search?q=x'), null);
  assert.equal(parseSearchUrl('http://www.google.com/search?q=x'), null);
  assert.equal(parseSearchUrl('not a url'), null);
});

test('queries are normalised before hashing', () => {
  assert.equal(normaliseQuery('  Heat   PUMP\t'), 'heat pump');
  assert.equal(normaliseQuery('ＡＢＣ'), 'abc');
});

test('every match pattern is a valid https pattern of a listed host', () => {
  const hosts = new Set(ENGINES.flatMap((e) => e.hosts));
  for (const p of searchMatchPatterns()) {
    const m = /^https:\/\/([^/*]+)\/.*$/.exec(p);
    assert.ok(m, p);
    assert.ok(hosts.has(m[1]), p);
  }
});
