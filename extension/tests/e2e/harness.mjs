// Launches the system Chromium with the built extension for end-to-end
// tests. A test may pass its own userDataDir (for example one prepared with
// `wattprint install-host --user-data-dir DIR`, whose NativeMessagingHosts/
// Chromium reads from there) and must never download a browser.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const EXTENSION_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'chromium');
export const CHROMIUM = process.env.WATTPRINT_CHROMIUM || '/usr/bin/chromium';
export const EXTENSION_ID = 'ggfcmjnhfijbkiopdachebogicdgfobd';

export function newUserDataDir() {
  return mkdtempSync(path.join(tmpdir(), 'wattprint-profile-'));
}

/**
 * @param {{hostResolverRules: string, userDataDir?: string, extensionDir?: string, headless?: boolean}} opts
 * @returns {Promise<{context, worker, userDataDir}>}
 */
export async function launchWithExtension({ hostResolverRules, userDataDir = newUserDataDir(),
  extensionDir = EXTENSION_DIR, headless = true }) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    ignoreHTTPSErrors: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${hostResolverRules}`, '--ignore-certificate-errors',
    ],
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
  if (!worker) {
    worker = await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`), timeout: 15000,
    });
  }
  // Content scripts are registered by the worker at start: pages opened before that would have none.
  await worker.evaluate(() => globalThis.wattprint.scriptsReady && globalThis.wattprint.scriptsReady());
  return { context, worker, userDataDir };
}

/** The extension's whole storage.local, read inside the service worker. */
export function readStorage(worker) {
  return worker.evaluate(() => chrome.storage.local.get(null));
}

/** The outbox items, oldest first. */
export async function outboxItems(worker) {
  return worker.evaluate(async () => (await globalThis.wattprint.outbox.peek(1000)).map((e) => e.item));
}

export async function waitFor(fn, { timeout = 15000, interval = 200 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, interval));
  }
}
