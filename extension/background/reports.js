// Turns content-script reports into Interactions in the outbox, after
// checking who sent them and whether capture is allowed (pause, per-site
// switch, private windows).

import { buildInteraction, originOf } from '../lib/interaction.js';
import { captureAllowed } from '../lib/settings.js';
import { adapterForPage } from '../lib/adapters/index.js';
import { engineFor } from '../lib/search-engines.js';
import { hmacHex } from '../lib/hash.js';
import { uuid7 } from '../lib/uuid7.js';
import { createRateLimit } from '../lib/rate-limit.js';
import { getSettings, getHostSettings, querySalt, setHealth } from './store.js';

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
        return { queued: await queue({ ...msg.report, kind: 'chat', confirmed: msg.report.confirmed === true }, sender) };
      }
      if (msg.type === 'search' || msg.type === 'ai-answer') {
        const engine = senderService(sender, 'search');
        if (!engine || msg.engine !== engine) return { queued: false };
        if (!(await allowed(engine, sender))) return { queued: false };
        const ai = msg.type === 'ai-answer';
        if (!(await isNewQuery(engine, msg.queryHash, ai ? ':ai' : ''))) return { queued: false };
        const report = ai
          ? { kind: 'chat', service: engine, modes: ['ai_overview'], prompt: msg.prompt, response: msg.response,
            submitted_at: msg.submitted_at, duration_ms: msg.duration_ms }
          : { kind: 'search', service: engine, modes: [], prompt: msg.prompt, submitted_at: msg.submitted_at,
            duration_ms: null };
        return { queued: await queue(report, sender) };
      }
      if (msg.type === 'health') {
        const service = senderService(sender, 'chat');
        if (!service || msg.service !== service) return { changed: false };
        const changed = await setHealth(service, Boolean(msg.ok), msg.detail);
        if (changed) onQueued();
        return { changed };
      }
      return null;
    },
  };
}
