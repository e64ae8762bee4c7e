// Zips dist/chromium and dist/firefox reproducibly:
// dist/wattprint-chromium.zip and dist/wattprint-firefox.xpi.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipFiles } from './zip.mjs';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

async function filesUnder(dir, prefix = '') {
  const out = [];
  for (const ent of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${ent.name}` : ent.name;
    if (ent.isDirectory()) out.push(...(await filesUnder(path.join(dir, ent.name), rel)));
    else out.push({ name: rel, data: await readFile(path.join(dir, ent.name)) });
  }
  return out;
}

for (const [browser, file] of [['chromium', 'wattprint-chromium.zip'], ['firefox', 'wattprint-firefox.xpi']]) {
  const zip = zipFiles(await filesUnder(path.join(DIST, browser)));
  await writeFile(path.join(DIST, file), zip);
  console.log(`${createHash('sha256').update(zip).digest('hex')}  dist/${file}`);
}
