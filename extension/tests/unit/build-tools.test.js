import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { zipFiles } from '../../scripts/zip.mjs';
import { bundle } from '../../scripts/bundle.mjs';
import { iconPng } from '../../scripts/icons.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('zip output is byte-identical for the same files in any order, and unzips', () => {
  const files = [{ name: 'b/x.txt', data: Buffer.from('hello '.repeat(50)) }, { name: 'a.json', data: Buffer.from('{}') }];
  const one = zipFiles(files);
  const two = zipFiles([...files].reverse());
  assert.ok(one.equals(two));
  const dir = mkdtempSync(path.join(tmpdir(), 'wp-zip-'));
  try {
    writeFileSync(path.join(dir, 't.zip'), one);
    execFileSync('python3', ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])',
      path.join(dir, 't.zip'), dir]);
    assert.equal(readFileSync(path.join(dir, 'b/x.txt'), 'utf8'), 'hello '.repeat(50));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the search content script bundles into one classic script that runs', async () => {
  const code = await bundle(path.join(ROOT, 'content/search.js'), ROOT);
  assert.ok(!/^\s*(import|export)\s/m.test(code));
  const sent = [];
  const context = vm.createContext({
    location: { href: 'https://www.bing.com/search?q=heat+pump&first=1' },
    document: { readyState: 'complete', querySelector: () => null },
    chrome: { runtime: { sendMessage: async (m) => sent.push(m) } },
    crypto: globalThis.crypto, TextEncoder, URL, URLSearchParams, setInterval: () => 0, clearInterval: () => {},
    addEventListener: () => {},
  });
  vm.runInContext(code, context);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(sent.length, 1);
  assert.equal(sent[0].type, 'search');
  assert.equal(sent[0].engine, 'bing');
  assert.deepEqual(JSON.parse(JSON.stringify(sent[0].prompt)), { latin: 8 });
  assert.match(sent[0].queryHash, /^[0-9a-f]{64}$/);
  assert.ok(!JSON.stringify(sent).includes('heat'), 'the query text never leaves the page');
});

test('icons are valid PNG files', () => {
  const png = iconPng(16);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), 16);
});
