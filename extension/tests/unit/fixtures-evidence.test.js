// Every fixture says where its shape was seen: a folder of fixture files has
// an EVIDENCE.md (its own or its site's) that names each of its files. And
// docs/capture.md, generated from the fixtures, is up to date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, DOC, render } from '../../scripts/capture-matrix.mjs';

// Fixture folders whose evidence is still being written: none now (every chatbot
// and search engine has its EVIDENCE.md). A listed folder is checked like any
// other once it has one; when every listed one has it, empty the list.
const PENDING = [];

/** Every folder under `dir` holding files other than EVIDENCE.md, with those files. */
function fixtureFolders(dir) {
  const out = [];
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...fixtureFolders(full));
    else if (name !== 'EVIDENCE.md') files.push(name);
  }
  if (files.length && dir !== FIXTURES) out.unshift({ dir, files });
  return out;
}

/** The EVIDENCE.md that covers `dir`: its own, or the nearest one above it inside fixtures/. */
export function evidenceFor(dir) {
  for (let d = dir; d.startsWith(FIXTURES) && d !== FIXTURES; d = path.dirname(d)) {
    const file = path.join(d, 'EVIDENCE.md');
    if (existsSync(file)) return file;
  }
  return null;
}

/** Problems of the fixture folders under `root` (each a one-line message). */
export function evidenceProblems(folders, pending = []) {
  const problems = [];
  for (const { dir, files } of folders) {
    const rel = path.relative(FIXTURES, dir).split(path.sep).join('/');
    const evidence = evidenceFor(dir);
    if (!evidence) {
      if (!pending.includes(rel.split('/')[0])) problems.push(`${rel}: no EVIDENCE.md`);
      continue;
    }
    const text = readFileSync(evidence, 'utf8');
    const from = path.relative(path.dirname(evidence), dir).split(path.sep).join('/');
    for (const f of files) {
      // A file is named itself, or (in a variant's folder) through its variant: `variant` or `variant/`.
      const named = from ? `${from}/${f}` : f;
      const variant = from && (text.includes(`\`${from}\``) || text.includes(`\`${from}/\``));
      if (!text.includes(named) && !variant && !(from === '' && text.includes(`\`${f}\``))) {
        problems.push(`${rel}/${f}: not mentioned in ${path.relative(FIXTURES, evidence)}`);
      }
    }
  }
  return problems;
}

test('every fixture folder has an EVIDENCE.md that names each of its files', () => {
  assert.deepEqual(evidenceProblems(fixtureFolders(FIXTURES), PENDING), []);
});

test('the check finds a folder without evidence and a file its evidence does not name', () => {
  const search = path.join(FIXTURES, 'search', 'google');
  const fake = [{ dir: path.join(FIXTURES, 'newsite'), files: ['response.txt'] },
    { dir: search, files: ['expected.json', 'never-mentioned.txt'] }];
  assert.deepEqual(evidenceProblems(fake), ['newsite: no EVIDENCE.md',
    'search/google/never-mentioned.txt: not mentioned in search/google/EVIDENCE.md']);
});

test('the pending list holds only sites still without evidence', () => {
  const done = PENDING.filter((site) => existsSync(path.join(FIXTURES, site, 'EVIDENCE.md')));
  assert.ok(done.length < PENDING.length || PENDING.length === 0,
    `every pending site has its EVIDENCE.md now: empty PENDING in this test (${done.join(', ')})`);
});

test('docs/capture.md is generated from the fixtures and up to date', () => {
  assert.equal(readFileSync(DOC, 'utf8'), render(),
    'docs/capture.md is out of date: run node extension/scripts/capture-matrix.mjs');
});
