// Typed access to extension storage. The worker keeps no state in memory
// that it would miss after being stopped: everything lives here.

import { withDefaults } from '../lib/settings.js';
import { noteOutcome, verdict } from '../lib/capture/health.js';

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

let healthChain = Promise.resolve();

/**
 * Notes one capture outcome of a site (see lib/capture/health.js): `code` is a miss
 * or null for a good capture of `group`. Resolves true when the site's state
 * changed (then it waits in `healthPending` for the host). One at a time:
 * two outcomes at once must not both read the old runs.
 */
export function noteHealth(service, group, code, { weight = 1 } = {}) {
  const run = healthChain.then(async () => {
    const got = await local.get(['health', 'healthRuns']);
    const health = got.health || {};
    const allRuns = got.healthRuns || {};
    const now = new Date().toISOString();
    const runs = noteOutcome(allRuns[service], group, code, { now, weight });
    if (Object.keys(runs).length) allRuns[service] = runs;
    else delete allRuns[service];
    const next = verdict(runs);
    const prev = health[service];
    const changed = prev ? prev.ok !== next.ok || (!next.ok && prev.detail !== next.detail) : !next.ok;
    if (!changed) {
      await local.set({ healthRuns: allRuns });
      return false;
    }
    health[service] = { ok: next.ok, since: next.since || now, detail: next.detail };
    const pendingList = await getOne('healthPending', []);
    await local.set({ health, healthRuns: allRuns, healthPending: [...new Set([...pendingList, service])] });
    return true;
  });
  healthChain = run.catch(() => {});
  return run;
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
