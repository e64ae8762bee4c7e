// Drives headless Chromium with the built extension for the Python
// end-to-end tests (tests/e2e/ in the repository root) and the benchmark.
// Usage: node drive.mjs '<json config>'; prints one JSON result line last.
//
// Modes (config.mode):
// - "sites": visits each chatbot's fixture page and submits `prompts`
//   prompts, visits each search engine's result page for each query (then
//   reloads it and opens page 2, which must add nothing), waits past the
//   capture grace periods and until the outbox drains to the host.
//   Config: {rules, userDataDir, chats: [{service, prompts, variants? or
//   variant?}], searches:
//   [{engine, queries}], expectHost, timeoutMs}.
// - "capture": searches made inside a page (pushState, back), a Google
//   country domain, Google's AI Mode, and a chatbot whose stream changed
//   shape, sent twice; waits until the outbox and the health report reach
//   the host, and reads the popup. Config: {rules, userDataDir, marker,
//   timeoutMs}.
// - "screenshots": renders the popup and options pages to PNG files.
//   Config: {rules, userDataDir, outDir}.
// - "bench": the extension's main-thread script time on a page streaming a
//   long answer, and the time from the answer's end to the host's ack.
//   Config: {rules, userDataDir, withExtension, runs}.
//
// The browser inherits this process's environment, and the native host
// inherits the browser's: WATTPRINT_DATA_DIR set by the caller reaches it.

import { chromium } from 'playwright-core';
import { ADAPTERS } from '../../lib/adapters/index.js';
import { ENGINES } from '../../lib/search/search-engines.js';
import { launchWithExtension, waitFor, CHROMIUM, EXTENSION_ID, newUserDataDir } from './harness.mjs';

const config = JSON.parse(process.argv[2] || '{}');
const log = (...a) => console.error(`[drive ${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);
const T0 = Date.now();

/** The first page of a result list for `query` on `engine`, and its page 2. */
export function searchUrls(engine, query) {
  const e = ENGINES.find((x) => x.id === engine);
  const host = e.hosts[0];
  const pathname = { duckduckgo: '/', qwant: '/', startpage: '/sp/search', baidu: '/s' }[engine] || '/search';
  const first = new URL(`https://${host}${pathname}`);
  first.searchParams.set(e.params[0], query);
  const second = new URL(first);
  second.searchParams.set(e.pageParams[0], '10');
  return [first.href, second.href];
}

function chatUrl(adapter) {
  return adapter.service === 'huggingchat' ? `https://${adapter.hosts[0]}/chat/` : `https://${adapter.hosts[0]}/`;
}

async function popupState(worker) {
  return worker.evaluate(() => globalThis.wattprint.popupState());
}

/** Runs `fn` over `list` with at most `n` at a time. */
async function pool(list, n, fn) {
  const queue = [...list];
  const errors = [];
  await Promise.all(Array.from({ length: Math.min(n, queue.length) }, async () => {
    while (queue.length) {
      const x = queue.shift();
      try {
        await fn(x);
      } catch (e) {
        errors.push(`${JSON.stringify(x)}: ${e.message}`);
      }
    }
  }));
  return errors;
}

async function chatOnce(context, { service, prompts = 1, variant = null }) {
  const adapter = ADAPTERS.find((a) => a.service === service);
  if (!adapter) throw new Error(`no adapter ${service}`);
  const page = await context.newPage();
  // A variant fixture (tests/fixtures/<site>/<name>/) is served at ?variant=<name>.
  await page.goto(variant ? `${chatUrl(adapter)}?variant=${encodeURIComponent(variant)}` : chatUrl(adapter));
  await page.waitForTimeout(300);
  const send = adapter.dom.send.split(',')[0].trim();
  for (let i = 1; i <= prompts; i += 1) {
    await page.click(send);
    await page.waitForFunction((n) => window.__answered >= n, i, { timeout: 15000 });
    // The answer settles (DOM) and is reported before the next prompt.
    await page.waitForTimeout(3000);
  }
  return page; // kept open: a DOM-only turn is reported after a grace period
}

async function searchOnce(context, { engine, queries }) {
  const page = await context.newPage();
  for (const q of queries) {
    const [first, second] = searchUrls(engine, q);
    await page.goto(first);
    await page.waitForTimeout(3000); // the AI block appears (0.3 s) and settles (1.5 s)
    await page.reload();
    await page.waitForTimeout(600);
    await page.goto(second);
    await page.waitForTimeout(600);
  }
  await page.close();
}

async function sites() {
  const { context, worker } = await launchWithExtension({ hostResolverRules: config.rules,
    userDataDir: config.userDataDir });
  const result = { errors: [] };
  try {
    log('extension loaded');
    const open = [];
    const chatErrors = pool(config.chats || [], 4, async (c) => {
      // {service, variants: [...]} (or one `variant`): the site's variant pages one after another, so rows keep their order.
      for (const variant of c.variants || [c.variant || null]) {
        open.push(await chatOnce(context, { ...c, variant }));
        log('chat', c.service, variant || '', 'answered');
      }
    });
    const searchErrors = pool(config.searches || [], 2, async (s) => {
      await searchOnce(context, s);
      log('search', s.engine, 'done');
    });
    result.errors.push(...await chatErrors, ...await searchErrors);
    await new Promise((r) => setTimeout(r, 7000)); // past the DOM-only grace period (6 s)
    const drained = Date.now();
    const want = config.expectHost !== false;
    try {
      result.state = await waitFor(async () => {
        const s = await popupState(worker);
        return s.outbox.count === 0 && (!want || s.connection.state === 'connected') ? s : null;
      }, { timeout: config.timeoutMs || 30000, interval: 250 });
    } catch {
      result.state = await popupState(worker);
      result.errors.push(`outbox did not drain: ${JSON.stringify(result.state)}`);
    }
    result.drainMs = Date.now() - drained;
    try { // the toolbar badge follows each delivery (a day summary asked of the host)
      result.badge = await waitFor(async () => (await worker.evaluate(() => chrome.action.getBadgeText({}))) || null,
        { timeout: 10000, interval: 250 });
    } catch {
      result.badge = '';
    }
    result.storage = await worker.evaluate(() => chrome.storage.local.get(null));
    for (const p of open) await p.close();
  } finally {
    await context.close();
  }
  return result;
}

async function screenshots() {
  const { context } = await launchWithExtension({ hostResolverRules: config.rules, userDataDir: config.userDataDir });
  const files = [];
  try {
    const base = `chrome-extension://${EXTENSION_ID}`;
    const shots = [
      { name: `${config.prefix || ''}popup.png`, url: `${base}/popup/popup.html`, viewport: { width: 360, height: 560 }, fit: true },
      { name: `${config.prefix || ''}options.png`, url: `${base}/options/options.html`, viewport: { width: 900, height: 900 }, full: true },
    ];
    for (const s of shots) {
      const page = await context.newPage();
      await page.setViewportSize(s.viewport);
      await page.goto(s.url);
      await page.waitForTimeout(2500); // the popup asks the worker (and the host) for its state
      const file = `${config.outDir}/${s.name}`;
      if (s.fit) {
        // A browser popup is as tall as its content: measure and crop like the browser would.
        const box = await page.evaluate(() => {
          const r = document.body.getBoundingClientRect();
          return { w: Math.ceil(r.width), h: Math.ceil(r.height) };
        });
        await page.setViewportSize({ width: Math.max(box.w, 200), height: Math.min(box.h, 600) });
      }
      await page.screenshot({ path: file, fullPage: Boolean(s.full) });
      const overflow = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'
          && el.clientWidth > 0)
        .map((el) => el.id || el.className || el.tagName).slice(0, 10));
      const text = await page.evaluate(() => document.body.innerText);
      files.push({ name: s.name, file, overflow, text, width: await page.evaluate(() => document.body.scrollWidth) });
      await page.close();
    }
  } finally {
    await context.close();
  }
  return { files };
}

/**
 * The ChatGPT fixture streaming a long answer (?long=N one-word deltas), `runs`
 * times after one warm-up: the page's main-thread script time (CDP
 * Performance.getMetrics ScriptDuration, which counts the page's own scripts
 * and the extension's content scripts in that renderer) from the click to
 * `settleMs` after the answer ended, and with the extension the time from the
 * answer's end to the host's ack (sent only after the row is committed).
 */
async function bench() {
  const runs = config.runs || 3;
  const settleMs = config.settleMs || 3500; // past the DOM watcher's settle time (2.5 s)
  const out = { script_ms: [], task_ms: [], ack_ms: [], answer_ms: [] };
  let context;
  let worker = null;
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--host-resolver-rules=${config.rules}`, '--ignore-certificate-errors'];
  if (config.withExtension) {
    ({ context, worker } = await launchWithExtension({ hostResolverRules: config.rules, userDataDir: config.userDataDir }));
    await worker.evaluate(() => globalThis.wattprint.popupState()); // starts the host once
  } else {
    context = await chromium.launchPersistentContext(config.userDataDir || newUserDataDir(), {
      executablePath: CHROMIUM, headless: true, ignoreHTTPSErrors: true, args });
  }
  const queued = () => worker.evaluate(async () => {
    const meta = (await chrome.storage.local.get('outbox.meta'))['outbox.meta'] || { tail: 0, count: 0 };
    return { tail: meta.tail, count: meta.count };
  });
  try {
    for (let i = 0; i <= runs; i += 1) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(config.url);
      await page.waitForTimeout(500);
      const before = worker ? await queued() : null;
      const m0 = await cdp.send('Performance.getMetrics');
      const clicked = Date.now();
      await page.click('[data-testid="send-button"]');
      await page.waitForFunction(() => window.__answered >= 1, null, { timeout: 60000, polling: 100 });
      const answeredAt = await page.evaluate(() => performance.timeOrigin + window.__answeredAt);
      let acked = null;
      if (worker) {
        acked = waitFor(async () => {
          const q = await queued();
          return q.tail > before.tail && q.count === 0 ? Date.now() : null;
        }, { timeout: 20000, interval: 2 });
        acked.catch(() => {});
      }
      await page.waitForTimeout(Math.max(0, answeredAt + settleMs - Date.now()));
      const m1 = await cdp.send('Performance.getMetrics');
      const metric = (m, name) => m.metrics.find((x) => x.name === name).value * 1000;
      if (i > 0) {
        out.script_ms.push(metric(m1, 'ScriptDuration') - metric(m0, 'ScriptDuration'));
        out.task_ms.push(metric(m1, 'TaskDuration') - metric(m0, 'TaskDuration'));
        out.answer_ms.push(answeredAt - clicked);
        if (acked) out.ack_ms.push((await acked) - answeredAt);
      } else if (acked) {
        await acked;
      }
      out.chars = await page.evaluate(() => document.body.innerText.length);
      await page.close();
    }
  } finally {
    await context.close();
  }
  return out;
}

async function capture() {
  const { context, worker } = await launchWithExtension({ hostResolverRules: config.rules,
    userDataDir: config.userDataDir });
  const m = config.marker;
  const result = {};
  try {
    const page = await context.newPage();
    // A search, then two more made inside the page (pushState), the same one again, its page 2, and back.
    await page.goto(`https://www.google.com/search?q=${encodeURIComponent(`first query ${m}`)}`);
    await page.waitForTimeout(3000);
    await page.evaluate((q) => window.searchInPage(q), `second query ${m}`);
    await page.waitForTimeout(1500);
    await page.evaluate((q) => window.searchInPage(q), `third query ${m}`);
    await page.waitForTimeout(1500);
    await page.evaluate((q) => window.searchInPage(q), `third query ${m}`);
    await page.evaluate(() => {
      const u = new URL(location.href);
      u.searchParams.set('start', '10');
      history.replaceState(null, '', u.href);
    });
    await page.waitForTimeout(1500);
    await page.goBack();
    await page.waitForTimeout(1500);
    log('in-page searches done');
    await page.goto(`https://www.google.co.uk/search?q=${encodeURIComponent(`country query ${m}`)}`);
    await page.waitForTimeout(1500);
    await page.goto(`https://www.google.com/search?q=${encodeURIComponent(`ai mode question about insulation ${m}`)}&udm=50&aep=11`);
    await page.waitForTimeout(4000);
    log('AI Mode done');
    // A chatbot whose stream no longer parses, twice in a row.
    const chat = await context.newPage();
    await chat.goto('https://chatgpt.com/?broken=1');
    await chat.waitForTimeout(300);
    for (let i = 1; i <= 2; i += 1) {
      await chat.click('[data-testid="send-button"]');
      await chat.waitForFunction((n) => window.__answered >= n, i, { timeout: 15000 });
      await chat.waitForTimeout(4000); // past the page read (2.5 s) after the stream's end
    }
    log('broken chat done');
    result.state = await waitFor(async () => {
      const s = await popupState(worker);
      const pending = (await worker.evaluate(() => chrome.storage.local.get('healthPending'))).healthPending || [];
      return s.outbox.count === 0 && s.connection.state === 'connected' && pending.length === 0
        && Object.keys(s.health).length > 0 ? s : null;
    }, { timeout: config.timeoutMs || 30000, interval: 250 });
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup/popup.html`);
    await popup.waitForSelector('#unhealthy .health-site', { timeout: 10000 });
    result.popup = await popup.evaluate(() => ({
      hidden: document.getElementById('unhealthy').hidden,
      text: document.getElementById('unhealthy').innerText,
      sites: [...document.querySelectorAll('#unhealthy .health-site')].map((p) => ({ services: p.dataset.services,
        code: p.dataset.code, text: p.textContent })),
    }));
    result.storage = await worker.evaluate(() => chrome.storage.local.get(null));
    await chat.close();
    await page.close();
  } finally {
    await context.close();
  }
  return result;
}

const modes = { sites, screenshots, bench, capture };
try {
  if (!modes[config.mode]) throw new Error(`unknown mode ${config.mode}`);
  const result = await modes[config.mode]();
  console.log(JSON.stringify(result));
  process.exit(0);
} catch (e) {
  console.log(JSON.stringify({ fatal: String(e && e.stack) }));
  process.exit(1);
}
