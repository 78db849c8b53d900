// The kiosk configuration file (`*.standalone-kiosk`, JSON): what organisers copy to each machine with the
// stands folder. Validated with zod; every problem becomes one line naming the key, what is wrong and what
// is expected, because the person reading it is a volunteer at a stand, not a programmer. Plain Node.
import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import type { Collection } from '../engine/types';
import { newCollectionId } from '../engine/urlize';
import { KIOSK_RULES, type KioskSettings } from '../../preload/contract';
import { parsePinHash } from './pin';

/**
 * File names ending with this are kiosk files; the installers associate it with the app. (Windows and
 * macOS associate by the last extension only, which is why it is not `.json`.)
 */
export const KIOSK_FILE_SUFFIX = '.standalone-kiosk';

/** Every ending a kiosk file may have: `.standalone-kiosk.json` too, for editors that colour JSON by name. */
export const KIOSK_FILE_SUFFIXES = [KIOSK_FILE_SUFFIX, `${KIOSK_FILE_SUFFIX}.json`] as const;

/** The only format version so far; a `version` key is optional but must be this when present. */
export const KIOSK_FILE_VERSION = 1;

/** A kiosk file is a few lines; anything bigger is not one. */
export const MAX_KIOSK_FILE_BYTES = 256 * 1024;

/** What a kiosk shows when the file says nothing (or is broken): the safe default. */
export const DEFAULT_KIOSK_SETTINGS: KioskSettings = Object.freeze({
  idleTimeoutSeconds: KIOSK_RULES.idleTimeoutSeconds.default,
  attract: Object.freeze({ enabled: true, slideSeconds: 8 }),
  featured: Object.freeze({ stands: [], themes: [] }),
  startScreen: 'overview',
  collection: null,
  textSize: 'normal',
}) as KioskSettings;

export const IDLE_TIMEOUT_RANGE = {
  min: KIOSK_RULES.idleTimeoutSeconds.min,
  max: KIOSK_RULES.idleTimeoutSeconds.max,
} as const;
export const SLIDE_SECONDS_RANGE = { min: 3, max: 60 } as const;
const MAX_FOLDERS = 50;
const MAX_FEATURED = 50;

// What each key expects, in words. Array items are keyed with `[]` (e.g. `folders[]`).
const EXPECTED: Record<string, string> = {
  '': 'must be one JSON object with the kiosk keys, like {"idleTimeoutSeconds": 90}',
  version: `must be ${KIOSK_FILE_VERSION}, the only kiosk file version so far`,
  folders: `must be a list of at most ${MAX_FOLDERS} stands folders, absolute or relative to this file, like ["stands/fosdem-2021"]`,
  'folders[]': 'must be a folder path, absolute or relative to this file, like "stands/fosdem-2021"',
  edition:
    'must be the edition to show: a collection id or name like "fosdem-2021", a year like 2021, or null for the first one',
  idleTimeoutSeconds: `must be a number of seconds between ${IDLE_TIMEOUT_RANGE.min} and ${IDLE_TIMEOUT_RANGE.max}`,
  attract: 'must be an object like {"enabled": true, "slideSeconds": 8}',
  'attract.enabled': 'must be true or false',
  'attract.slideSeconds': `must be a number of seconds between ${SLIDE_SECONDS_RANGE.min} and ${SLIDE_SECONDS_RANGE.max}`,
  featured: 'must be an object like {"stands": ["matrix"], "themes": ["web"]}',
  'featured.stands': `must be a list of at most ${MAX_FEATURED} stand slugs, the folder names under content/stands`,
  'featured.stands[]': 'must be a stand slug like "matrix": lower-case letters, digits, "-", "_" or "."',
  'featured.themes': `must be a list of at most ${MAX_FEATURED} theme slugs, the folder names under content/themes`,
  'featured.themes[]': 'must be a theme slug like "web": lower-case letters, digits, "-", "_" or "."',
  startScreen: 'must be one of "overview", "themes", "search", "attract"',
  textSize: 'must be one of "normal", "large", "larger"',
  pinHash:
    'must be the PIN hash written by "Make a kiosk file…" on the Collections screen of Standalone on a computer, or the line printed by "npm run kiosk:pin" (it starts with "scrypt$"), or null for a kiosk that cannot be unlocked on screen',
};

const seconds = (range: { min: number; max: number }) =>
  z
    .number()
    .refine(Number.isFinite)
    .refine((n) => n >= range.min && n <= range.max);

const slug = z
  .string()
  .max(200)
  .regex(/^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}\p{M}_.-]*$/u);

const folder = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0') && p.trim() === p);

const schema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(KIOSK_FILE_VERSION).optional(),
  folders: z.array(folder).max(MAX_FOLDERS).optional(),
  edition: z
    .union([
      z.string().min(1).max(200),
      z
        .number()
        .int()
        .refine((y) => y >= 1990 && y <= 2200),
    ])
    .nullable()
    .optional(),
  idleTimeoutSeconds: seconds(IDLE_TIMEOUT_RANGE).optional(),
  attract: z
    .strictObject({
      enabled: z.boolean().optional(),
      slideSeconds: seconds(SLIDE_SECONDS_RANGE).optional(),
    })
    .optional(),
  featured: z
    .strictObject({
      stands: z.array(slug).max(MAX_FEATURED).optional(),
      themes: z.array(slug).max(MAX_FEATURED).optional(),
    })
    .optional(),
  startScreen: z.enum(['overview', 'themes', 'search', 'attract']).optional(),
  textSize: z.enum(['normal', 'large', 'larger']).optional(),
  pinHash: z
    .string()
    .refine((line) => parsePinHash(line) !== null)
    .nullable(),
});

/** The keys a kiosk file may have, for "did you mean" suggestions and the docs. */
export const KIOSK_FILE_KEYS = Object.keys(schema.shape).filter((key) => key !== '$schema');

export interface KioskConfig {
  settings: KioskSettings;
  /** Absolute stands folders to index at start, in the file's order. */
  folders: string[];
  /** The organiser PIN's hash line, or null when nothing unlocks the kiosk on screen. */
  pinHash: string | null;
}

export type KioskConfigResult =
  | { ok: true; config: KioskConfig }
  | {
      ok: false;
      /** The safe default kiosk (a valid PIN hash and folders from the file are kept so organisers can fix it). */
      config: KioskConfig;
      /** One line per problem: `key: what is expected (got …)`. */
      errors: string[];
    };

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return `got a list of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'got an object';
  if (typeof value === 'string' && value.length > 50) return `got ${JSON.stringify(value.slice(0, 50))}…`;
  return `got ${JSON.stringify(value) ?? String(value)}`;
}

function pathLabel(path: readonly PropertyKey[]): { label: string; key: string } {
  let label = '';
  let key = '';
  for (const part of path) {
    if (typeof part === 'number') {
      label += `[${part}]`;
      key += '[]';
    } else {
      const name = String(part);
      label += label ? `.${name}` : name;
      key += key ? `.${name}` : name;
    }
  }
  return { label, key };
}

// Levenshtein distance, for "did you mean" on misspelt keys.
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function suggest(key: string, allowed: string[]): string | null {
  const lower = key.toLowerCase();
  let best: string | null = null;
  let bestScore = Infinity;
  for (const candidate of allowed) {
    const c = candidate.toLowerCase();
    const score = c.startsWith(lower) || lower.startsWith(c) ? 0 : distance(lower, c);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best !== null && bestScore <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

const NESTED_KEYS: Record<string, string[]> = {
  '': KIOSK_FILE_KEYS,
  attract: ['enabled', 'slideSeconds'],
  featured: ['stands', 'themes'],
};

function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const { label, key } = pathLabel(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const allowed = NESTED_KEYS[key] ?? [];
      for (const unknown of issue.keys) {
        const where = label ? `${label}.${unknown}` : unknown;
        const hint = suggest(unknown, allowed);
        lines.push(
          `${where}: is not a kiosk setting${hint ? ` (did you mean "${hint}"?)` : ''}; ` +
            `the keys here are ${allowed.map((k) => `"${k}"`).join(', ')}`,
        );
      }
      continue;
    }
    if (seen.has(label)) continue;
    seen.add(label);
    const expected = EXPECTED[key] ?? 'must have an allowed value';
    const where = label || 'the file';
    lines.push(
      issue.input === undefined
        ? `${where}: is missing; it ${expected}`
        : `${where}: ${expected} (${describeValue(issue.input)})`,
    );
  }
  return lines;
}

// The double quotes an editor's "smart quotes" type instead of ".
const CURLY_QUOTES = /[\u201C\u201D\u201E\u201F]/;

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const reason = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
  if (!position) return `the file is not valid JSON: ${reason}`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  // A Windows path written as in Explorer (C:\Kiosk) is the likeliest cause of a bad escape; curly quotes
  // are what TextEdit and word processors type for ", and they read the same to a volunteer.
  const hint = /^Bad (?:escaped character|Unicode escape)/.test(reason)
    ? 'a backslash must be doubled in JSON: write paths with forward slashes, like "C:/Kiosk/stands", or double every backslash'
    : CURLY_QUOTES.test(text)
      ? 'it has curly quotes \u201C \u201D, which JSON does not accept: write every quote as a straight " and turn off smart quotes in the editor, in TextEdit Edit \u2192 Substitutions \u2192 Smart Quotes'
      : 'check for a missing comma or quote, or a comma after the last item';
  return `the file is not valid JSON at line ${line}, column ${column}: ${reason} (${hint})`;
}

// What lets organisers recover from a bad file: its folders and its PIN, when those keys are valid.
function recoverableConfig(
  raw: { folders?: unknown; pinHash?: unknown },
  baseDir: string,
): { config: KioskConfig; entries: KioskFolderEntry[] } {
  const config = defaultKioskConfig();
  const folders = schema.shape.folders.safeParse(raw.folders);
  const entries = folders.success && folders.data ? folderEntries(folders.data, baseDir) : [];
  config.folders = entries.map((entry) => entry.folder);
  const pin = schema.shape.pinHash.safeParse(raw.pinHash);
  if (pin.success) config.pinHash = pin.data;
  return { config, entries };
}

// A file that is not JSON (a missing comma, a Windows path's single backslash) may still hold a valid
// folders list and PIN hash: each is read on its own, so the kiosk shows its stands and the organiser can
// unlock it (on macOS a kiosk window even disables Force Quit).
function valuesOfBrokenJson(text: string): { folders?: unknown; pinHash?: unknown } {
  const straight = text.replace(new RegExp(CURLY_QUOTES, 'g'), '"');
  const read = (pattern: RegExp): unknown => {
    const match = pattern.exec(straight);
    try {
      return match ? (JSON.parse(match[1]!) as unknown) : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    folders: read(/"folders"\s*:\s*(\[[^\]]*\])/),
    pinHash: read(/"pinHash"\s*:\s*("[^"\n]*")/),
  };
}

/** Where a kiosk file names one of its folders: the first entry of its `folders` list that gives it. */
export interface KioskFolderEntry {
  /** The absolute folder (one of KioskConfig.folders). */
  folder: string;
  /** Its place in the file's `folders` list, from 0. */
  index: number;
  /** The entry as written in the file. */
  entry: string;
}

function folderEntries(folders: string[], baseDir: string): KioskFolderEntry[] {
  const out: KioskFolderEntry[] = [];
  for (const [index, entry] of folders.entries()) {
    const folder = isAbsolute(entry) ? resolve(entry) : resolve(baseDir, entry);
    if (!out.some((known) => known.folder === folder)) out.push({ folder, index, entry });
  }
  return out;
}

/** The safe default kiosk: default settings, no folders, no PIN. */
export function defaultKioskConfig(): KioskConfig {
  return { settings: structuredClone(DEFAULT_KIOSK_SETTINGS), folders: [], pinHash: null };
}

/**
 * Validates a kiosk file's text. `baseDir` resolves relative folders (the file's own folder). A bad file
 * gives the safe default kiosk plus one friendly line per problem; never throws.
 */
export function parseKioskConfig(text: string, baseDir: string): KioskConfigResult {
  return readKioskText(text, baseDir).result;
}

// parseKioskConfig, with where the file names each of its folders (for `standalone check`).
function readKioskText(
  text: string,
  baseDir: string,
): { result: KioskConfigResult; entries: KioskFolderEntry[] } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') {
    const errors = [`the file is empty; it ${EXPECTED['']}`];
    return { result: { ok: false, config: defaultKioskConfig(), errors }, entries: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const { config, entries } = recoverableConfig(valuesOfBrokenJson(source), baseDir);
    return { result: { ok: false, config, errors: [describeJsonError(source, error)] }, entries };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const errors = [`the file: ${EXPECTED['']} (${describeValue(data)})`];
    return { result: { ok: false, config: defaultKioskConfig(), errors }, entries: [] };
  }
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const { config, entries } = recoverableConfig(data as Record<string, unknown>, baseDir);
    return { result: { ok: false, config, errors: formatIssues(parsed.error.issues) }, entries };
  }
  const file = parsed.data;
  const d = DEFAULT_KIOSK_SETTINGS;
  const unique = (list: string[] | undefined) => [...new Set(list ?? [])];
  const entries = folderEntries(file.folders ?? [], baseDir);
  const config: KioskConfig = {
    settings: {
      idleTimeoutSeconds: file.idleTimeoutSeconds ?? d.idleTimeoutSeconds,
      attract: {
        enabled: file.attract?.enabled ?? d.attract.enabled,
        slideSeconds: file.attract?.slideSeconds ?? d.attract.slideSeconds,
      },
      featured: { stands: unique(file.featured?.stands), themes: unique(file.featured?.themes) },
      startScreen: file.startScreen ?? d.startScreen,
      collection: file.edition === undefined || file.edition === null ? null : String(file.edition),
      textSize: file.textSize ?? d.textSize,
    },
    folders: entries.map((entry) => entry.folder),
    pinHash: file.pinHash,
  };
  return { result: { ok: true, config }, entries };
}

export interface LoadedKioskConfig {
  config: KioskConfig;
  /** Organiser-facing text when the file could not be used as written; null when it was fine. */
  error: string | null;
  /** The same problems, one line each (`key: what is expected (got …)`); empty when it was fine. */
  errors: string[];
  /** Where the file names each of `config.folders`, in the same order. */
  folderEntries: KioskFolderEntry[];
}

/**
 * A kiosk file's text: UTF-8, or UTF-16 when it starts with that byte order mark (what Windows
 * PowerShell 5's `>` and `Out-File` write, and Notepad's "UTF-16" encodings).
 */
function decodeKioskFile(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return bytes.toString('utf8');
}

/** Reads and validates a kiosk file; a missing, unreadable or invalid file gives the safe default and an error. */
export async function loadKioskConfig(file: string): Promise<LoadedKioskConfig> {
  const fail = (
    errors: string[],
    config = defaultKioskConfig(),
    folderEntries: KioskFolderEntry[] = [],
  ): LoadedKioskConfig => ({ config, error: formatKioskConfigError(file, errors), errors, folderEntries });
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail(['the path is not a file']);
    if (info.size > MAX_KIOSK_FILE_BYTES) {
      return fail([
        `the file is too large (${Math.ceil(info.size / 1024)} KB); a kiosk file is a few lines, at most ${MAX_KIOSK_FILE_BYTES / 1024} KB`,
      ]);
    }
    const { result, entries } = readKioskText(decodeKioskFile(await readFile(file)), dirname(file));
    return result.ok
      ? { config: result.config, error: null, errors: [], folderEntries: entries }
      : fail(result.errors, result.config, entries);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail([
      code === 'ENOENT' ? 'the file does not exist' : `the file could not be read (${code ?? String(error)})`,
    ]);
  }
}

/** The text organisers see for a bad kiosk file: which file, that defaults are in use, then one line per problem. */
export function formatKioskConfigError(file: string, errors: string[]): string {
  return [
    `The kiosk file ${file} could not be used as written, so the kiosk started with safe defaults:`,
    ...errors.map((line) => `• ${line}`),
  ].join('\n');
}

/**
 * The id each of a kiosk file's folders gets on a fresh kiosk, which indexes them in the file's order
 * (newCollectionId): what the kiosk file maker writes as `edition`, and what resolveEdition looks for.
 */
export function kioskEditionIds(folders: readonly string[]): string[] {
  const taken = new Set<string>();
  return folders.map((folder) => {
    const id = newCollectionId(folder, taken);
    taken.add(id);
    return id;
  });
}

/**
 * The indexed collection of a kiosk file's folder, or undefined. The same folder may be spelt two ways (a
 * link to it): where each path really leads is compared.
 */
export function collectionAtFolder<C extends { root: string }>(
  collections: readonly C[],
  folder: string,
): C | undefined {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const target = real(folder);
  return collections.find((c) => resolve(c.root) === resolve(folder) || real(c.root) === target);
}

/**
 * Finds the collection a kiosk's `edition` names among the indexed ones: by id, then by name, then by year.
 * The kiosk file's own `folders` come first, and an id means the folder the file's maker gave it: on a
 * machine that already knew another folder of the same name, the file's folder has another id there.
 * Null when `edition` is null or names nothing indexed (the app then shows its first collection).
 */
export function resolveEdition(
  edition: string | null,
  collections: readonly Collection[],
  folders: readonly string[] = [],
): string | null {
  if (edition === null) return null;
  const wanted = edition.trim().toLowerCase();
  const atRoot = (root: string) => collectionAtFolder(collections, root);
  // The id the maker wrote for one of the file's folders.
  const ids = kioskEditionIds(folders);
  for (const [i, folder] of folders.entries()) {
    const collection = ids[i]!.toLowerCase() === wanted ? atRoot(folder) : undefined;
    if (collection) return collection.id;
  }
  const own = folders.map(atRoot).filter((c): c is Collection => c !== undefined);
  const ordered = [...own, ...collections.filter((c) => !own.includes(c))];
  const byId = ordered.find((c) => c.id.toLowerCase() === wanted);
  if (byId) return byId.id;
  const byName = ordered.find((c) => c.name.trim().toLowerCase() === wanted);
  if (byName) return byName.id;
  const byYear = /^[0-9]{4}$/.test(wanted) ? ordered.find((c) => c.year === Number(wanted)) : undefined;
  return byYear ? byYear.id : null;
}
