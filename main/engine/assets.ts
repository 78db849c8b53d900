// The asset table: the files the app may serve from a folder. Everything under `static/`, and every
// file under `content/` that is not a page (images beside pages, PDFs…). A file's content type comes
// from an allowlist of extensions (the same list the app's asset protocol serves, plus PDF); anything
// else stays in the table with a null type, so the protocol knows it and refuses it. Files larger than
// the asset limit are left out and reported.
import type { Limits } from './api';
import { extensionOf } from './paths';
import { isContentFile } from './plan';
import { problem } from './problems';
import { formatBytes } from './read';
import type { ScannedFile } from './scan';
import type { Asset, Problem } from './types';

const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
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
  pdf: 'application/pdf',
});

/** The content type the app may serve a file as, or null. */
export function contentTypeOf(file: string): string | null {
  const ext = extensionOf(file);
  return Object.hasOwn(CONTENT_TYPES, ext) ? CONTENT_TYPES[ext]! : null;
}

/** Whether a folder-relative file belongs in the asset table (size aside). */
export function isAssetPath(file: string): boolean {
  if (file.startsWith('static/')) return true;
  return file.startsWith('content/') && !isContentFile(file);
}

/** Builds the asset table of a scan. */
export function buildAssetTable(
  collection: string,
  files: Map<string, ScannedFile>,
  limits: Limits,
): { assets: Map<string, Asset>; problems: Problem[] } {
  const assets = new Map<string, Asset>();
  const problems: Problem[] = [];
  for (const file of files.values()) {
    if (!isAssetPath(file.rel)) continue;
    if (file.size > limits.maxAssetBytes) {
      problems.push(
        problem(
          collection,
          file.rel,
          'file-too-large',
          `This file is ${formatBytes(file.size)}, more than the ${formatBytes(limits.maxAssetBytes)} Standalone serves, so it will not show. Make it smaller.`,
          { severity: 'warning' },
        ),
      );
      continue;
    }
    assets.set(file.rel, {
      collection,
      file: file.rel,
      size: file.size,
      mtimeMs: file.mtimeMs,
      contentType: contentTypeOf(file.rel),
    });
  }
  return { assets, problems };
}
