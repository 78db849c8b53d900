// The only content types the app serves from stand folders and from its own bundle. Anything else is
// not served at all: a stand cannot make the app hand out an executable or an HTML page.
import { contentTypeOf } from '../engine/assets';

// Stand files are served by the engine's allowlist, except the kinds it keeps only so that the
// Problems screen can name them: a PDF would open Chromium's viewer, which has no place on a kiosk.
const STAND_TYPES_NOT_SERVED = new Set(['application/pdf']);

const APP_BUNDLE_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  map: 'application/json',
  png: 'image/png',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  webp: 'image/webp',
  woff: 'font/woff',
  woff2: 'font/woff2',
};

function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Content type of a stand file by its extension, or null when the app does not serve that kind of file. */
export function standAssetContentType(file: string): string | null {
  const type = contentTypeOf(file);
  return type === null || STAND_TYPES_NOT_SERVED.has(type) ? null : type;
}

/** Content type of a file of the app's own renderer bundle, or null. */
export function appBundleContentType(file: string): string | null {
  return Object.hasOwn(APP_BUNDLE_TYPES, extensionOf(file)) ? APP_BUNDLE_TYPES[extensionOf(file)]! : null;
}
