// Draws the demo stands' PNG logos (resources/demo/static/stands/*/logo.png) with nothing but zlib, so
// the demo's images are our own and reproducible: `node scripts/make-demo-logos.mjs`.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'demo', 'static', 'stands');

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x / size, y / size), 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

// Lumen Board: a circuit board square with a glowing centre.
const lumen = png(160, (x, y) => {
  const inBoard = x > 0.12 && x < 0.88 && y > 0.12 && y < 0.88;
  const d = Math.hypot(x - 0.5, y - 0.5);
  if (!inBoard) return [0, 0, 0, 0];
  if (d < 0.14) return [...mix([255, 236, 140], [255, 170, 40], d / 0.14), 255];
  const trace = Math.abs(x - 0.5) < 0.02 || Math.abs(y - 0.5) < 0.02 || Math.abs(x - y) < 0.02;
  return trace ? [214, 196, 120, 255] : [...mix([22, 110, 80], [10, 70, 55], y), 255];
});
// Tidewatch: waves under a moon.
const tide = png(160, (x, y) => {
  const wave = 0.62 + 0.05 * Math.sin(x * Math.PI * 4);
  if (Math.hypot(x - 0.7, y - 0.28) < 0.12) return [250, 246, 220, 255];
  if (y > wave) return [...mix([40, 120, 200], [15, 50, 110], (y - wave) / (1 - wave)), 255];
  return [...mix([18, 24, 60], [60, 70, 130], y / wave), 255];
});

for (const [slug, data] of [
  ['lumen-board', lumen],
  ['tidewatch', tide],
]) {
  const file = join(root, slug, 'logo.png');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  process.stdout.write(`wrote ${file} (${data.length} bytes)\n`);
}
