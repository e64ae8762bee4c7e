// Turns content-script reports into Interactions in the outbox, after
// checking who sent them and whether capture is allowed (pause, per-site
// switch, private windows).

import { buildInteraction, originOf } from '../lib/capture/interaction.js';
import { captureAllowed } from '../lib/settings.js';
import { adapterForPage } from '../lib/adapters/index.js';
import { engineFor } from '../lib/search/search-engines.js';
import { hmacHex } from '../lib/search/hash.js';
import { uuid7 } from '../lib/delivery/uuid7.js';
import { createRateLimit } from '../lib/delivery/rate-limit.js';
import { getSettings, getHostSettings, querySalt, noteHealth } from './store.js';
import { CODE_GROUP, UNHEALTHY_AFTER, isHealthCode } from '../lib/capture/health.js';

// The parts of a chat page's own health reports (capture-coordinator.js).
const PAGE_GROUPS = ['traffic', 'page', 'silent'];

/** The service a sender's page belongs to, or null: chat adapter id or search engine id. */
function senderService(sender, kindOfMessage) {
  let u;
  try {
    u = new URL(sender.url || (sender.tab && sender.tab.url) || '');
  } catch {
    return null;
  }
  if (kindOfMessage === 'chat') {
    const a = adapterForPage(u.hostname, u.pathname);
    return a ? a.service : null;
  }
  const e = engineFor(u.hostname, u.pathname);
  return e ? e.id : null;
}

export function createReports({ outbox, queryLog, browserName, onQueued }) {
  const allowed = async (service, sender) => {
    const verdict = captureAllowed({
      settings: await getSettings(),
      hostSettings: await getHostSettings(),
      service,
      incognito: Boolean(sender.tab && sender.tab.incognito),
    });
    return verdict.ok;
  };

  const limit = createRateLimit();
  const queue = async (report, sender) => {
    const now = Date.now();
    if (!limit.take(sender.tab ? sender.tab.id : -1, now)) return false;
    const item = buildInteraction(report, {
      id: uuid7(now),
      now,
      browser: await browserName(),
      page: originOf(sender.url || (sender.tab && sender.tab.url)),
    });
    if (!item || !item.page) return false;
    const { added } = await outbox.add([{ item, tabId: sender.tab ? sender.tab.id : null }]);
    onQueued();
    return added > 0;
  };

  const isNewQuery = async (engine, queryHash, suffix) => {
    if (!/^[0-9a-f]{64}$/.test(queryHash || '')) return false;
    const key = `${engine}:${await hmacHex(await querySalt(), queryHash + suffix)}`;
    return queryLog.note(key);
  };

  return {
    /** Handles one message from a content script; resolves with {queued}. */
    async handle(msg, sender) {
      if (msg.type === 'interaction') {
        const service = senderService(sender, 'chat');
        if (!service || !msg.report || msg.report.service !== service) return { queued: false };
        if (!(await allowed(service, sender))) return { queued: false };
        // Only the content script's own check against the page confirms a chat turn.
        const queued = await queue({ ...msg.report, kind: 'chat', confirmed: msg.report.confirmed === true }, sender);
        // A turn the traffic hook saw is a capture outcome: a miss (counted
        // from the page instead) or a good capture that clears the run.
        const miss = msg.report.miss;
        if (queued && isHealthCode(miss) && CODE_GROUP[miss] === 'answer') {
          if (await noteHealth(service, 'answer', miss)) onQueued();
        } else if (queued && msg.report.source === 'traffic' && !miss) {
          if (await noteHealth(service, 'answer', null)) onQueued();
        }
        return { queued };
      }
      if (msg.type === 'search' || msg.type === 'ai-answer') {
        const engine = senderService(sender, 'search');
        if (!engine || msg.engine !== engine) return { queued: false };
        if (!(await allowed(engine, sender))) return { queued: false };
        const ai = msg.type === 'ai-answer';
        const aiMode = ai && msg.mode === 'ai_mode'; // the page itself is the AI answer
        if (!(await isNewQuery(engine, msg.queryHash, aiMode ? ':aimode' : ai ? ':ai' : ''))) return { queued: false };
        const report = ai
          ? { kind: 'chat', service: engine, modes: ['ai_overview'], prompt: msg.prompt, response: msg.response,
            submitted_at: msg.submitted_at, duration_ms: msg.duration_ms }
          : { kind: 'search', service: engine, modes: [], prompt: msg.prompt, submitted_at: msg.submitted_at,
            duration_ms: null };
        return { queued: await queue(report, sender) };
      }
      if (msg.type === 'health') {
        // {group, code}: code is a symptom after the page's own run of misses, or null when it matches again.
        const service = senderService(sender, 'chat');
        if (!service || msg.service !== service || !PAGE_GROUPS.includes(msg.group)) return { changed: false };
        if (msg.code !== null && !(isHealthCode(msg.code) && CODE_GROUP[msg.code] === msg.group)) return { changed: false };
        // Off means off: no trace of a visit in a private window, while paused or on a site switched off.
        if (!(await allowed(service, sender))) return { changed: false };
        const changed = await noteHealth(service, msg.group, msg.code, { weight: UNHEALTHY_AFTER });
        if (changed) onQueued();
        return { changed };
      }
      return null;
    },
  };
}
