// The content scripts Wattprint registers, per the user's settings (issue 15,
// finding 15). They are registered at run time (scripting.registerContentScripts)
// rather than declared in the manifest, so a site the user switched off, here
// or in the desktop app, gets no script at all: no hook in its pages, nothing
// it could detect. The worker registers them again whenever the settings change.

import { ADAPTERS } from './adapters/index.js';
import { ENGINES } from './search/search-engines.js';
import { withDefaults } from './settings.js';

/** The services switched off in the extension or in the desktop app. */
export function switchedOff(settings, hostSettings) {
  return new Set([...withDefaults(settings).disabledSites, ...((hostSettings && hostSettings.excluded_sites) || [])]);
}

/**
 * The registrations for these settings: the MAIN-world hook and the isolated
 * chat script on every chat site that is on, the search script on every
 * search engine that is on. A kind with no site on is left out.
 * @returns {object[]} RegisteredContentScript objects
 */
export function contentScripts(settings, hostSettings) {
  const off = switchedOff(settings, hostSettings);
  const chat = [...new Set(ADAPTERS.filter((a) => !off.has(a.service)).flatMap((a) => a.matches))];
  const search = [...new Set(ENGINES.filter((e) => !off.has(e.id)).flatMap((e) => e.matches))];
  const scripts = [];
  const common = { runAt: 'document_start', allFrames: false, persistAcrossSessions: true };
  if (chat.length) {
    scripts.push({ id: 'page-hook', matches: chat, js: ['content/page-hook.js'], world: 'MAIN', ...common });
    scripts.push({ id: 'chat', matches: chat, js: ['content/chat.js'], world: 'ISOLATED', ...common });
  }
  if (search.length) scripts.push({ id: 'search', matches: search, js: ['content/search.js'], world: 'ISOLATED', ...common });
  return scripts;
}

const same = (a, b) => JSON.stringify([...a.matches].sort()) === JSON.stringify([...b.matches].sort())
  && JSON.stringify(a.js) === JSON.stringify(b.js) && (a.world || 'ISOLATED') === (b.world || 'ISOLATED');

/**
 * Brings the registered scripts in line with `wanted`: updates in place what
 * changed (no moment without a script on the sites that stay on, as there
 * would be between an unregister and a register), unregisters what is no
 * longer wanted and registers what is missing.
 * @param {{getRegisteredContentScripts, registerContentScripts, unregisterContentScripts, updateContentScripts}} scripting
 */
export async function syncContentScripts(scripting, wanted) {
  const have = await scripting.getRegisteredContentScripts();
  const byId = new Map(wanted.map((s) => [s.id, s]));
  const gone = have.filter((h) => !byId.has(h.id)).map((h) => h.id);
  let changed = have.filter((h) => byId.has(h.id) && !same(h, byId.get(h.id))).map((h) => h.id);
  let stale = gone;
  if (changed.length && typeof scripting.updateContentScripts === 'function') {
    await scripting.updateContentScripts(changed.map((id) => byId.get(id)));
  } else {
    stale = [...gone, ...changed]; // no update in this browser: register them anew
    changed = [];
  }
  if (stale.length) await scripting.unregisterContentScripts({ ids: stale });
  const kept = new Set(have.map((h) => h.id).filter((id) => !stale.includes(id)));
  const missing = wanted.filter((s) => !kept.has(s.id));
  if (missing.length) await scripting.registerContentScripts(missing);
  return { registered: missing.map((s) => s.id), unregistered: stale, updated: changed };
}

/**
 * Runs the isolated scripts in the supported tabs already open when the
 * extension is installed (a registration reaches only pages loaded after
 * it; Firefox did this for manifest scripts). Not the MAIN-world hook: in a
 * page that already runs, its wrappers would come too late to be reliable,
 * and a marker against a second copy would be visible to the page. The
 * isolated scripts guard against a second copy themselves.
 * @param {{query: Function}} tabs
 * @param {{executeScript: Function}} scripting
 */
export async function injectIntoOpenTabs(tabs, scripting, wanted) {
  for (const script of wanted.filter((s) => s.world !== 'MAIN')) {
    const open = await tabs.query({ url: script.matches });
    for (const tab of open) {
      await Promise.resolve(scripting.executeScript({ target: { tabId: tab.id }, files: script.js })).catch(() => {});
    }
  }
}
