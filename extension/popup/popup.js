// The toolbar popup: connection state, today's total from the host, pause
// controls and the sites whose adapter stopped matching.

import { localize } from '../lib/i18n-dom.js';
import { ADAPTERS } from '../lib/adapters/index.js';
import { ENGINES } from '../lib/search/search-engines.js';
import { HEALTH_CODES } from '../lib/capture/health.js';
import { inRange } from '../lib/figures.js';

const api = globalThis.browser || globalThis.chrome;
const t = (key, subs) => api.i18n.getMessage(key, subs);
const $ = (id) => document.getElementById(id);

function showConnection(state) {
  const c = state.connection || {};
  const waiting = state.outbox.count;
  $('connection-fix').hidden = c.state !== 'host-missing';
  if (c.state === 'connected') {
    $('connection-text').textContent = waiting > 0 ? t('popupWaiting', [String(waiting)]) : t('popupConnected');
  } else if (c.state === 'host-missing') {
    $('connection-text').textContent = `${t('popupHostMissing')} ${waiting > 0 ? t('popupWaiting', [String(waiting)]) : ''}`;
  } else if (c.state === 'error') {
    $('connection-text').textContent = `${t('popupHostError', [c.message || '?'])} ${t('popupWaiting', [String(waiting)])}`;
  } else {
    $('connection-text').textContent = waiting > 0 ? t('popupWaiting', [String(waiting)]) : t('popupUnknown');
  }
  $('dropped').hidden = !(state.outbox.dropped > 0);
  if (state.outbox.dropped > 0) $('dropped').textContent = t('popupDropped', [String(state.outbox.dropped)]);
}

function showPause(state) {
  const paused = Boolean(state.pausedUntil);
  $('paused-text').hidden = !paused;
  if (paused) {
    const when = new Date(state.pausedUntil).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    $('paused-text').textContent = state.pausedByApp && !state.settings.pausedUntil
      ? t('popupPausedByApp') : t('popupPausedUntil', [when]);
  }
  $('resume').hidden = !state.settings.pausedUntil;
  $('pause-hour').hidden = paused;
  $('pause-tomorrow').hidden = paused;
}

const LINE = 'p'; // the element of each line of the health warning
const labelOf = (service) => (ADAPTERS.find((a) => a.service === service) || ENGINES.find((e) => e.id === service)
  || { label: service }).label;

/**
 * Each site that stopped matching: its name, the symptom and since when.
 * Sites with the same symptom on the same day share a line (a browser that
 * never granted access names them all at once).
 */
function showHealth(state) {
  const sick = Object.entries(state.health || {}).filter(([, h]) => h && h.ok === false);
  const box = $('unhealthy');
  box.hidden = sick.length === 0;
  box.replaceChildren();
  if (!sick.length) return;
  const head = document.createElement(LINE);
  head.textContent = t('popupUnhealthy', [sick.map(([service]) => labelOf(service)).join(', ')]);
  box.append(head);
  const groups = new Map();
  for (const [service, h] of sick) {
    const date = h.since ? new Date(h.since).toLocaleDateString() : '?';
    const key = `${h.detail}\n${date}`;
    if (!groups.has(key)) groups.set(key, { code: h.detail, date, services: [] });
    groups.get(key).services.push(service);
  }
  for (const g of groups.values()) {
    const line = document.createElement(LINE);
    line.className = 'health-site';
    line.dataset.services = g.services.join(',');
    line.dataset.code = g.code || '';
    const symptom = (HEALTH_CODES.includes(g.code) && t(`health_${g.code}`)) || '?';
    line.textContent = t('popupUnhealthySite', [g.services.map(labelOf).join(', '), symptom, g.date]);
    box.append(line);
  }
}

function showLastAnswer(state) {
  const last = state.lastAnswer;
  const e = last && last.energy_wh;
  $('last').hidden = !e;
  if (!e) return;
  const service = (ADAPTERS.find((a) => a.service === last.service) || { label: last.service }).label;
  $('last-estimate').textContent = t('popupLastEstimate', [service, ...inRange(e.central, e.low, e.high)]);
  $('last-equivalent').textContent = last.equivalent ? t('popupEquivalent', [last.equivalent]) : '';
}

function showState(state) {
  if (!state) return;
  showConnection(state);
  showLastAnswer(state);
  showPause(state);
  showHealth(state);
}

async function showSummary() {
  const s = await api.runtime.sendMessage({ type: 'summary', period: 'day' });
  if (!s || s.type !== 'summary') {
    $('today-count').textContent = t('popupNoSummary');
    return;
  }
  // An empty day has no footprint to give a range of: it says so instead of "0 Wh (range 0–0)".
  if (!(s.count > 0)) {
    $('today-count').textContent = t('popupNothingToday');
    $('today-energy').textContent = '';
    $('today-equivalent').textContent = '';
    return;
  }
  $('today-count').textContent = t('popupQueries', [String(s.count)]);
  const e = s.energy_wh || {};
  $('today-energy').textContent = t('popupEnergy', inRange(e.central, e.low, e.high));
  $('today-equivalent').textContent = s.equivalent && s.equivalent.label ? t('popupEquivalent', [s.equivalent.label]) : '';
}

async function main() {
  localize(document, t);
  $('pause-hour').addEventListener('click', async () => showState(await api.runtime.sendMessage({ type: 'pause', kind: 'hour' })));
  $('pause-tomorrow').addEventListener('click', async () => showState(await api.runtime.sendMessage({ type: 'pause', kind: 'tomorrow' })));
  $('resume').addEventListener('click', async () => showState(await api.runtime.sendMessage({ type: 'resume' })));
  $('options').addEventListener('click', (ev) => {
    ev.preventDefault();
    api.runtime.openOptionsPage();
  });
  showState(await api.runtime.sendMessage({ type: 'popup-state' }));
  const state = await api.runtime.sendMessage({ type: 'refresh-settings' });
  showState(state);
  if (state && state.connection && state.connection.state === 'connected') await showSummary();
  else $('today-count').textContent = t('popupNoSummary');
}

main();
