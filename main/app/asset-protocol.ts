// `stand-asset://<collection>/<folder-relative path>`: local stand files (logos, images, media) for the
// renderer. Only files the index knows are served, only from inside their collection's folder, only with an
// allowlisted content type, and each response carries its own restrictive policy.
import { Readable } from 'node:stream';
import { domainToASCII, domainToUnicode } from 'node:url';
import type { Queries } from '../engine/api';
import { DEFAULT_LIMITS } from '../engine/limits';
import { ASSET_SCHEME } from '../engine/types';
import { ASSET_CSP } from './csp';
import { standAssetContentType } from './content-types';
import { pixelTrouble, readCheckedSvg } from './picture-check';
import { decodeUrlPath, openCheckedFile, realFileInside, type FileIdentity } from './safe-path';

export const ASSET_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': ASSET_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-site',
  'Cache-Control': 'no-cache',
};

export type AssetResolution =
  | {
      status: 200;
      path: string;
      size: number;
      /** The file as checked: only that very file is served. */
      identity: FileIdentity;
      contentType: string;
      headers: Record<string, string>;
    }
  | { status: 404; reason: string };

/** The two lookups the protocol needs; the engine answers them directly, the engine client asynchronously. */
export interface AssetQueries {
  getCollection(
    id: string,
  ): ReturnType<Queries['getCollection']> | Promise<ReturnType<Queries['getCollection']>>;
  getAsset(
    collection: string,
    file: string,
  ): ReturnType<Queries['getAsset']> | Promise<ReturnType<Queries['getAsset']>>;
  /** When given, collections whose id Chromium changed on the way (see `findByHost`) are found too. */
  listCollections?():
    ReturnType<Queries['listCollections']> | Promise<ReturnType<Queries['listCollections']>>;
}

const notFound = (reason: string): AssetResolution => ({ status: 404, reason });

/** Decides what a `stand-asset:` URL serves: a real file inside its collection that the index knows, or 404. */
export async function resolveAssetRequest(rawUrl: string, queries: AssetQueries): Promise<AssetResolution> {
  if (typeof rawUrl !== 'string' || rawUrl.length > 8192) return notFound('bad url');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return notFound('bad url');
  }
  if (url.protocol !== `${ASSET_SCHEME}:`) return notFound('wrong scheme');
  if (url.username || url.password || url.port) return notFound('bad url');
  const collectionId = decodeHost(url.host);
  if (!collectionId) return notFound('bad collection');
  // Look at the path as sent, before any normalisation could fold `..` away, and refuse tricks outright.
  const rawPath = rawPathOf(rawUrl);
  if (rawPath === null || decodeUrlPath(rawPath) === null) return notFound('bad path');
  const segments = decodeUrlPath(url.pathname);
  if (!segments) return notFound('bad path');
  const file = segments.join('/');

  let id = collectionId;
  let collection = await queries.getCollection(id);
  if (!collection && id.includes('xn--')) {
    // Chromium turns a non-ASCII host (a collection id like "straße") into punycode: look it up as written.
    id = domainToUnicode(id);
    collection = id ? await queries.getCollection(id) : null;
  }
  if (!collection && queries.listCollections) {
    const found = findByHost(await queries.listCollections(), collectionId);
    if (found) {
      id = found.id;
      collection = found;
    }
  }
  if (!collection) return notFound('unknown collection');
  const contentType = standAssetContentType(file);
  if (!contentType) return notFound('type not served');
  const asset = await queries.getAsset(id, file);
  if (!asset || asset.contentType === null) return notFound('not in the index');
  const real = await realFileInside(collection.root, asset.absolutePath);
  if (!real) return notFound('outside the folder or missing');
  return {
    status: 200,
    path: real.path,
    size: real.size,
    identity: real.identity,
    contentType,
    headers: { ...ASSET_RESPONSE_HEADERS },
  };
}

function decodeHost(host: string): string | null {
  let id: string;
  try {
    id = decodeURIComponent(host);
  } catch {
    return null;
  }
  return id.length > 0 && id.length <= 200 && /^[\p{L}\p{N}\p{M}.+~_-]+$/u.test(id) ? id : null;
}

/**
 * The collection whose id becomes `host` in a URL. Chromium treats the host of a standard scheme as a
 * domain name: it lowercases it, maps it (IDNA) and reads a number as an IPv4 address, so a collection
 * `Foo` (ids from older versions) is asked for as `foo` and one named `2021` as `0.0.7.229`.
 */
function findByHost<C extends { id: string }>(collections: readonly C[], host: string): C | null {
  const wanted = domainToASCII(host);
  if (!wanted) return null;
  return collections.find((collection) => domainToASCII(collection.id) === wanted) ?? null;
}

/** The path part of a URL string exactly as written (no dot-segment folding), or null. */
function rawPathOf(rawUrl: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(rawUrl);
  if (!match) return null;
  return match[1] ?? null;
}

/** A single byte range from a `Range` header, clamped to the file; null for none or unsatisfiable ones. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return null;
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start > end || start >= size) return null;
  return { start, end };
}

/**
 * The protocol handler: `protocol.handle(ASSET_SCHEME, createAssetHandler(queries))`. Plain web `Request`
 * and `Response`, so it runs (and is tested) in Node as it does in Electron.
 */
export function createAssetHandler(queries: AssetQueries): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...ASSET_RESPONSE_HEADERS, Allow: 'GET, HEAD' } });
    }
    let resolution: AssetResolution;
    try {
      resolution = await resolveAssetRequest(request.url, queries);
    } catch {
      resolution = notFound('lookup failed');
    }
    // The file is opened, then looked at through its handle: what was checked is what is read, even if
    // the folder changes in between (a FIFO swapped in would otherwise block the read for ever).
    const opened =
      resolution.status === 200
        ? await openCheckedFile(resolution.path, resolution.identity, DEFAULT_LIMITS.maxAssetBytes)
        : null;
    if (resolution.status !== 200 || !opened) {
      return notFoundResponse();
    }
    const { contentType, headers } = resolution;
    const { handle, size } = opened;
    // An SVG is read whole and looked at before Chromium draws it: one built to freeze the page is refused.
    // Another picture is looked at by its header: one too large to decode is refused.
    let whole: Buffer | null = null;
    if (contentType === 'image/svg+xml') {
      const checked = await readCheckedSvg(handle, size);
      if (typeof checked === 'string') {
        return notFoundResponse();
      }
      whole = checked;
    }
    if (contentType.startsWith('image/') && !whole) {
      const { header, trouble } = await pixelTrouble(handle, size);
      if (trouble !== null) {
        await handle.close();
        return notFoundResponse();
      }
      // A picture no larger than its header (most logos) was read whole: it is served from that.
      if (header.length === size) {
        await handle.close();
        whole = header;
      }
    }
    const base = { ...headers, 'Content-Type': contentType, 'Accept-Ranges': 'bytes' };
    const range = parseRange(request.headers.get('range'), size);
    if (request.headers.get('range') && !range) {
      if (!whole) await handle.close();
      return new Response(null, { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` } });
    }
    const start = range?.start ?? 0;
    const end = range?.end ?? size - 1;
    const length = size === 0 ? 0 : end - start + 1;
    let body: ReadableStream<Uint8Array> | null = null;
    if (whole) body = request.method === 'HEAD' || length === 0 ? null : bytesStream(whole, start, end);
    else if (request.method === 'HEAD' || length === 0) await handle.close();
    else body = Readable.toWeb(handle.createReadStream({ start, end })) as ReadableStream<Uint8Array>;
    const responseHeaders: Record<string, string> = { ...base, 'Content-Length': String(length) };
    if (range) responseHeaders['Content-Range'] = `bytes ${start}-${end}/${size}`;
    return new Response(body, { status: range ? 206 : 200, headers: responseHeaders });
  };
}

function notFoundResponse(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...ASSET_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

function bytesStream(bytes: Buffer, start: number, end: number): ReadableStream<Uint8Array> {
  return Readable.toWeb(Readable.from([bytes.subarray(start, end + 1)])) as ReadableStream<Uint8Array>;
}
