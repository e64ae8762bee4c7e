// The background service worker (a module; an event page with
// background.scripts in Firefox). Listeners are registered synchronously at
// the top level so a stopped worker wakes up for them.

import { api, local, getOne, getSettings, setSettings, getConnection, getHealth, getHostSettings } from './store.js';
import { createOutbox } from '../lib/delivery/outbox.js';
import { createQueryLog } from '../lib/search/query-log.js';
import { detectBrowser } from '../lib/browser-name.js';
import { pauseEnd, effectivePause } from '../lib/settings.js';
import { createNativeClient } from './native-client.js';
import { createDelivery, RETRY_ALARM } from './delivery.js';
import { createReports } from './reports.js';
import { createBadge } from './badge.js';
import { createAccess } from './access.js';
import { contentScripts, syncContentScripts, injectIntoOpenTabs } from '../lib/content-scripts.js';

const outbox = createOutbox(local);
const queryLog = createQueryLog(local);

let browserNameCache = null;
async function browserName() {
  if (!browserNameCache) {
    const stored = (await local.get('browserName')).browserName;
    browserNameCache = stored || (await detectBrowser(api.runtime, globalThis.navigator));
    if (!stored) await local.set({ browserName: browserNameCache });
  }
  return browserNameCache;
}

const client = createNativeClient({
  runtime: api.runtime,
  extensionVersion: api.runtime.getManifest().version,
  browserName,
});
const delivery = createDelivery({ client, outbox });
const badge = createBadge({ action: api.action, ask: (kind, period) => delivery.ask(kind, period) });
// Delivers what waits, then shows today's count on the toolbar button.
const deliver = (options) => delivery.flush(options).then(() => badge.update()).catch(() => {});
const reports = createReports({ outbox, queryLog, browserName, onQueued: () => deliver() });

async function popupState() {
  const settings = await getSettings();
  const hostSettings = await getHostSettings();
  return {
    connection: await getConnection(),
    outbox: { ...(await outbox.stats()), rejected: await getOne('rejectedCount', 0) },
    health: await getHealth(),
    settings,
    pausedUntil: effectivePause(settings, hostSettings),
    pausedByApp: Boolean(hostSettings && effectivePause({}, hostSettings)),
    lastAnswer: await getOne('lastAnswer', null),
  };
}

async function handlePopup(msg) {
  switch (msg.type) {
    case 'popup-state':
      // Try the host now, but do not keep the popup waiting for long.
      await Promise.race([delivery.flush({ force: true }), new Promise((r) => setTimeout(r, 1500))]);
      return popupState();
    case 'summary':
      return delivery.ask('summary', msg.period === 'week' ? 'week' : 'day');
    case 'refresh-settings':
      await delivery.ask('settings');
      return popupState();
    case 'pause':
      await setSettings({ pausedUntil: pauseEnd(msg.kind === 'tomorrow' ? 'tomorrow' : 'hour') });
      return popupState();
    case 'resume':
      await setSettings({ pausedUntil: null });
      return popupState();
    default:
      return null;
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || typeof msg.type !== 'string' || sender.id !== api.runtime.id) return false;
  // Content scripts run in web pages; the popup and options pages are the
  // extension's own, even when opened in a tab (then `sender.tab` is set too).
  const own = typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
  const fromPage = Boolean(sender.tab) && !own;
  const work = fromPage ? reports.handle(msg, sender) : handlePopup(msg);
  work.then(sendResponse, (e) => sendResponse({ error: String(e && e.message) }));
  return true;
});

// Site access the user withdrew (or gave back) is a health change for that site.
const access = api.permissions ? createAccess({ permissions: api.permissions, onChange: () => deliver() }) : null;
if (access && api.permissions.onRemoved) {
  api.permissions.onRemoved.addListener((p) => access.removed(p));
  api.permissions.onAdded.addListener((p) => access.added(p));
}

// Content scripts only on the sites that are on (issue 15, finding 15); one
// sync at a time, again after every change of either side's settings.
let syncing = Promise.resolve();
function registerScripts() {
  syncing = syncing.then(async () => {
    try {
      await syncContentScripts(api.scripting, contentScripts(await getSettings(), await getHostSettings()));
    } catch (e) {
      console.error('wattprint: content scripts not registered:', e);
    }
  });
  return syncing;
}
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (changes.settings || changes.hostSettings)) registerScripts();
});
registerScripts();

api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) deliver({ force: true });
});
const startUp = async () => {
  if (access) await access.checkAll().catch(() => {});
  return deliver({ force: true });
};
api.runtime.onStartup.addListener(startUp);
api.runtime.onInstalled.addListener((details) => {
  startUp();
  if (details && details.reason === 'install') {
    registerScripts().then(async () => injectIntoOpenTabs(api.tabs, api.scripting,
      contentScripts(await getSettings(), await getHostSettings()))).catch(() => {});
  }
});

// Exposed for tests driving the worker (e2e harness reads the outbox here).
globalThis.wattprint = { outbox, popupState, badge, scriptsReady: () => registerScripts() };
