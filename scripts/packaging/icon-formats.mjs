// Minimal readers for the two icon containers we write, used to verify them after writing and when packaging.

import { Buffer } from 'node:buffer';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR, or throws if the bytes are not a PNG. */
export function pngSize(png) {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Entries of a Windows ICO: pixel size and whether the image is PNG or BMP, checked against the directory. */
export function parseIco(ico) {
  if (ico.length < 6 || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1)
    throw new Error('not an ICO file');
  const count = ico.readUInt16LE(4);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    const size = ico.readUInt8(at) || 256;
    const length = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    if (offset + length > ico.length) throw new Error(`ICO entry ${i} runs past the end of the file`);
    const data = ico.subarray(offset, offset + length);
    if (data.subarray(0, 8).equals(PNG_SIGNATURE)) {
      const { width, height } = pngSize(data);
      if (width !== size || height !== size)
        throw new Error(`ICO entry ${i} says ${size} but holds a ${width}x${height} PNG`);
      entries.push({ size, format: 'png' });
    } else {
      if (data.readUInt32LE(0) !== 40 || data.readInt32LE(4) !== size)
        throw new Error(`ICO entry ${i} is not a ${size}px bitmap`);
      entries.push({ size, format: 'bmp' });
    }
  }
  return entries;
}

/** Elements of a macOS ICNS whose data is PNG: type and pixel size. */
export function parseIcns(icns) {
  if (icns.length < 8 || icns.toString('latin1', 0, 4) !== 'icns') throw new Error('not an ICNS file');
  if (icns.readUInt32BE(4) !== icns.length) throw new Error('ICNS length field does not match the file');
  const entries = [];
  for (let at = 8; at < icns.length;) {
    const type = icns.toString('latin1', at, at + 4);
    const length = icns.readUInt32BE(at + 4);
    if (length < 8 || at + length > icns.length) throw new Error(`ICNS element ${type} has a bad length`);
    const { width, height } = pngSize(icns.subarray(at + 8, at + length));
    if (width !== height) throw new Error(`ICNS element ${type} is not square`);
    entries.push({ type, size: width });
    at += length;
  }
  return entries;
}
