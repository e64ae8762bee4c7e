// Options: per-site on/off, private windows and the in-page badge (both off
// by default), and the plain list of what is and is not collected.

import { localize } from '../lib/i18n-dom.js';
import { ADAPTERS } from '../lib/adapters/index.js';
import { ENGINES } from '../lib/search/search-engines.js';
import { withDefaults } from '../lib/settings.js';

const api = globalThis.browser || globalThis.chrome;
const t = (key, subs) => api.i18n.getMessage(key, subs);

async function load() {
  return withDefaults((await api.storage.local.get('settings')).settings);
}

async function save(patch) {
  const next = { ...(await load()), ...patch };
  await api.storage.local.set({ settings: next });
  const saved = document.getElementById('saved');
  saved.hidden = false;
  setTimeout(() => {
    saved.hidden = true;
  }, 1200);
}

function siteBox(container, id, label, settings) {
  const row = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = !settings.disabledSites.includes(id);
  box.addEventListener('change', async () => {
    const s = await load();
    const off = new Set(s.disabledSites);
    if (box.checked) off.delete(id);
    else off.add(id);
    await save({ disabledSites: [...off].sort() });
  });
  row.append(box, ` ${label}`);
  container.append(row);
}

async function main() {
  localize(document, t);
  const settings = await load();
  for (const a of ADAPTERS) siteBox(document.getElementById('chat-sites'), a.service, a.label, settings);
  for (const e of ENGINES) siteBox(document.getElementById('search-sites'), e.id, e.label, settings);
  const priv = document.getElementById('private-windows');
  priv.checked = settings.privateWindows;
  priv.addEventListener('change', () => save({ privateWindows: priv.checked }));
  const badge = document.getElementById('badge');
  badge.checked = settings.badge;
  badge.addEventListener('change', () => save({ badge: badge.checked }));
}

main();
