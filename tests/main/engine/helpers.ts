// Shared helpers for the engine's tests: fixture paths, temporary folders written from a file map,
// and an in-memory engine that is closed after each test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import type { Engine, EngineOptions } from '../../../main/engine/api';
import { openEngine } from '../../../main/engine/index';
import { STORE_SCHEMA } from '../../../main/engine/types';

/** Our own fixture folders (never corpus text). */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/engine/', import.meta.url));

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A new empty temporary folder, removed after the test. */
export function tempDir(prefix = 'standalone-engine-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files (folder-relative path → text or bytes) under `root`. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** A temporary stands folder with the given files. */
export function tempSite(files: Record<string, string | Uint8Array>): string {
  return writeTree(tempDir(), files);
}

/** An engine closed after the test (in memory unless a store file is given). */
export async function engineFor(options: Partial<EngineOptions> = {}): Promise<Engine> {
  const engine = await openEngine({ dbFile: null, ...options });
  cleanups.push(() => engine.close());
  return engine;
}

/** Front matter plus body, as a stand file. */
export function page(fields: string, body = ''): string {
  return `---\n${fields.trim()}\n---\n${body}`;
}

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC',
    'base64',
  ),
);

/**
 * Just a PNG's signature and size header (`width` × `height` pixels, no picture data): all it takes to ask
 * Chromium for gigabytes.
 */
export function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header.set([8, 2, 0, 0, 0], 24);
  return header;
}

/** Resolves once `check` returns a value, polling; fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('Timed out waiting for a condition.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Queries that find something in any folder: words of its stand titles, a prefix and a typo. */
function searchQueries(engine: Engine, collection: string): string[] {
  const words = engine
    .listAllStands(collection)
    .flatMap((stand) => stand.title.split(/\s+/))
    .filter((word) => word.length >= 4)
    .slice(0, 6);
  return [
    ...words,
    ...words.slice(0, 2).map((word) => word.slice(0, 3)),
    ...words.slice(0, 2).map((word) => `${word}x`),
  ];
}

/**
 * An incremental result must be exactly what indexing the folder afresh gives, as long as every file of
 * it can be read (a stand whose file broke after it was indexed is kept as it was: see keepLastReadable).
 */
export async function expectSameAsFresh(engine: Engine, id: string, root: string): Promise<void> {
  const fresh = await engineFor();
  const freshId = (await fresh.indexFolder(root)).collection.id;
  const view = (e: Engine, c: string) => ({
    stands: e.listAllStands(c).map((s) => ({ ...s, collection: '' })),
    themes: e.listThemes(c).map((t) => ({ ...t, collection: '' })),
    problems: e.listProblems({ collection: c }).map((p) => ({ ...p, collection: '' })),
    pages: e
      .listAllStands(c)
      .flatMap((s) => s.pages.map((p) => e.getPage(c, s.slug, p.slug)))
      .map((p) => p && { ...p, collection: '' }),
    counts: e.getCollection(c)!.counts,
    search: searchQueries(e, c).map((query) =>
      e
        .search(c, query)
        .flatMap((group) =>
          group.hits.map((hit) => [hit.stand, hit.page, hit.title, hit.score.toFixed(6), hit.snippet]),
        ),
    ),
  });
  expect(JSON.stringify(view(engine, id)).replaceAll(`stand-asset://${id}/`, 'A/')).toBe(
    JSON.stringify(view(fresh, freshId)).replaceAll(`stand-asset://${freshId}/`, 'A/'),
  );
}

/** A store as an earlier version wrote it: the engine's line layout, with an older schema number. */
export function olderStoreLines(root: string): string {
  return [
    `{"schema":${STORE_SCHEMA - 1},"collections":[`,
    `{"collection":{"id":"old","root":${JSON.stringify(root)}},"files":[`,
    '["content/stands/old.md",10,1700000000000],',
    '["config.toml",10,1700000000000]',
    '],"dirs":[',
    '],"stands":[',
    '{"key":"old"}',
    '],"search":[',
    ']}',
    ']}',
    '',
  ].join('\n');
}
