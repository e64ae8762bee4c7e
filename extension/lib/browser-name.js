// The browser's short name for the Interaction's `browser` field:
// firefox, chrome, edge, brave, opera, vivaldi or chromium. User-agent
// sniffing cannot tell every Chromium browser apart (Vivaldi hides itself),
// so unknown Chromium browsers are "chromium".

export async function detectBrowser(runtime, nav) {
  if (runtime && typeof runtime.getBrowserInfo === 'function') {
    try {
      const info = await runtime.getBrowserInfo();
      const name = String((info && info.name) || 'firefox').toLowerCase();
      return /firefox/.test(name) ? 'firefox' : name.replace(/[^a-z0-9_-]/g, '').slice(0, 40) || 'firefox';
    } catch {
      return 'firefox';
    }
  }
  if (nav && nav.brave && typeof nav.brave.isBrave === 'function') {
    try {
      if (await nav.brave.isBrave()) return 'brave';
    } catch {
      // fall through
    }
  }
  const brands = ((nav && nav.userAgentData && nav.userAgentData.brands) || []).map((b) => b.brand);
  const ua = (nav && nav.userAgent) || '';
  if (brands.some((b) => /Edge/.test(b)) || /Edg\//.test(ua)) return 'edge';
  if (brands.some((b) => /Opera/.test(b)) || /OPR\//.test(ua)) return 'opera';
  if (/Vivaldi/.test(ua)) return 'vivaldi';
  if (brands.some((b) => b === 'Google Chrome')) return 'chrome';
  return 'chromium';
}
