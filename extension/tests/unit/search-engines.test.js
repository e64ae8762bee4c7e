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
const FIXTURES = readdirSync(DIR).map((engine) => JSON.parse(readFileSync(path.join(DIR, engine, 'expected.json'), 'utf8')));

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
