// A hostile page against the built extension in headless Chromium, for
// tests/e2e/test_chromium_attacker.py (issue 15, findings 11-15). The page's
// own scripts (page.evaluate runs in the page's MAIN world, as the site's
// scripts, an ad script or an XSS would) flood the conversation endpoint,
// try to learn and use the hook's channel, poison what the hook parses,
// fingerprint the wrappers and read the in-page badge. The user does exactly
// one thing: one click on ChatGPT's send button, and one on Claude's, which
// the user switched off. Usage: node attack.mjs '<json config>' with
// {rules, userDataDir}; prints one JSON result line last.

/* global CFG */ // the fixture page's own config (tests/e2e/fixture-server.mjs)

import { launchWithExtension, waitFor } from './harness.mjs';
import { ADAPTERS } from '../../lib/adapters/index.js';

const config = JSON.parse(process.argv[2] || '{}');
const T0 = Date.now();
const log = (...a) => console.error(`[attack ${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);

/** Names of the execution contexts (worlds) in a page: an extension's isolated world carries its name. */
async function worldsOf(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', (ev) => worlds.push(ev.context.name || ev.context.auxData?.type || ''));
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await page.waitForTimeout(500);
  return { page, worlds };
}

async function attack() {
  const { context, worker } = await launchWithExtension({ hostResolverRules: config.rules,
    userDataDir: config.userDataDir, ...(config.extensionDir ? { extensionDir: config.extensionDir } : {}) });
  const result = {};
  const tail = () => worker.evaluate(async () => ((await chrome.storage.local.get('outbox.meta'))['outbox.meta']
    || { tail: 0 }).tail);
  try {
    await worker.evaluate(async () => {
      await chrome.storage.local.set({ settings: { badge: true, disabledSites: ['claude'] } });
      await globalThis.wattprint.popupState(); // starts the host
      if (globalThis.wattprint.scriptsReady) await globalThis.wattprint.scriptsReady();
    });
    const { page, worlds } = await worldsOf(context, 'https://chatgpt.com/');
    result.chatgptWorlds = worlds;

    // 13. Fingerprinting, before anything else happens.
    result.fingerprint = await page.evaluate(() => {
      const stackOf = (fn) => {
        try {
          fn();
        } catch (e) {
          return String(e.stack);
        }
        return '';
      };
      let fromInput = '';
      try {
        fetch({ toString() { fromInput = new Error('probe').stack; return '/x'; } }).catch(() => {});
      } catch {
        // ignore
      }
      return {
        fetch: String(fetch),
        toString: Function.prototype.toString.toString(),
        toStringString: String(Function.prototype.toString),
        xhrSend: String(XMLHttpRequest.prototype.send),
        xhrOpen: String(XMLHttpRequest.prototype.open),
        webSocket: String(WebSocket),
        eventSource: String(EventSource),
        fetchLength: fetch.length,
        fetchName: fetch.name,
        fetchHasPrototype: 'prototype' in fetch,
        xhrSendLength: XMLHttpRequest.prototype.send.length,
        wsConstructor: WebSocket.prototype.constructor === WebSocket,
        esConstructor: EventSource.prototype.constructor === EventSource,
        stacks: [stackOf(() => Function.prototype.toString.call({})), fromInput],
      };
    });
    log('fingerprint', JSON.stringify(result.fingerprint.stacks));

    // 12. Learn the channel: sniff every event the hook could send, and ping it.
    // 11. Flood without any user action: aborted requests, real ones, and synthetic sends.
    const tailBefore = await tail();
    result.flood = await page.evaluate(async () => {
      const sniffed = [];
      const nativeDispatch = EventTarget.prototype.dispatchEvent;
      EventTarget.prototype.dispatchEvent = function dispatchEvent(ev) {
        if (ev && typeof ev.type === 'string' && ev.type.startsWith('wattprint')) sniffed.push(ev.type);
        return nativeDispatch.call(this, ev);
      };
      const NativeCustomEvent = window.CustomEvent;
      window.CustomEvent = function CustomEvent(type, init) {
        sniffed.push(String(type));
        return new NativeCustomEvent(type, init);
      };
      const hellos = [];
      document.addEventListener('wattprint:hello', (ev) => hellos.push(ev.detail));
      document.dispatchEvent(new NativeCustomEvent('wattprint:ping'));
      const url = '/backend-api/f/conversation';
      const started = performance.now();
      const aborted = [];
      for (let i = 0; i < 300; i += 1) {
        const c = new AbortController();
        c.abort();
        aborted.push(fetch(url, { method: 'POST', body: CFG.body, signal: c.signal }).catch(() => 'aborted'));
      }
      await Promise.all(aborted);
      const floodMs = performance.now() - started;
      const send = document.querySelector('[data-testid="send-button"]');
      const real = [];
      for (let i = 0; i < 30; i += 1) {
        send.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        document.querySelector('#prompt-textarea').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter',
          bubbles: true }));
        real.push(fetch(url, { method: 'POST', body: CFG.body }).then((r) => r.text()).catch(() => ''));
      }
      await Promise.all(real);
      await new Promise((r) => setTimeout(r, 1000));
      const channels = sniffed.filter((t) => /^wattprint:[0-9a-f-]{36}/.test(t));
      EventTarget.prototype.dispatchEvent = nativeDispatch;
      window.CustomEvent = NativeCustomEvent;
      return { floodMs, sniffed: [...new Set(sniffed)], channels, hellos };
    });
    await page.waitForTimeout(8000); // past the DOM fallback's grace period and the action window
    result.queuedByFlood = (await tail()) - tailBefore;
    log('flood queued', result.queuedByFlood);

    // 12. Poison what the hook parses: the user's one real prompt claims 3,000,000 characters.
    await page.evaluate(() => {
      const parse = JSON.parse;
      JSON.parse = function parseJson(text, reviver) {
        const v = parse(text, reviver);
        if (v && Array.isArray(v.messages) && v.messages[0] && v.messages[0].content) {
          v.messages[0].content.parts = ['x'.repeat(3000000)];
        }
        return v;
      };
    });
    await page.click('[data-testid="send-button"]'); // the user's one action on ChatGPT
    await page.waitForFunction(() => window.__answered >= 1, null, { timeout: 15000 });
    await waitFor(async () => (await tail()) > tailBefore + result.queuedByFlood
      && (await worker.evaluate(async () => (await globalThis.wattprint.outbox.stats()).count === 0)),
    { timeout: 20000 });
    await page.waitForTimeout(1500);
    // What the page shows of the conversation, as the content script measures it (lib/capture/dom-watch.js pageSize).
    const { dom } = ADAPTERS.find((a) => a.service === 'chatgpt');
    result.visibleChars = await page.evaluate((sel) => {
      const top = (s) => {
        const all = [...document.querySelectorAll(s)];
        return all.filter((n) => !all.some((p) => p !== n && p.contains(n)));
      };
      return [...top(sel.user), ...top(sel.assistant)].reduce((n, el) => n + el.textContent.length, 0);
    }, { user: dom.user, assistant: dom.assistant });

    // 14. The badge: shown for the answer, but nothing of it readable by the page.
    result.badge = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        byId: document.getElementById('wattprint-badge') !== null,
        textWithWh: all.filter((el) => /\d\s*m?Wh/.test(el.textContent || '')).map((el) => el.tagName),
        openRoots: all.filter((el) => el.shadowRoot).length,
        htmlChildren: [...document.documentElement.children].map((el) => el.tagName),
        inForm: [...document.querySelectorAll('form *')].filter((el) => el.tagName === 'DIV' && !el.id).length,
      };
    });

    // 15. Claude was switched off: no script of ours in its pages at all; the user clicks send there too.
    const claude = await worldsOf(context, 'https://claude.ai/');
    result.claudeWorlds = claude.worlds;
    result.claudeFetch = await claude.page.evaluate(() => String(fetch));
    const claudeSend = ADAPTERS.find((a) => a.service === 'claude').dom.send.split(',')[0].trim();
    await claude.page.click(claudeSend);
    await claude.page.waitForFunction(() => window.__answered >= 1, null, { timeout: 15000 });
    await claude.page.waitForTimeout(8000); // past the DOM fallback's grace period
    result.state = await worker.evaluate(() => globalThis.wattprint.popupState());
    await claude.page.close();
    await page.close();
  } finally {
    await context.close();
  }
  return result;
}

try {
  console.log(JSON.stringify(await attack()));
  process.exit(0);
} catch (e) {
  console.log(JSON.stringify({ fatal: String(e && e.stack) }));
  process.exit(1);
}
