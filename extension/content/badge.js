// The optional in-page badge (off by default): a small label near the chat
// input with the last answer's central energy estimate from the host's ack.
// Numbers only; it is removed on click.

const BADGE_ID = 'wattprint-badge';

function formatWh(wh) {
  if (!Number.isFinite(wh)) return '';
  if (wh < 1) return `${(wh * 1000).toFixed(wh < 0.01 ? 1 : 0)} mWh`;
  return `${wh.toFixed(wh < 10 ? 2 : 1)} Wh`;
}

export function showBadge(doc, adapter, estimate) {
  const central = estimate && estimate.energy_wh && estimate.energy_wh.central;
  const text = formatWh(central);
  if (!text) return;
  let badge = doc.getElementById(BADGE_ID);
  if (!badge) {
    badge = doc.createElement('div');
    badge.id = BADGE_ID;
    badge.setAttribute('role', 'status');
    badge.title = 'Wattprint: estimated energy of the last answer (click to hide)';
    Object.assign(badge.style, {
      position: 'fixed', right: '12px', bottom: '12px', zIndex: '2147483647', padding: '2px 8px',
      font: '12px/1.6 system-ui, sans-serif', color: '#1d3b2a', background: '#e8f5ec', border: '1px solid #9cc9a9',
      borderRadius: '10px', opacity: '0.85', cursor: 'pointer',
    });
    badge.addEventListener('click', () => badge.remove());
    const input = doc.querySelector(adapter.dom.input);
    (input && input.closest('form') ? input.closest('form') : doc.body).appendChild(badge);
  }
  badge.textContent = `⚡ ${text}`;
}
