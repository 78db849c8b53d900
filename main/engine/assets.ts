// The asset table: the files the app may serve from a folder. Everything under `static/`, and every
// file under `content/` that is not a page (images beside pages, PDFs…). A file's content type comes
// from an allowlist of extensions (the app's asset protocol serves all of them but PDF: see
// main/app/content-types.ts); anything else stays in the table with a null type, so the protocol knows
// it and refuses it. Files larger than the asset limit are left out and reported.
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

/**
 * The asset table of a scan: a view over its file list rather than one record per file (at 10,000
 * stands that is thirty thousand records less in memory); records are made when asked for.
 */
export class AssetTable {
  constructor(
    private readonly collection: string,
    private readonly files: Map<string, ScannedFile>,
    private readonly maxBytes: number,
    /** How many files the table holds. */
    readonly size: number,
    /** The assets by their names in lower case, made when a reference first misses. */
    private byLowerCase: Map<string, string> | null = null,
  ) {}

  /** Whether a folder-relative file is a servable asset. */
  has(file: string): boolean {
    const scanned = this.files.get(file);
    return scanned !== undefined && scanned.size <= this.maxBytes && isAssetPath(file);
  }

  /** The asset record of a folder-relative file, or null. */
  get(file: string): Asset | null {
    const scanned = this.files.get(file);
    if (!scanned || scanned.size > this.maxBytes || !isAssetPath(file)) return null;
    return {
      collection: this.collection,
      file: scanned.rel,
      size: scanned.size,
      mtimeMs: scanned.mtimeMs,
      contentType: contentTypeOf(scanned.rel),
    };
  }

  /**
   * The asset whose name differs from `file`'s in letter case only, or null: what a missing reference
   * finds on macOS and Windows, whose disks ignore case, and not on Linux, where the site is built.
   */
  sameButCase(file: string): string | null {
    if (!this.byLowerCase) {
      this.byLowerCase = new Map();
      for (const rel of this.files.keys()) if (this.has(rel)) this.byLowerCase.set(rel.toLowerCase(), rel);
    }
    const found = this.byLowerCase.get(file.toLowerCase());
    return found !== undefined && found !== file ? found : null;
  }

  /** The same table over a newer scan of the same assets (only pages changed). */
  over(files: Map<string, ScannedFile>): AssetTable {
    return new AssetTable(this.collection, files, this.maxBytes, this.size, this.byLowerCase);
  }
}

/** Builds the asset table of a scan, with a problem for each file too large to serve. */
export function buildAssetTable(
  collection: string,
  files: Map<string, ScannedFile>,
  limits: Limits,
): { assets: AssetTable; problems: Problem[] } {
  const problems: Problem[] = [];
  let size = 0;
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
    size++;
  }
  return { assets: new AssetTable(collection, files, limits.maxAssetBytes, size), problems };
}
