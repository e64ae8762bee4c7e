// The extension's own settings and how they merge with the desktop app's
// (the host's `settings` reply). Pure functions over plain objects.

export const DEFAULT_SETTINGS = Object.freeze({
  pausedUntil: null, // ISO time or null
  disabledSites: [], // service ids switched off in the options page
  privateWindows: false, // count in private/incognito windows
  badge: false, // show the in-page estimate badge
});

export function withDefaults(settings) {
  return { ...DEFAULT_SETTINGS, ...(settings || {}) };
}

/** The end of a pause: "hour" = one hour from now, "tomorrow" = next local midnight. */
export function pauseEnd(kind, now = new Date()) {
  if (kind === 'hour') return new Date(now.getTime() + 3600 * 1000).toISOString();
  if (kind === 'tomorrow') {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 0, 0);
    return d.toISOString();
  }
  throw new Error(`unknown pause kind: ${kind}`);
}

/** The later of the two pause ends that is still in the future, or null. */
export function effectivePause(settings, hostSettings, now = Date.now()) {
  const ends = [settings && settings.pausedUntil, hostSettings && hostSettings.paused_until]
    .filter((t) => typeof t === 'string')
    .map((t) => Date.parse(t))
    .filter((t) => Number.isFinite(t) && t > now);
  return ends.length ? new Date(Math.max(...ends)).toISOString() : null;
}

/**
 * Whether an interaction may be recorded.
 * @returns {{ok: boolean, reason?: string}}
 */
export function captureAllowed({ settings, hostSettings, service, incognito, now = Date.now() }) {
  const s = withDefaults(settings);
  if (effectivePause(s, hostSettings, now)) return { ok: false, reason: 'paused' };
  const excluded = new Set([...s.disabledSites, ...((hostSettings && hostSettings.excluded_sites) || [])]);
  if (excluded.has(service)) return { ok: false, reason: 'site-off' };
  // Private windows are off unless the user turned them on, here or in the
  // desktop app (the host sends private_windows: false by default).
  if (incognito && !s.privateWindows && !(hostSettings && hostSettings.private_windows === true)) {
    return { ok: false, reason: 'private-window' };
  }
  return { ok: true };
}
