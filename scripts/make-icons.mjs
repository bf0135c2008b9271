// Draws the app icons (a white heart on NHS blue; a white heart outline icon on transparent) as PNG files.
// Run once when the design changes: node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** Encodes RGBA pixels (a function of x, y) as a PNG. */
function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** True inside a heart centred in a unit square (u, v in 0..1). */
function inHeart(u, v) {
  const x = (u - 0.5) * 2.6;
  const y = (0.55 - v) * 2.6;
  const a = x * x + y * y - 1;
  return a * a * a - x * x * y * y * y <= 0;
}

const dir = path.resolve(import.meta.dirname, '..', 'appPackage');
const blue = [0x00, 0x5e, 0xb8, 0xff];
const white = [0xff, 0xff, 0xff, 0xff];
const clear = [0, 0, 0, 0];
fs.writeFileSync(
  path.join(dir, 'color.png'),
  png(192, (x, y) => (inHeart((x + 0.5) / 192, (y + 0.5) / 192) ? white : blue)),
);
fs.writeFileSync(
  path.join(dir, 'outline.png'),
  png(32, (x, y) => {
    const inside = (dx, dy) => inHeart((x + 0.5 + dx) / 32, (y + 0.5 + dy) / 32);
    const edge = inside(0, 0) && !(inside(2, 0) && inside(-2, 0) && inside(0, 2) && inside(0, -2));
    return edge ? white : clear;
  }),
);
console.log('icons written to appPackage/');
