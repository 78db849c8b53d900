#!/usr/bin/env node
// Renders resources/icons/icon.svg into every icon file the installers need.
// The outputs are committed, so packaging never needs this script or its renderer;
// run `npm run icons` after changing the SVG.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { parseIcns, parseIco } from './packaging/icon-formats.mjs';

const log = (line) => process.stdout.write(`${line}\n`);
const logError = (line) => process.stderr.write(`${line}\n`);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const iconsDir = join(root, 'resources', 'icons');
const svg = readFileSync(join(iconsDir, 'icon.svg'), 'utf8');

// Linux wants a folder of NxN.png; 1024 also serves as the source for anything else.
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types that hold PNG data, by pixel size (retina variants share sizes).
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

// macOS icons sit inside Apple's 824/1024 grid; the SVG's tile fills 896/1024, so shrink it for macOS
// by widening the view box instead of drawing a second icon.
const MAC_VIEW = (() => {
  const size = (1024 * 896) / 824;
  const offset = (size - 1024) / 2;
  return `${-offset} ${-offset} ${size} ${size}`;
})();
const macSvg = svg.replace('viewBox="0 0 1024 1024"', `viewBox="${MAC_VIEW}"`);
if (macSvg === svg) throw new Error('icon.svg must declare viewBox="0 0 1024 1024"');

/** Renders the SVG at one size; returns the PNG file and its raw RGBA pixels. */
function render(source, size) {
  const image = new Resvg(source, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  }).render();
  if (image.width !== size || image.height !== size)
    throw new Error(`rendered ${image.width}x${image.height}, wanted ${size}`);
  return { png: image.asPng(), rgba: image.pixels, size };
}

/** A 32-bit BMP (DIB) entry for an ICO: bottom-up BGRA plus the 1-bit AND mask old Windows shells still read. */
function dibEntry({ rgba, size }) {
  const maskStride = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour + mask heights, as ICO requires
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
      if (rgba[from + 3] === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** Windows ICO: BMP entries for the small sizes (safe everywhere, including NSIS), PNG for 256. */
function buildIco(images) {
  const entries = images.map((image) => (image.size >= 256 ? image.png : dibEntry(image)));
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach((image, i) => {
    const at = 6 + 16 * i;
    head.writeUInt8(image.size >= 256 ? 0 : image.size, at);
    head.writeUInt8(image.size >= 256 ? 0 : image.size, at + 1);
    head.writeUInt16LE(1, at + 4);
    head.writeUInt16LE(32, at + 6);
    head.writeUInt32LE(entries[i].length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += entries[i].length;
  });
  return Buffer.concat([head, ...entries]);
}

/** macOS ICNS made of PNG elements. */
function buildIcns(pngBySize) {
  const parts = ICNS_TYPES.map(([type, size]) => {
    const data = pngBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

function main() {
  const pngDir = join(iconsDir, 'png');
  mkdirSync(pngDir, { recursive: true });
  const images = new Map(PNG_SIZES.map((size) => [size, render(svg, size)]));
  for (const [size, image] of images) writeFileSync(join(pngDir, `${size}x${size}.png`), image.png);
  writeFileSync(join(iconsDir, 'icon.png'), images.get(1024).png);

  const ico = buildIco(ICO_SIZES.map((size) => images.get(size)));
  writeFileSync(join(iconsDir, 'icon.ico'), ico);

  const macSizes = [...new Set(ICNS_TYPES.map(([, size]) => size))];
  const macPng = new Map(macSizes.map((size) => [size, render(macSvg, size).png]));
  const icns = buildIcns(macPng);
  writeFileSync(join(iconsDir, 'icon.icns'), icns);

  // Read back what was written, so a format slip fails here rather than on an organiser's machine.
  const icoSizes = parseIco(ico).map((entry) => entry.size);
  const icnsTypes = parseIcns(icns).map((entry) => entry.type);
  log(`icons: png ${PNG_SIZES.join(', ')}; ico ${icoSizes.join(', ')}; icns ${icnsTypes.join(', ')}`);
}

try {
  main();
} catch (error) {
  logError(`make-icons: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
