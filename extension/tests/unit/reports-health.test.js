// The service worker's side of capture health: health reports respect the
// private-window, pause and site-off checks like interactions do; misses
// carried by interactions count, a good capture clears; closed codes only;
// withdrawn site access is named at once.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

const store = {};
const fakeLocal = {
  async get(keys) {
    const list = keys === null ? Object.keys(store) : Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(list.filter((k) => k in store).map((k) => [k, structuredClone(store[k])]));
  },
  async set(obj) {
    Object.assign(store, structuredClone(obj));
  },
};
globalThis.chrome = { storage: { local: fakeLocal }, runtime: { id: 'x' } };

const { createReports } = await import('../../background/reports.js');
const { createAccess, servicesOf } = await import('../../background/access.js');

const CLAUDE = { url: 'https://claude.ai/chat/1', tab: { id: 1, incognito: false } };
const PRIVATE = { url: 'https://claude.ai/chat/1', tab: { id: 1, incognito: true } };

function reports() {
  const queued = [];
  const r = createReports({
    outbox: { add: async (entries) => ({ added: queued.push(...entries) && entries.length }) },
    queryLog: { note: async () => true },
    browserName: async () => 'chromium',
    onQueued: () => {},
  });
  return { r, queued };
}

const turn = (extra) => ({ type: 'interaction', report: { service: 'claude', prompt: { latin: 3 }, response: { latin: 9 },
  submitted_at: Date.now(), source: 'traffic', ...extra } });
const pageMiss = (code = 'no_submit', group = 'traffic') => ({ type: 'health', service: 'claude', group, code });

beforeEach(() => {
  for (const k of Object.keys(store)) delete store[k];
});

test('two misses in a row name the site; the next good capture clears it', async () => {
  const { r, queued } = reports();
  await r.handle(turn({ source: 'page', miss: 'unparsed' }), CLAUDE);
  assert.equal(store.health, undefined, 'one miss is no warning yet');
  await r.handle(turn({ source: 'page', miss: 'unparsed' }), CLAUDE);
  assert.equal(store.health.claude.ok, false);
  assert.equal(store.health.claude.detail, 'unparsed');
  assert.match(store.health.claude.since, /^\d{4}-\d\d-\d\dT/);
  assert.deepEqual(store.healthPending, ['claude']);
  assert.deepEqual(queued.map((e) => e.item.source), ['page', 'page'], 'both turns are still recorded, from the page');
  await r.handle(turn({}), CLAUDE);
  assert.equal(store.health.claude.ok, true);
});

test('health reports are refused in a private window, while paused and for a site switched off', async () => {
  const { r } = reports();
  assert.deepEqual(await r.handle(pageMiss(), PRIVATE), { changed: false });
  store.settings = { pausedUntil: new Date(Date.now() + 3600000).toISOString() };
  assert.deepEqual(await r.handle(pageMiss(), CLAUDE), { changed: false });
  store.settings = { disabledSites: ['claude'] };
  assert.deepEqual(await r.handle(pageMiss(), CLAUDE), { changed: false });
  assert.equal(store.health, undefined, 'no timestamped trace of the visit');
  store.settings = {};
  assert.deepEqual(await r.handle(pageMiss(), CLAUDE), { changed: true });
});

test('interactions in a private window count no miss either', async () => {
  const { r } = reports();
  await r.handle(turn({ source: 'page', miss: 'unparsed' }), PRIVATE);
  await r.handle(turn({ source: 'page', miss: 'unparsed' }), PRIVATE);
  assert.equal(store.health, undefined);
  assert.equal(store.healthRuns, undefined);
});

test('only closed codes of the right part are taken', async () => {
  const { r } = reports();
  assert.deepEqual(await r.handle(pageMiss('no submit request matched for 3 prompts'), CLAUDE), { changed: false });
  assert.deepEqual(await r.handle(pageMiss('unparsed', 'traffic'), CLAUDE), { changed: false });
  assert.deepEqual(await r.handle(pageMiss('no_submit', 'answer'), CLAUDE), { changed: false });
  await r.handle(turn({ source: 'page', miss: '<b>free text</b>' }), CLAUDE);
  await r.handle(turn({ source: 'page', miss: '<b>free text</b>' }), CLAUDE);
  assert.equal(store.health, undefined);
});

test('withdrawn site access names the site at once; giving it back clears it', async () => {
  assert.deepEqual(servicesOf(['https://claude.ai/*']), ['claude']);
  assert.deepEqual(servicesOf(['https://www.google.de/*']), []); // only a search engine's main host is watched
  assert.deepEqual(servicesOf(['https://www.google.com/*']), ['google']);
  let granted = false;
  const access = createAccess({ permissions: { contains: async () => granted }, onChange: () => {} });
  await access.removed({ origins: ['https://claude.ai/*'] });
  assert.equal(store.health.claude.detail, 'access_withdrawn');
  await access.added({ origins: ['https://claude.ai/*'] });
  assert.equal(store.health.claude.ok, true);
  await access.checkAll();
  assert.equal(store.health.chatgpt.detail, 'access_withdrawn', 'checked at start-up too');
  granted = true;
  await access.checkAll();
  assert.equal(store.health.chatgpt.ok, true);
});
