// What the toolbar button and the popup show from the host's answers: today's
// count as a short badge text, and the last answer's estimate (from the ack's
// `estimates`, see PROTOCOL.md) with one everyday equivalent. Counts only:
// nothing of the prompt or the answer.

/** A count short enough for the toolbar badge: '' for none, '7', '999', '1k', '12k'. */
export function badgeText(count) {
  if (!Number.isFinite(count) || count <= 0) return '';
  if (count < 1000) return String(Math.floor(count));
  return `${Math.min(Math.floor(count / 1000), 99)}k`;
}

/**
 * The newest AI answer of a delivered batch that the host estimated, as the
 * popup shows it; null when the batch has none (searches alone, or rejected).
 * @param {{item: {id: string, ts: string, kind: string, service: string}}[]} batch
 * @param {Record<string, any>} estimates the ack's estimates, by id
 */
export function lastAnswerFrom(batch, estimates) {
  let found = null;
  for (const { item } of batch) {
    const estimate = estimates && estimates[item.id];
    if (!estimate || item.kind === 'search' || !estimate.energy_wh) continue;
    if (found && found.ts > item.ts) continue;
    const like = Array.isArray(estimate.equivalents) && estimate.equivalents.length ? estimate.equivalents[0] : null;
    found = {
      ts: item.ts,
      service: item.service,
      energy_wh: estimate.energy_wh,
      equivalent: like && typeof like.text === 'string' ? like.text : null,
    };
  }
  return found;
}
