// Typed access to extension storage. The worker keeps no state in memory
// that it would miss after being stopped: everything lives here.

import { withDefaults } from '../lib/settings.js';

export const api = globalThis.browser || globalThis.chrome;
export const local = api.storage.local;

export async function getOne(key, fallback) {
  const got = await local.get(key);
  return got[key] === undefined ? fallback : got[key];
}

export const setOne = (key, value) => local.set({ [key]: value });

export const getSettings = async () => withDefaults(await getOne('settings', {}));
export const setSettings = async (patch) => setOne('settings', { ...(await getSettings()), ...patch });

/** Desktop-app settings from the host's hello/settings reply, or null. */
export const getHostSettings = () => getOne('hostSettings', null);

/** {state: 'unknown'|'connected'|'host-missing'|'error', message, since, lastOk, appVersion, modelVersion} */
export const getConnection = () => getOne('connection', { state: 'unknown' });
export async function setConnection(patch) {
  const prev = await getConnection();
  const next = { ...prev, ...patch };
  if (patch.state && patch.state !== prev.state) next.since = new Date().toISOString();
  await setOne('connection', next);
  return next;
}

/** {service: {ok, since, detail}}; `healthPending` lists services to report to the host. */
export const getHealth = () => getOne('health', {});
export async function setHealth(service, ok, detail) {
  const health = await getHealth();
  const prev = health[service];
  if (prev && prev.ok === ok) return false;
  health[service] = { ok, since: new Date().toISOString(), detail: String(detail || '').slice(0, 200) };
  const pendingList = await getOne('healthPending', []);
  await local.set({ health, healthPending: [...new Set([...pendingList, service])] });
  return true;
}

let saltPromise = null;

/**
 * A random per-install key for hashing search queries before they are stored.
 * One promise per worker: two first searches at once must not each make a
 * salt (the loser's hash would never match again, counting its query twice).
 */
export function querySalt() {
  if (!saltPromise) {
    saltPromise = (async () => {
      let salt = await getOne('querySalt', null);
      if (!salt) {
        salt = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
        await setOne('querySalt', salt);
      }
      return salt;
    })();
    saltPromise.catch(() => {
      saltPromise = null;
    });
  }
  return saltPromise;
}
