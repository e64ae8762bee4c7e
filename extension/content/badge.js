// The optional in-page badge (off by default): a small label in a corner of
// the page with the last answer's central energy estimate from the host's ack.
// Numbers only; it is removed on click.
//
// The page must not read it (issue 15, finding 14): the label lives in a
// CLOSED shadow root on a host element of no fixed id, appended to <html>
// outside the site's form, so the page's querySelector, getElementById and
// the host's shadowRoot (null) reach no text. The host element is found again
// only through this module's own reference.

let host = null;
let label = null;

function formatWh(wh) {
  if (!Number.isFinite(wh)) return '';
  if (wh < 1) return `${(wh * 1000).toFixed(wh < 0.01 ? 1 : 0)} mWh`;
  return `${wh.toFixed(wh < 10 ? 2 : 1)} Wh`;
}

export function showBadge(doc, estimate) {
  const central = estimate && estimate.energy_wh && estimate.energy_wh.central;
  const text = formatWh(central);
  if (!text) return;
  if (!host || !host.isConnected) {
    host = doc.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    label = doc.createElement('div');
    label.setAttribute('role', 'status');
    label.title = 'Wattprint: estimated energy of the last answer (click to hide)';
    Object.assign(label.style, {
      position: 'fixed', right: '12px', bottom: '12px', zIndex: '2147483647', padding: '2px 8px',
      font: '12px/1.6 system-ui, sans-serif', color: '#1d3b2a', background: '#e8f5ec', border: '1px solid #9cc9a9',
      borderRadius: '10px', opacity: '0.85', cursor: 'pointer',
    });
    label.addEventListener('click', () => {
      host.remove();
      host = null;
    });
    root.appendChild(label);
    doc.documentElement.appendChild(host);
  }
  label.textContent = `⚡ ${text}`;
}
