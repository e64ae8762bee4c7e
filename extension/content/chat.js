// Isolated-world content script on chatbot pages. It pairs with the MAIN-world
// hook (content/page-hook.js), runs the DOM fallback, joins both into one
// report per prompt and sends the reports (numbers only) to the service worker.

import { adapterForPage } from '../lib/adapters/index.js';
import { createCoordinator } from '../lib/capture/capture-coordinator.js';
import { createDomWatch } from '../lib/capture/dom-watch.js';
import { cleanCounts } from '../lib/capture/interaction.js';
import { createActionGate, isSendGesture, isStopGesture } from '../lib/capture/user-actions.js';
import { boundByPage, withinLimits } from '../lib/capture/plausible.js';
import { showBadge } from './badge.js';

const api = globalThis.browser || globalThis.chrome;
const adapter = adapterForPage(location.hostname, location.pathname);
// One copy per page: the worker may also inject this script into a tab open at install.
if (adapter && !globalThis.wattprintChat) {
  globalThis.wattprintChat = true;
  startCapture(adapter);
}

function send(message) {
  try {
    const p = api.runtime.sendMessage(message);
    if (p && p.catch) p.catch(() => {});
  } catch {
    // the extension was reloaded; this page's script is orphaned
  }
}

function startCapture(adapter) {
  let dom = null;
  // Counts the page's traffic claims are bounded by what the page shows, once
  // per answer; a prompt the page itself showed is confirmed (issue 15, finding 12).
  const bound = (report) => {
    // A turn the traffic hook saw (also one whose answer was then read from the page after a miss) carries the
    // traffic's prompt counts: those are bounded by what the page shows.
    if (report.source !== 'traffic' && !report.miss) return { ...withinLimits(report).report, confirmed: true };
    return boundByPage(report, dom ? dom.pageSize() : { chars: 0, images: 0 });
  };
  const coordinator = createCoordinator({
    service: adapter.service,
    emit: (report) => send({ type: 'interaction', report: bound(report) }),
    health: (h) => send({ type: 'health', service: adapter.service, group: h.group, code: h.code }),
    // A missed stream's answer, read once from the page after the stream ended.
    readPage: () => (dom ? dom.lastAnswer() : {}),
    // The DOM fallback rests while the traffic hook owns the turn in flight.
    standby: (on) => dom && dom.rest(on),
  });

  // The coordinator's timers run only while it has a deadline pending, not
  // every second for the life of the tab.
  let ticking = null;
  const wake = () => {
    if (coordinator.needsTick === (ticking !== null)) return;
    if (ticking === null) {
      ticking = setInterval(() => {
        coordinator.tick(Date.now());
        wake();
      }, 1000);
    } else {
      clearInterval(ticking);
      ticking = null;
    }
  };

  const onHookMessage = (ev) => {
    let msg;
    try {
      msg = JSON.parse(ev.detail);
    } catch {
      return;
    }
    if (!msg || !Number.isInteger(msg.turn)) return;
    if (msg.kind === 'submit') {
      // One submit per user action: the page's own fetch calls, without one, are no queries.
      if (!gate.take(Date.now())) return;
      const prompt = cleanCounts(msg.prompt);
      const context = msg.context ? cleanCounts(msg.context) : (dom ? dom.contextFor(prompt) : {});
      coordinator.netSubmit({ turn: msg.turn, at: Date.now(), model: msg.model, modes: msg.modes, prompt, context });
      // The page usually shows the user message by now: finding it at once
      // lets the DOM fallback rest for the whole answer.
      if (dom && !coordinator.standingBy) dom.check();
    } else if (msg.kind === 'end') {
      coordinator.netEnd({ turn: msg.turn, at: Date.now(), response: cleanCounts(msg.response), images: msg.images,
        model: msg.model, modes: msg.modes,
        ...(typeof msg.parsed === 'boolean' ? { parsed: msg.parsed } : {}),
        ...(typeof msg.complete === 'boolean' ? { complete: msg.complete } : {}),
        stopped: msg.stopped === true, partial: msg.partial === true });
    }
    wake();
  };

  const gate = createActionGate();
  const onGesture = (ev) => {
    if (isStopGesture(ev)) coordinator.userStop(Date.now());
    else if (isSendGesture(ev)) gate.note(Date.now());
  };
  document.addEventListener('click', onGesture, true);
  document.addEventListener('keydown', onGesture, true);

  let paired = false;
  const onHello = (ev) => {
    if (paired || typeof ev.detail !== 'string' || !/^[0-9a-f-]{36}$/.test(ev.detail)) return;
    paired = true;
    document.removeEventListener('wattprint:hello', onHello);
    const channel = `wattprint:${ev.detail}`;
    document.addEventListener(channel, onHookMessage);
    document.dispatchEvent(new CustomEvent(`${channel}:ready`));
  };
  document.addEventListener('wattprint:hello', onHello);
  document.dispatchEvent(new CustomEvent('wattprint:ping'));

  const startDom = () => {
    dom = createDomWatch({
      adapter,
      doc: document,
      onIntent: (at) => {
        coordinator.intent(at);
        wake();
      },
      onUserTurn: (t) => {
        coordinator.domUserTurn(t);
        wake();
      },
      onAnswerDone: (a) => {
        coordinator.domAnswerDone(a);
        wake();
      },
    });
    dom.rest(coordinator.standingBy);
    dom.start();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startDom, { once: true });
  else startDom();

  // A prompt counted from the page alone would otherwise be lost when the
  // user leaves before its grace period ends.
  window.addEventListener('pagehide', () => coordinator.leave(Date.now()));

  api.runtime.onMessage.addListener((msg) => {
    if (msg && msg.type === 'estimate' && msg.service === adapter.service) showBadge(document, msg.estimate);
  });
}
