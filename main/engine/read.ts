// Reads one content file as text, refusing anything that is not a small, regular, UTF-8 text file. The
// file is opened without following a final symlink and checked after opening, so a file swapped for a
// pipe or a link between the folder walk and the read is refused rather than read.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult =
  | { ok: true; text: string }
  | {
      ok: false;
      code: 'file-too-large' | 'file-binary' | 'file-not-utf8' | 'file-unreadable' | 'file-not-regular';
      message: string;
    };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a text file of at most `maxBytes`, with line endings normalised to LF. Never throws. */
export function readTextFile(absolutePath: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(
      absolutePath,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0),
    );
  } catch (error) {
    return { ok: false, code: 'file-unreadable', message: unreadable(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      return {
        ok: false,
        code: 'file-not-regular',
        message: 'This is not a regular file, so it was skipped.',
      };
    }
    if (stat.size > maxBytes)
      return { ok: false, code: 'file-too-large', message: tooLarge(stat.size, maxBytes) };
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    // Read one byte more than the size said: a file that grew past the limit is still refused.
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { ok: false, code: 'file-too-large', message: tooLarge(length, maxBytes) };
    const bytes = buffer.subarray(0, length);
    // Windows editors' "Unicode" is UTF-16 with a byte-order mark: text, but full of zero bytes.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return {
        ok: false,
        code: 'file-not-utf8',
        message:
          'This file is saved as UTF-16 ("Unicode" in some Windows editors), not UTF-8, so it was skipped. Save it again with UTF-8 encoding.',
      };
    }
    if (bytes.includes(0)) {
      return {
        ok: false,
        code: 'file-binary',
        message:
          'This file holds binary data, not text, so it was skipped. Pages must be Markdown or HTML text.',
      };
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return {
        ok: false,
        code: 'file-not-utf8',
        message:
          'This file is not saved as UTF-8 text, so it was skipped. Save it again with UTF-8 encoding.',
      };
    }
    return { ok: true, text: normaliseNewlines(text) };
  } catch (error) {
    return { ok: false, code: 'file-unreadable', message: unreadable(error) };
  } finally {
    closeSync(fd);
  }
}

/** Windows (CRLF) and old Mac (CR) line endings become LF, as Hugo reads them. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function tooLarge(size: number, max: number): string {
  return `This file is ${formatBytes(size)}, more than the ${formatBytes(max)} Standalone reads for one page, so it was skipped.`;
}

/** A byte count for people (e.g. "2.0 MiB"). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'This file is a link, and links are not followed here, so it was skipped.';
  if (code === 'EACCES' || code === 'EPERM') {
    return 'This file could not be opened (permission denied), so it was skipped. Check its permissions.';
  }
  return `This file could not be read (${code ?? 'unknown error'}), so it was skipped.`;
}
