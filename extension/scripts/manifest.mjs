// Writes the per-browser manifest from the one source manifest.json. Content
// script matches and host permissions come from the adapters and the search
// engine table, so the manifest cannot drift from the code.

import { ADAPTERS } from '../lib/adapters/index.js';
import { searchMatchPatterns } from '../lib/search/search-engines.js';

export const CHROMIUM_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs67dGG1aoGpVVB8S9B1iNz5/H+z+kYjvsLm1Bs2j5UqxQUp9SeDegjzr44WYr7hUuwbL7xsSf2fLq/DNAGAMuDNUDepCbEq5F2JCi67FCFoVFJhUjGy1IpcMKA6B4IVLlQuFx+pW6O4qcYPSdItSxzMVuEzecMP6LjhyZueXvjzJKJ+oJN29EFpyylEv5ztsAGFhjmpd+2hM5QtI5CWgAajshRW0v9FhjsWnKjWsloNyvLrYRZTjFvNYW/0WnhxU7yZ/daEzHAsULF2KlxbsK+9gBUMsZSMbDXqPCf9Ws6C+vKFKCXVxQlyWNCFFYNNR4k9Rn/l5PnpzFhTDlSa09QIDAQAB';
export const GECKO_ID = 'wattprint@wattprint.org';
export const GECKO_MIN_VERSION = '140.0';
export const BROWSERS = ['chromium', 'firefox'];

export function chatMatches() {
  return [...new Set(ADAPTERS.flatMap((a) => a.matches))];
}

/**
 * @param {object} source the parsed manifest.json
 * @param {'chromium'|'firefox'} browser
 */
export function buildManifest(source, browser) {
  if (!BROWSERS.includes(browser)) throw new Error(`unknown browser ${browser}`);
  const chat = chatMatches();
  const search = searchMatchPatterns();
  const m = structuredClone(source);
  m.host_permissions = [...chat, ...search];
  // No content_scripts: the worker registers them for the sites that are on
  // (lib/content-scripts.js), so a site switched off gets none.
  delete m.content_scripts;
  if (browser === 'chromium') {
    m.key = CHROMIUM_KEY;
    m.minimum_chrome_version = '111';
    m.background = { service_worker: 'background/service-worker.js', type: 'module' };
  } else {
    m.background = { scripts: ['background/service-worker.js'], type: 'module' };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      // data_collection_permissions needs Firefox for Android 142.
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return m;
}
