// The only content types the app serves from stand folders and from its own bundle. Anything else is
// not served at all: a stand cannot make the app hand out an executable or an HTML page.

const STAND_ASSET_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  bmp: 'image/bmp',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  vtt: 'text/vtt',
  woff: 'font/woff',
  woff2: 'font/woff2',
};

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
  return Object.hasOwn(STAND_ASSET_TYPES, extensionOf(file)) ? STAND_ASSET_TYPES[extensionOf(file)]! : null;
}

/** Content type of a file of the app's own renderer bundle, or null. */
export function appBundleContentType(file: string): string | null {
  return Object.hasOwn(APP_BUNDLE_TYPES, extensionOf(file)) ? APP_BUNDLE_TYPES[extensionOf(file)]! : null;
}
