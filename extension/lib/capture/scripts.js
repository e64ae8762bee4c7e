// Character counts per script class, the unit every Interaction uses for
// prompt, response and context sizes.
//
// Decisions:
// - We count Unicode code points, not UTF-16 units, so an emoji outside the
//   BMP counts once (its variation selectors and joiners count too, as "other").
// - White space (anything matching /\s/u) and control characters (C0, DEL,
//   C1) are NOT counted: they carry almost no tokens and pages pad streams
//   with varying amounts of them.
// - latin = Basic Latin (digits and ASCII punctuation included), Latin-1,
//   Latin Extended A-E and Additional, IPA, spacing modifiers, combining
//   diacritics and General Punctuation.
// - cjk = Han ideographs (URO, ext. A-H, compatibility), radicals, CJK
//   symbols and punctuation, enclosed/compatibility forms, full-width forms.
// - kana = hiragana and katakana (incl. phonetic extensions, half-width).
// - hangul = syllables and all jamo blocks (incl. half-width).
// - other = everything else, emoji included.

export const SCRIPT_CLASSES = Object.freeze([
  'latin', 'cjk', 'kana', 'hangul', 'cyrillic', 'arabic', 'devanagari', 'other',
]);

// [start, end, class], sorted by start, non-overlapping.
const RANGES = [
  [0x0000, 0x036f, 'latin'],
  [0x0400, 0x052f, 'cyrillic'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x0870, 0x08ff, 'arabic'],
  [0x0900, 0x097f, 'devanagari'],
  [0x1100, 0x11ff, 'hangul'],
  [0x1c80, 0x1c8f, 'cyrillic'],
  [0x1e00, 0x1eff, 'latin'],
  [0x2000, 0x206f, 'latin'],
  [0x2c60, 0x2c7f, 'latin'],
  [0x2de0, 0x2dff, 'cyrillic'],
  [0x2e80, 0x2fdf, 'cjk'],
  [0x3000, 0x303f, 'cjk'],
  [0x3040, 0x30ff, 'kana'],
  [0x3130, 0x318f, 'hangul'],
  [0x31c0, 0x31ef, 'cjk'],
  [0x31f0, 0x31ff, 'kana'],
  [0x3200, 0x33ff, 'cjk'],
  [0x3400, 0x4dbf, 'cjk'],
  [0x4e00, 0x9fff, 'cjk'],
  [0xa640, 0xa69f, 'cyrillic'],
  [0xa720, 0xa7ff, 'latin'],
  [0xa8e0, 0xa8ff, 'devanagari'],
  [0xa960, 0xa97f, 'hangul'],
  [0xab30, 0xab6f, 'latin'],
  [0xac00, 0xd7ff, 'hangul'],
  [0xf900, 0xfaff, 'cjk'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe30, 0xfe4f, 'cjk'],
  [0xfe70, 0xfeff, 'arabic'],
  [0xff00, 0xff64, 'cjk'],
  [0xff65, 0xff9f, 'kana'],
  [0xffa0, 0xffdc, 'hangul'],
  [0xffdd, 0xffef, 'cjk'],
  [0x11b00, 0x11b5f, 'devanagari'],
  [0x1b000, 0x1b16f, 'kana'],
  [0x20000, 0x2fa1f, 'cjk'],
  [0x30000, 0x323af, 'cjk'],
];

/**
 * True for the code points /\s/u matches: ASCII tab, line feed, vertical tab,
 * form feed, carriage return and space, and above U+009F the Unicode space
 * separators (Zs), the line and paragraph separators and the BOM. Tested
 * without a regular expression: compiling /\s/u and making a string per
 * character were about half the time of counting a short prompt the first
 * time in a page.
 * @param {number} cp
 */
export function isWhiteSpace(cp) {
  if (cp < 0x2000) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x1680;
  return cp <= 0x200a || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000
    || cp === 0xfeff;
}

/**
 * Returns the script class of one code point.
 * @param {number} cp
 * @returns {string}
 */
export function scriptClassOf(cp) {
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end, cls] = RANGES[mid];
    if (cp < start) hi = mid - 1;
    else if (cp > end) lo = mid + 1;
    else return cls;
  }
  return 'other';
}

/**
 * Counts the characters of `text` per script class.
 * @param {string} text
 * @returns {Record<string, number>} only non-zero classes
 */
export function countScripts(text) {
  const counts = {};
  if (typeof text !== 'string' || text.length === 0) return counts;
  // Runs on long streamed answers in the page, so ASCII (most text) takes a
  // fast path: printable ASCII is latin; space, C0 controls and DEL are
  // skipped, exactly as the general path below would.
  let latin = 0;
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      if (cp > 0x20 && cp !== 0x7f) latin += 1;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i += 1;
      }
    }
    if (cp <= 0x9f || isWhiteSpace(cp)) continue;
    const cls = scriptClassOf(cp);
    counts[cls] = (counts[cls] || 0) + 1;
  }
  if (latin > 0) counts.latin = (counts.latin || 0) + latin;
  return counts;
}

/** Sum of two count objects (either may be null). */
export function addCounts(a, b) {
  const out = { ...(a || {}) };
  for (const [k, v] of Object.entries(b || {})) out[k] = (out[k] || 0) + v;
  return out;
}

/** a - b per class, never below zero; zero classes are dropped. */
export function subtractCounts(a, b) {
  const out = {};
  for (const [k, v] of Object.entries(a || {})) {
    const left = v - ((b && b[k]) || 0);
    if (left > 0) out[k] = left;
  }
  return out;
}

/** Total characters over all classes. */
export function totalCount(counts) {
  return Object.values(counts || {}).reduce((s, v) => s + v, 0);
}

/** True when both count objects hold the same non-zero classes and values. */
export function sameCounts(a, b) {
  const ka = Object.keys(a || {}).filter((k) => a[k]);
  const kb = Object.keys(b || {}).filter((k) => b[k]);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}
