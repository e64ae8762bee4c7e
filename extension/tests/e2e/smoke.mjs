// Smoke test in a real headless Chromium with dist/chromium loaded: a prompt
// on the imitation ChatGPT page puts exactly one Interaction in the outbox
// with the fixture's counts, and a Google search (with reload and page 2)
// counts one search plus one AI-overview interaction. No text leaves the
// page: the marker never appears in extension storage.
// Usage: npm run smoke [-- --user-data-dir DIR]

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startFixtureServer, MARKER } from './fixture-server.mjs';
import { launchWithExtension, outboxItems, readStorage, waitFor, EXTENSION_DIR } from './harness.mjs';
import { countScripts } from '../../lib/capture/scripts.js';

const argDir = process.argv.indexOf('--user-data-dir');
const userDataDir = argDir > 0 ? process.argv[argDir + 1] : undefined;
const expected = JSON.parse(readFileSync(new URL('../fixtures/chatgpt/expected.json', import.meta.url), 'utf8'));

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok - ${name}`);
  } catch (e) {
    results.push([name, false]);
    console.log(`not ok - ${name}\n  ${String(e && e.stack).split('\n').slice(0, 4).join('\n  ')}`);
  }
}

const server = await startFixtureServer();
const { context, worker } = await launchWithExtension({ hostResolverRules: server.hostResolverRules, userDataDir });
try {
  console.log(`extension ${EXTENSION_DIR} loaded as ${worker.url()}`);
  const page = await context.newPage();

  await check('one ChatGPT prompt gives one outbox item with the fixture counts', async () => {
    await page.goto('https://chatgpt.com/');
    await page.waitForTimeout(300);
    await page.click('[data-testid="send-button"]');
    await page.waitForSelector('#fixture-log:has-text("answered")');
    const items = await waitFor(async () => {
      const list = await outboxItems(worker);
      return list.length >= 1 ? list : null;
    });
    await page.waitForTimeout(8000); // past the DOM fallback's grace period: still one
    const after = await outboxItems(worker);
    assert.equal(after.length, 1, JSON.stringify(after));
    const item = items[0];
    assert.equal(item.kind, 'chat');
    assert.equal(item.service, 'chatgpt');
    assert.equal(item.model, expected.model);
    assert.deepEqual(item.modes, expected.modes);
    assert.deepEqual(item.prompt, countScripts(`${expected.prompt_text} ${MARKER}`));
    assert.deepEqual(item.response, countScripts(expected.response_text));
    assert.deepEqual(item.context, countScripts('Earlier question about solar panelsSolar panels turn light into electricity.'));
    assert.equal(item.page, 'https://chatgpt.com');
    assert.equal(item.browser, 'chromium');
    assert.match(item.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  await check('reopening the conversation counts nothing', async () => {
    await page.reload();
    await page.waitForTimeout(3000);
    assert.equal((await outboxItems(worker)).length, 1);
  });

  await check('a Google query counts once across reload and page 2, plus its AI overview', async () => {
    await page.goto('https://www.google.com/search?q=heat+pump+efficiency');
    await page.waitForTimeout(2500);
    await page.reload();
    await page.goto('https://www.google.com/search?q=heat+pump+efficiency&start=10');
    await page.waitForTimeout(2500);
    const items = (await outboxItems(worker)).filter((i) => i.service === 'google');
    assert.deepEqual(items.map((i) => i.kind).sort(), ['chat', 'search']);
    const search = items.find((i) => i.kind === 'search');
    assert.deepEqual(search.prompt, countScripts('heat pump efficiency'));
    const ai = items.find((i) => i.kind === 'chat');
    assert.deepEqual(ai.modes, ['ai_overview']);
    assert.ok((ai.response.latin || 0) > 20);
  });

  await check('no prompt, answer or query text is stored', async () => {
    const dump = JSON.stringify(await readStorage(worker));
    assert.ok(!dump.includes(MARKER));
    assert.ok(!dump.includes('heat pump'));
    assert.ok(!dump.includes('kilowatt'));
  });

  await check('the connection state matches whether a host is installed', async () => {
    const expectHost = Boolean(process.env.WATTPRINT_EXPECT_HOST);
    const state = await worker.evaluate(() => globalThis.wattprint.popupState());
    assert.equal(state.connection.state, expectHost ? 'connected' : 'host-missing', JSON.stringify(state.connection));
    assert.equal(state.outbox.count, expectHost ? 0 : 3);
  });

  await check('every adapter\'s DOM selectors match its saved page snapshot', async () => {
    const { ADAPTERS } = await import('../../lib/adapters/index.js');
    const snap = await context.newPage();
    for (const a of ADAPTERS) {
      const dir = new URL(`../fixtures/${a.service}/`, import.meta.url);
      const exp = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')).dom;
      await snap.setContent(readFileSync(new URL('page.html', dir), 'utf8'));
      const got = await snap.evaluate((dom) => {
        const top = (sel) => {
          const nodes = [...document.querySelectorAll(sel)];
          const set = new Set(nodes);
          return nodes.filter((n) => { for (let p = n.parentElement; p; p = p.parentElement) if (set.has(p)) return false; return true; }).length;
        };
        return { user: top(dom.user), assistant: top(dom.assistant), input: document.querySelectorAll(dom.input).length > 0,
          send: document.querySelectorAll(dom.send).length > 0 };
      }, a.dom);
      assert.deepEqual(got, { ...exp, input: true, send: true }, a.service);
    }
    await snap.close();
  });
} finally {
  await context.close();
  await server.close();
}
const failed = results.filter(([, ok]) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
