// The renderer bundle is served from its own privileged scheme rather than file://, as Electron's security
// checklist advises: the page gets a real origin for 'self' in its CSP and for the IPC sender check, and
// keeps working with the file protocol's extra privileges switched off (an Electron fuse).
import { appCsp } from './csp';
import { appBundleContentType } from './content-types';
import { decodeUrlPath, realFileInside } from './safe-path';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export const APP_SCHEME = 'standalone-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the window loads in a built app. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const BUNDLE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Which bundle file a request for the app scheme maps to, or null (404). */
export async function resolveAppRequest(
  rawUrl: string,
  rendererDir: string,
): Promise<{ path: string; contentType: string } | null> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const segments = url.pathname === '/' ? ['index.html'] : decodeUrlPath(url.pathname);
  if (!segments) return null;
  const contentType = appBundleContentType(segments.join('/'));
  if (!contentType) return null;
  const real = await realFileInside(rendererDir, join(rendererDir, ...segments));
  return real ? { path: real.path, contentType } : null;
}

/** `protocol.handle(APP_SCHEME, createAppBundleHandler(dir))`: the built renderer, under the app's CSP. */
export function createAppBundleHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const csp = appCsp();
  return async (request) => {
    const headers = { ...BUNDLE_HEADERS, 'Content-Security-Policy': csp };
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers });
    const file = await resolveAppRequest(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404, headers });
    const body =
      request.method === 'HEAD'
        ? null
        : (Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
  };
}
