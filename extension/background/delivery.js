// Sends the outbox to the host: hello first, then batches of at most 100
// items; removes items only when acknowledged (stored, duplicate or
// rejected); keeps them on error 9/13, on any other failure and on
// disconnect, and retries later with a quiet backoff alarm. Error 8 halves
// the batch (and later batches stay that small); error 5 on a batch sends its
// items one at a time and drops an item that alone still gets error 5
// (counted in `rejectedCount`), see deliverEntries.

import { api, local, getOne, setOne, setConnection, getSettings, getHealth, noteHealth } from './store.js';
import { batchEntries, deliverEntries, recordMessage, MAX_RECORD_ITEMS, ERROR_FIELDS, ERROR_INVALID, healthMessage, settingsMessage, summaryMessage,
  backoffMinutes, isHostMissing } from '../lib/delivery/native-protocol.js';

import { lastAnswerFrom } from '../lib/delivery/last-answer.js';

export const RETRY_ALARM = 'wattprint-retry';

export function createDelivery({ client, outbox }) {
  let running = null;

  const noteFailure = async (error) => {
    const message = (error && error.message) || String(error);
    const attempt = (await getOne('retryAttempt', 0)) + 1;
    const minutes = backoffMinutes(attempt - 1);
    await local.set({ retryAttempt: attempt, retryAt: Date.now() + minutes * 60000 });
    await setConnection({ state: isHostMissing(message) ? 'host-missing' : 'error', message: message.slice(0, 200) });
    api.alarms.create(RETRY_ALARM, { delayInMinutes: minutes });
  };

  const noteSuccess = async (hello) => {
    await local.set({ retryAttempt: 0, retryAt: 0 });
    api.alarms.clear(RETRY_ALARM);
    const patch = { state: 'connected', message: '', lastOk: new Date().toISOString() };
    if (hello) Object.assign(patch, { appVersion: hello.app_version, modelVersion: hello.model_version });
    await setConnection(patch);
  };

  const sendHealth = async () => {
    const pendingList = await getOne('healthPending', []);
    if (pendingList.length === 0) return;
    const health = await getHealth();
    const adapters = pendingList.filter((s) => health[s]).map((s) => ({ service: s, ...health[s] }));
    const reply = await client.request(healthMessage('', adapters));
    // A health report the host calls malformed (error 5) or whose detail it
    // does not know (error 10) cannot get better by sending it again.
    const dropped = reply.type === 'error' && (reply.code === ERROR_FIELDS || reply.code === ERROR_INVALID);
    if (reply.type === 'ok' || dropped) await setOne('healthPending', []);
  };

  // The host knows whether a chat's model name resolves in its catalogue: a
  // name that does not is a miss of that site's model reading.
  const noteModels = async (batch, seqs, estimates, unresolved) => {
    if (!unresolved) return false; // a host that does not say
    const missing = new Set(unresolved.map((id) => id.toLowerCase()));
    const done = new Set(seqs);
    let changed = false;
    for (const e of batch) {
      const item = e.item;
      if (!done.has(e.seq) || item.kind !== 'chat' || !item.model || !estimates[item.id]) continue;
      const miss = missing.has(item.id.toLowerCase()) ? 'model_unresolved' : null;
      if (await noteHealth(item.service, 'model', miss)) changed = true;
    }
    return changed;
  };

  const notifyTabs = async (batch, estimates) => {
    if (!(await getSettings()).badge) return;
    for (const e of batch) {
      const estimate = estimates[e.item.id];
      if (estimate && Number.isInteger(e.tabId) && e.item.kind === 'chat') {
        api.tabs.sendMessage(e.tabId, { type: 'estimate', service: e.item.service, estimate }).catch(() => {});
      }
    }
  };

  const run = async ({ force }) => {
    const { count } = await outbox.stats();
    const healthPending = (await getOne('healthPending', [])).length;
    if (!force && count === 0 && healthPending === 0) return;
    if (!force && Date.now() < (await getOne('retryAt', 0))) return; // quiet while backing off
    let hello;
    try {
      hello = await client.ensure();
    } catch (e) {
      return noteFailure(e);
    }
    if (hello && hello.settings) await setOne('hostSettings', hello.settings);
    await noteSuccess(hello);
    let healthChanged = false;
    try {
      await sendHealth();
      for (;;) {
        const entries = await outbox.peek(MAX_RECORD_ITEMS);
        if (entries.length === 0) break;
        const maxItems = await getOne('recordLimit', MAX_RECORD_ITEMS);
        for (const batch of batchEntries(entries, maxItems)) {
          const settle = async (seqs, estimates, rejected, unresolved) => {
            await outbox.remove(seqs);
            const answer = lastAnswerFrom(batch, estimates);
            if (answer) await setOne('lastAnswer', answer);
            if (await noteModels(batch, seqs, estimates, unresolved)) healthChanged = true;
            if (rejected.length > 0) await setOne('rejectedCount', (await getOne('rejectedCount', 0)) + rejected.length);
            notifyTabs(batch, estimates);
          };
          const send = (items) => client.request(recordMessage('', items));
          const result = await deliverEntries(batch, send, settle);
          if (result.maxItems && result.maxItems < maxItems) await setOne('recordLimit', result.maxItems);
          if (result.retry) {
            const err = result.error;
            return noteFailure(new Error(err && err.code ? `host error ${err.code}: ${err.message}`
              : (err && err.message) || 'items not acknowledged'));
          }
        }
      }
      if (healthChanged) await sendHealth();
    } catch (e) {
      return noteFailure(e);
    }
    return undefined;
  };

  return {
    /** Delivers what waits. `force` ignores the backoff (popup open, alarm). */
    flush({ force = false } = {}) {
      if (!running) running = run({ force }).finally(() => {
        running = null;
      });
      return running;
    },

    /** Asks the host for something (summary, settings); null when it cannot. */
    async ask(kind, period) {
      try {
        await client.ensure();
        const msg = kind === 'summary' ? summaryMessage('', period) : settingsMessage('');
        const reply = await client.request(msg);
        if (kind === 'settings' && reply.type === 'settings') {
          const { paused_until, excluded_sites, private_windows } = reply;
          await setOne('hostSettings', { paused_until, excluded_sites, private_windows });
        }
        return reply;
      } catch (e) {
        await noteFailure(e);
        return null;
      }
    },
  };
}
