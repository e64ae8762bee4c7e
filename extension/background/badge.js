// The toolbar button's badge: today's count of queries, as the host counts
// them (every browser's), refreshed after each delivery and at start. Empty
// while the host cannot answer: the popup says why.

import { badgeText } from '../lib/delivery/last-answer.js';

/** @param {{action: any, ask: (kind: string, period: string) => Promise<any>}} deps */
export function createBadge({ action, ask }) {
  return {
    async update() {
      if (!action || typeof action.setBadgeText !== 'function') return '';
      const reply = await ask('summary', 'day');
      const text = reply && reply.type === 'summary' ? badgeText(reply.count) : '';
      await action.setBadgeText({ text });
      if (text && typeof action.setBadgeBackgroundColor === 'function') {
        await action.setBadgeBackgroundColor({ color: '#2e7d5b' });
      }
      return text;
    },
  };
}
