// "Off" means off (issue 15, finding 15): a site switched off, in the
// extension or in the desktop app, has no content script registered.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentScripts, syncContentScripts, injectIntoOpenTabs } from '../../lib/content-scripts.js';
import { ADAPTERS } from '../../lib/adapters/index.js';
import { ENGINES } from '../../lib/search/search-engines.js';

/** A stand-in for chrome.scripting's registry, which refuses a duplicate id as Chromium does. */
function fakeScripting() {
  const registered = new Map();
  return {
    registered,
    async getRegisteredContentScripts() {
      return [...registered.values()].map((s) => structuredClone(s));
    },
    async registerContentScripts(list) {
      for (const s of list) if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of list) registered.set(s.id, structuredClone(s));
    },
    async unregisterContentScripts({ ids }) {
      for (const id of ids) registered.delete(id);
    },
    async updateContentScripts(list) {
      for (const s of list) if (!registered.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
      for (const s of list) registered.set(s.id, { ...registered.get(s.id), ...structuredClone(s) });
    },
  };
}

const matchesOf = (scripts, id) => (scripts.find((s) => s.id === id) || { matches: [] }).matches;

test('every site is covered while all are on', () => {
  const scripts = contentScripts({}, null);
  assert.deepEqual(scripts.map((s) => s.id), ['page-hook', 'chat', 'search']);
  for (const a of ADAPTERS) for (const p of a.matches) assert.ok(matchesOf(scripts, 'page-hook').includes(p), p);
  for (const e of ENGINES) for (const p of e.matches) assert.ok(matchesOf(scripts, 'search').includes(p), p);
});

test('a site switched off here or in the app gets neither the hook nor the chat script', () => {
  const claude = ADAPTERS.find((a) => a.service === 'claude');
  const scripts = contentScripts({ disabledSites: ['claude'] }, { excluded_sites: ['google'] });
  for (const p of claude.matches) {
    assert.ok(!matchesOf(scripts, 'page-hook').includes(p));
    assert.ok(!matchesOf(scripts, 'chat').includes(p));
  }
  assert.ok(!matchesOf(scripts, 'search').includes('https://www.google.com/search*'));
  assert.ok(matchesOf(scripts, 'page-hook').includes('https://chatgpt.com/*'));
});

test('with every site off nothing is registered', () => {
  const all = [...ADAPTERS.map((a) => a.service), ...ENGINES.map((e) => e.id)];
  assert.deepEqual(contentScripts({ disabledSites: all }, null), []);
});

test('sync registers, re-registers on a change, and unregisters what is no longer wanted', async () => {
  const scripting = fakeScripting();
  await syncContentScripts(scripting, contentScripts({}, null));
  assert.equal(scripting.registered.size, 3);
  assert.deepEqual(await syncContentScripts(scripting, contentScripts({}, null)),
    { registered: [], unregistered: [], updated: [] });
  const off = contentScripts({ disabledSites: ['chatgpt'] }, null);
  // A change is made in place: the other sites are never without their scripts.
  const gaps = [];
  const unregister = scripting.unregisterContentScripts;
  scripting.unregisterContentScripts = async (a) => {
    gaps.push(...a.ids);
    return unregister(a);
  };
  const changed = await syncContentScripts(scripting, off);
  assert.deepEqual(changed.updated.sort(), ['chat', 'page-hook']);
  assert.deepEqual(gaps, []);
  assert.ok(!scripting.registered.get('page-hook').matches.includes('https://chatgpt.com/*'));
  assert.ok(scripting.registered.get('page-hook').matches.includes('https://claude.ai/*'));
  await syncContentScripts(scripting, []);
  assert.equal(scripting.registered.size, 0);
});

test('a browser without updateContentScripts registers a changed script anew', async () => {
  const scripting = fakeScripting();
  delete scripting.updateContentScripts;
  await syncContentScripts(scripting, contentScripts({}, null));
  const changed = await syncContentScripts(scripting, contentScripts({ disabledSites: ['chatgpt'] }, null));
  assert.deepEqual(changed.unregistered.sort(), ['chat', 'page-hook']);
  assert.deepEqual(changed.registered.sort(), ['chat', 'page-hook']);
  assert.ok(!scripting.registered.get('chat').matches.includes('https://chatgpt.com/*'));
});

test('tabs open at install get the isolated scripts, never the MAIN-world hook', async () => {
  const injected = [];
  const tabs = { query: async ({ url }) => (url.includes('https://chatgpt.com/*') ? [{ id: 1 }] : [{ id: 2 }]) };
  const scripting = { executeScript: async ({ target, files }) => injected.push([target.tabId, ...files]) };
  await injectIntoOpenTabs(tabs, scripting, contentScripts({}, null));
  assert.deepEqual(injected, [[1, 'content/chat.js'], [2, 'content/search.js']]);
});
