// Draws the toolbar icons (a green disc with a white bolt) as PNG files, so
// the repository holds no binary images. Deterministic output.

import zlib from 'node:zlib';

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td));
  return Buffer.concat([len, td, crc]);
}

function inBolt(x, y) {
  // A bolt as two triangles in the unit square.
  const tri = (ax, ay, bx, by, cx, cy) => {
    const d = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    const s = ((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / d;
    const t = ((x - ax) * (cy - ay) - (y - ay) * (cx - ax)) / d;
    return s >= 0 && t >= 0 && s + t <= 1;
  };
  return tri(0.58, 0.12, 0.28, 0.56, 0.54, 0.52) || tri(0.46, 0.48, 0.72, 0.44, 0.42, 0.9);
}

export function iconPng(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const r = Math.hypot(u - 0.5, v - 0.5);
      const i = y * (size * 4 + 1) + 1 + x * 4;
      if (r <= 0.48) {
        const white = inBolt(u, v);
        raw[i] = white ? 255 : 46;
        raw[i + 1] = white ? 255 : 139;
        raw[i + 2] = white ? 255 : 87;
        raw[i + 3] = 255;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
