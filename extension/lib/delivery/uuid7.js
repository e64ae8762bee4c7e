// Time-ordered ids for interactions: UUID version 7 (RFC 9562).
//
// The first 48 bits are the Unix time in milliseconds, so ids made one after
// another sort one after another. The history's primary key then grows at its
// end instead of touching a random page of its index for every insert, which
// keeps large histories fast to write. The other 74 bits are random.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A version-7 UUID in its lowercase 8-4-4-4-12 form.
 * @param {number} [nowMs] Unix time in milliseconds (default: now).
 * @param {(bytes: Uint8Array) => Uint8Array} [fillRandom] Fills an array with random bytes.
 */
export function uuid7(nowMs = Date.now(), fillRandom = (b) => crypto.getRandomValues(b)) {
  const bytes = fillRandom(new Uint8Array(16));
  let ms = Math.max(0, Math.floor(nowMs));
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (bytes[6] & 0x0f); // version 7
  bytes[8] = 0x80 | (bytes[8] & 0x3f); // RFC 9562 variant
  const h = Array.from(bytes, (b) => HEX[b]);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-`
    + `${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}
