// Site access the user can withdraw. Firefox lets the user take back an
// extension's host permissions site by site (about:addons, or the toolbar's
// menu); Chromium's "site access" setting does the same. A site whose access
// was withdrawn captures nothing, so it is named as unhealthy at once
// (access_withdrawn) rather than after two misses: no capture will ever
// count a miss there. Giving the access back clears it.

import { ADAPTERS } from '../lib/adapters/index.js';
import { ENGINES } from '../lib/search/search-engines.js';
import { UNHEALTHY_AFTER } from '../lib/capture/health.js';
import { noteHealth } from './store.js';

/** [service, match patterns]: a chatbot's pages, a search engine's main result pages. */
const SITES = [
  ...ADAPTERS.map((a) => [a.service, a.matches]),
  ...ENGINES.map((e) => [e.id, e.matches.slice(0, 1)]),
];

const hostOf = (pattern) => {
  const m = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern);
  return m ? m[1] : '';
};

/** Services whose match patterns share a host with one of `origins`. */
export function servicesOf(origins) {
  const hosts = new Set((origins || []).map(hostOf));
  return SITES.filter(([, matches]) => matches.some((p) => hosts.has(hostOf(p)))).map(([service]) => service);
}

export function createAccess({ permissions, onChange }) {
  const note = async (services, withdrawn) => {
    let changed = false;
    for (const service of services) {
      const code = withdrawn ? 'access_withdrawn' : null;
      if (await noteHealth(service, 'access', code, { weight: UNHEALTHY_AFTER })) changed = true;
    }
    if (changed) onChange();
  };
  return {
    removed: (p) => note(servicesOf(p && p.origins), true),
    added: (p) => note(servicesOf(p && p.origins), false),
    /** Checks every site once (at start-up): access may have changed while the worker slept. */
    async checkAll() {
      const withdrawn = [];
      const granted = [];
      for (const [service, matches] of SITES) {
        let has = true;
        try {
          has = await permissions.contains({ origins: matches });
        } catch {
          // a pattern this browser does not know: no judgement
        }
        (has ? granted : withdrawn).push(service);
      }
      await note(withdrawn, true);
      await note(granted, false);
    },
  };
}
