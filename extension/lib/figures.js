// How the popup writes a figure and its range: no more significant figures
// than the range justifies (one when the high end is three times the low end
// or more, else two), no trailing zeros. The same rule as the app's
// core/words/units.py, so the popup and the app write one estimate alike.

export const WIDE_RANGE = 3;

/** The significant figures a range supports. */
export function rangeFigures(low, high) {
  if (!(high > 0)) return 2;
  if (!(low > 0) || high / low >= WIDE_RANGE) return 1;
  return 2;
}

/** `value` to `figures` significant figures, with a thousands separator and no trailing zeros. */
export function plain(value, figures = 2) {
  if (!Number.isFinite(value)) return '?';
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(figures));
  if (Math.abs(rounded) >= 1) return rounded.toLocaleString('en-US', { maximumFractionDigits: 20 });
  return Math.abs(rounded) >= 1e-4 ? String(rounded) : rounded.toExponential(1);
}

/** [central, low, high] written with the figures the range supports. */
export function inRange(central, low, high) {
  const f = rangeFigures(low, high);
  return [plain(central, f), plain(low, f), plain(high, f)];
}
