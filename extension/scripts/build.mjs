// Builds dist/chromium and dist/firefox from the one source tree.

import { mkdir, readFile, writeFile, rm, cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildManifest, BROWSERS } from './manifest.mjs';
import { bundle } from './bundle.mjs';
import { iconPng } from './icons.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COPY = ['_locales', 'background', 'lib', 'popup', 'options'];
const CONTENT = ['page-hook.js', 'chat.js', 'search.js'];
const ICON_SIZES = [16, 32, 48, 128];
export const HOOK_SOURCE_URL = '<anonymous>';

export async function build(outRoot = path.join(ROOT, 'dist')) {
  const source = JSON.parse(await readFile(path.join(ROOT, 'manifest.json'), 'utf8'));
  const bundles = {};
  for (const name of CONTENT) bundles[name] = await bundle(path.join(ROOT, 'content', name), ROOT);
  // The page's own scripts can see stack frames of the MAIN-world hook (an
  // error thrown while a wrapper runs): named like this, a frame shows
  // "<anonymous>" as native and eval'd code do in Chromium, not
  // chrome-extension://<Wattprint's fixed id>/content/page-hook.js (issue 15, finding 13).
  bundles['page-hook.js'] += `//# sourceURL=${HOOK_SOURCE_URL}\n`;
  const dirs = {};
  for (const browser of BROWSERS) {
    const dir = path.join(outRoot, browser);
    await rm(dir, { recursive: true, force: true });
    await mkdir(path.join(dir, 'content'), { recursive: true });
    await mkdir(path.join(dir, 'icons'), { recursive: true });
    for (const sub of COPY) await cp(path.join(ROOT, sub), path.join(dir, sub), { recursive: true });
    for (const [name, code] of Object.entries(bundles)) await writeFile(path.join(dir, 'content', name), code);
    for (const size of ICON_SIZES) await writeFile(path.join(dir, 'icons', `icon-${size}.png`), iconPng(size));
    const manifest = buildManifest(source, browser);
    await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    dirs[browser] = dir;
  }
  return dirs;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = await build();
  for (const [b, d] of Object.entries(dirs)) console.log(`built ${b}: ${path.relative(process.cwd(), d)}`);
}
