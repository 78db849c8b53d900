// Whether Chromium may be handed a stand's picture: one that would freeze the window or run it out of
// memory while it is drawn is refused. The asset protocol asks before it serves a picture; `standalone
// check` asks the same of every picture the published stands show, so an organiser hears of it first.
import type { FileHandle } from 'node:fs/promises';
import { imageSize } from 'image-size';
import { MAX_IMAGE_PIXELS } from '../engine/limits';
import { SvgImageCheck } from '../engine/svg-image';

/** Why a picture is refused, in words for organisers: what is wrong with it and what to do. */
export type PictureTrouble = string;

const SVG_PIECE = 128 * 1024;

// Where a picture's size is written: at the start, or for a JPEG after its metadata (a few KiB).
const IMAGE_HEADER_BYTES = 1024 * 1024;

const MEGAPIXELS = (pixels: number) => `${Math.round(pixels / 1e6).toLocaleString('en-US')} megapixels`;

const UNREADABLE_SIZE =
  'Standalone cannot read how large this picture is (it may be damaged, cut short, or not the kind of picture its name says), so it is not shown. Save it again as PNG or JPEG.';
const SVG_NOT_ASCII =
  'This SVG image is not saved as UTF-8 (UTF-16, or with NUL characters), which Standalone cannot check, so it is not shown. Save it again as UTF-8.';
const UNREADABLE =
  'This picture could not be read to the end, so it is not shown. Look at the file, then save it again.';

/** Feeds the next piece of an SVG file to its check; why it is refused when the piece shows it already. */
function feedSvg(check: SvgImageCheck, piece: Buffer): PictureTrouble | null {
  // Markup must read as ASCII for the check to see what Chromium will: UTF-16 and UTF-32 do not.
  if (piece.includes(0)) return SVG_NOT_ASCII;
  check.write(piece.toString('latin1'));
  return null;
}

/** Why a whole SVG file, fed to its check, must not be drawn as an image, or null when it may be. */
function endSvg(check: SvgImageCheck, bytes: Buffer): PictureTrouble | null {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))
    return SVG_NOT_ASCII;
  return check.end();
}

/**
 * Why an SVG file's bytes must not be drawn as an image, or null when they may be; yields null between the
 * pieces it checks, where a caller may let other work run (a file of many megabytes takes a second).
 */
export function* svgTroubleInPieces(bytes: Buffer): Generator<null, PictureTrouble | null> {
  const check = new SvgImageCheck();
  for (let at = 0; at < bytes.length; at += SVG_PIECE) {
    if (at > 0) yield null;
    const trouble = feedSvg(check, bytes.subarray(at, at + SVG_PIECE));
    if (trouble !== null) return trouble;
  }
  return endSvg(check, bytes);
}

/**
 * An SVG file's bytes when it may be drawn as an image, or why not. Read and checked a piece at a time,
 * letting the app's other work run in between: a file of many megabytes never holds up the window. The
 * handle is closed either way.
 */
export async function readCheckedSvg(handle: FileHandle, size: number): Promise<Buffer | PictureTrouble> {
  try {
    // The size as checked: a file that grew since is served (and looked at) as it was.
    const bytes = Buffer.alloc(size);
    const check = new SvgImageCheck();
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, Math.min(SVG_PIECE, size - read), read);
      if (bytesRead === 0) return UNREADABLE;
      const trouble = feedSvg(check, bytes.subarray(read, read + bytesRead));
      if (trouble !== null) return trouble;
      read += bytesRead;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return endSvg(check, bytes) ?? bytes;
  } catch {
    return UNREADABLE;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** How many bytes of a raster picture to read for `pixelTroubleOf`. */
export function pictureHeaderBytes(size: number): number {
  return Math.min(size, IMAGE_HEADER_BYTES);
}

/**
 * Why a raster picture, given its first `pictureHeaderBytes`, cannot be decoded without freezing the page
 * or running out of memory, or null when it can: its size, read from its header, is within
 * MAX_IMAGE_PIXELS. A picture whose size cannot be read there is refused too (Chromium would not show it
 * either, or it hides its size).
 */
export function pixelTroubleOf(header: Buffer): PictureTrouble | null {
  let info: ReturnType<typeof imageSize>;
  try {
    info = imageSize(header);
  } catch {
    return UNREADABLE_SIZE;
  }
  const frames = [info, ...(info.images ?? [])];
  const largest = frames.reduce((most, frame) =>
    frame.width * frame.height > most.width * most.height ? frame : most,
  );
  const pixels = largest.width * largest.height;
  if (!Number.isFinite(pixels)) return UNREADABLE_SIZE;
  if (pixels <= MAX_IMAGE_PIXELS) return null;
  return `This picture is ${largest.width.toLocaleString('en-US')} × ${largest.height.toLocaleString('en-US')} pixels (${MEGAPIXELS(pixels)}), more than the ${MEGAPIXELS(MAX_IMAGE_PIXELS)} Standalone draws without running out of memory, so it is not shown. Save it smaller: a whole screen is about 2 megapixels.`;
}

/**
 * `pixelTroubleOf` for the checked file's handle, left open, with the bytes it read: the whole file when it
 * is no larger than `pictureHeaderBytes` (most logos), which then need not be read again.
 */
export async function pixelTrouble(
  handle: FileHandle,
  size: number,
): Promise<{ header: Buffer; trouble: PictureTrouble | null }> {
  try {
    const header = Buffer.alloc(pictureHeaderBytes(size));
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    const read = header.subarray(0, bytesRead);
    return { header: read, trouble: pixelTroubleOf(read) };
  } catch {
    return { header: Buffer.alloc(0), trouble: UNREADABLE_SIZE };
  }
}
