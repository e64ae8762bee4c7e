// The search engines against their fixtures (tests/fixtures/search/<engine>/
// expected.json, built from the URL shapes EVIDENCE.md cites).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSearchUrl, normaliseQuery, ENGINES, searchMatchPatterns, engineFor } from '../../lib/search/search-engines.js';
import { GOOGLE_SUFFIXES } from '../../lib/search/search-domains.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'search');
// One folder per engine (the EVIDENCE.md beside them states the rules they share).
const FIXTURES = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory())
  .map((d) => JSON.parse(readFileSync(path.join(DIR, d.name, 'expected.json'), 'utf8')));

test('every engine has fixtures, and every fixture an engine', () => {
  assert.deepEqual(ENGINES.map((e) => e.id).sort(), FIXTURES.map((f) => f.service).sort());
});

for (const fixture of FIXTURES) {
  for (const v of fixture.variants) {
    test(`${fixture.service}: ${v.variant}`, () => {
      assert.deepEqual(parseSearchUrl(v.url), { engine: fixture.service, query: v.query, furtherPage: v.furtherPage, ai: v.ai });
      // The manifest's patterns must reach the page for its content script to run.
      const u = new URL(v.url);
      const reached = searchMatchPatterns().some((p) => {
        const m = /^https:\/\/([^/]+)(\/.*)$/.exec(p);
        const re = new RegExp(`^${m[2].replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
        return m[1] === u.hostname && re.test(u.pathname + u.search);
      });
      assert.ok(reached, `no match pattern reaches ${v.url}`);
    });
  }
  test(`${fixture.service}: other pages are not result pages`, () => {
    for (const url of fixture.not_results) assert.equal(parseSearchUrl(url), null, url);
  });
}

test('non-result pages and other sites are ignored', () => {
  assert.equal(parseSearchUrl('https://example.com/search?q=x'), null);
  assert.equal(parseSearchUrl('http://www.google.com/search?q=x'), null);
  assert.equal(parseSearchUrl('https://www.google.invalid/search?q=x'), null);
  assert.equal(parseSearchUrl('not a url'), null);
});

test('every Google country domain is a result host', () => {
  assert.ok(GOOGLE_SUFFIXES.length > 180);
  for (const s of GOOGLE_SUFFIXES) assert.equal(engineFor(`www.google.${s}`, '/search').id, 'google', s);
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

test('an AI Mode URL rewritten with only a new mstk reads as the same AI query (not a new one)', () => {
  const first = parseSearchUrl('https://www.google.com/search?q=heat+pump&udm=50&aep=11');
  const later = parseSearchUrl('https://www.google.com/search?q=heat+pump&udm=50&sei=AbC1&mstk=AUtExfD2&csuir=1');
  const next = parseSearchUrl('https://www.google.com/search?q=heat+pump&udm=50&sei=AbC1&mstk=AUtExfD2xYz9&csuir=1');
  assert.deepEqual(later, first);
  assert.deepEqual(next, first);
});

test('one rule for tabs: an image search is a search on every engine that has the tab', () => {
  for (const url of ['https://www.google.com/search?q=x&udm=2', 'https://www.bing.com/images/search?q=x',
    'https://duckduckgo.com/?q=x&ia=images', 'https://www.qwant.com/?q=x&t=images',
    'https://www.startpage.com/sp/search?query=x&cat=images', 'https://yandex.ru/images/search?text=x',
    'https://search.brave.com/images?q=x', 'https://www.ecosia.org/images?q=x', 'https://kagi.com/images?q=x']) {
    const r = parseSearchUrl(url);
    assert.ok(r && r.query === 'x' && r.ai === false && r.furtherPage === false, url);
  }
});

test('a path of one host only is no result page on the engine\'s other hosts', () => {
  assert.equal(engineFor('ya.ru', '/neuralsearch/').id, 'yandex');
  assert.equal(engineFor('yandex.ru', '/neuralsearch/'), null);
  assert.equal(engineFor('chat.baidu.com', '/search').id, 'baidu');
  assert.equal(engineFor('www.baidu.com', '/search'), null);
});
