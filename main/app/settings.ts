// The app's settings: one JSON file in the user data folder, read once at start and written atomically on
// every change. A file that cannot be read as settings is moved aside (never deleted) and defaults are used,
// with a notice; fields that are wrong fall back one by one so a bad window size never loses the folders.
import { existsSync, readFileSync, renameSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const SETTINGS_FILE_NAME = 'settings.json';

const boundsSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000).optional(),
  y: z.number().int().min(-100_000).max(100_000).optional(),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof boundsSchema>;

const pathSchema = z.string().min(1).max(4096);

export interface Settings {
  version: 1;
  /** Stands folders the organiser added (absolute paths), in the order they were added. */
  folders: string[];
  /** Whether the embedded demo collection is shown (until the organiser removes it). */
  showDemo: boolean;
  /** Where the demo collection was indexed from last time; it moves when the app is updated. */
  demoRoot: string | null;
  window: WindowBounds | null;
  /** Reserved for kiosk mode's options; kept as written until kiosk mode defines them. */
  kiosk: Record<string, unknown> | null;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: 1,
  folders: [],
  showDemo: true,
  demoRoot: null,
  window: null,
  kiosk: null,
});

const fieldSchemas = {
  folders: z.array(pathSchema).max(1000),
  showDemo: z.boolean(),
  demoRoot: pathSchema.nullable(),
  window: boundsSchema.nullable(),
  kiosk: z.record(z.string(), z.unknown()).nullable(),
} as const;

export interface LoadedSettings {
  settings: Settings;
  /** Sentences for the organiser about what went wrong reading the file, if anything. */
  notices: string[];
}

function defaults(): Settings {
  return structuredClone({ ...DEFAULT_SETTINGS }) as Settings;
}

/** Reads the settings file; missing → defaults, corrupt → moved aside and defaults, with a notice. */
export function loadSettings(file: string, now: () => Date = () => new Date()): LoadedSettings {
  if (!existsSync(file)) return { settings: defaults(), notices: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return setAside(file, now, `could not be read (${(error as Error).message})`, defaults(), 'move');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return setAside(file, now, 'does not hold settings', defaults(), 'move');
  }
  const record = parsed as Record<string, unknown>;
  const settings = defaults();
  const wrong: string[] = [];
  for (const key of Object.keys(fieldSchemas) as (keyof typeof fieldSchemas)[]) {
    if (!Object.hasOwn(record, key)) continue;
    const result = fieldSchemas[key].safeParse(record[key]);
    if (result.success) (settings as unknown as Record<string, unknown>)[key] = result.data;
    else wrong.push(key);
  }
  settings.folders = [...new Set(settings.folders)];
  if (wrong.length > 0) {
    return setAside(file, now, `had invalid values for ${wrong.join(', ')}`, settings, 'copy');
  }
  return { settings, notices: [] };
}

function setAside(
  file: string,
  now: () => Date,
  problem: string,
  settings: Settings,
  how: 'move' | 'copy',
): LoadedSettings {
  const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
  let where: string;
  try {
    if (how === 'move') renameSync(file, aside);
    else copyFileSync(file, aside);
    where = ` It was kept as ${aside}.`;
  } catch {
    // The file could not be set aside (read-only folder): say nothing about a copy that does not exist.
    where = '';
  }
  const outcome = how === 'move' ? 'Default settings are used' : 'Those settings were reset';
  return {
    settings,
    notices: [`The settings file ${problem}. ${outcome}; your stands folders are untouched.${where}`],
  };
}

/** Writes the settings atomically: a half-written file can never replace a good one. */
export function saveSettings(file: string, settings: Settings): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(settings, null, 2) + '\n', { encoding: 'utf8', mode: 0o600 });
  renameSync(temporary, file);
}

/** Settings held in memory and written through on every change. */
export interface SettingsStore {
  get(): Readonly<Settings>;
  update(change: (draft: Settings) => void): void;
  readonly notices: readonly string[];
}

/** Opens the settings file; `file` null keeps settings in memory only (tests, the Chromium harness). */
export function openSettings(file: string | null): SettingsStore {
  const loaded = file ? loadSettings(file) : { settings: defaults(), notices: [] };
  let current = loaded.settings;
  const notices = [...loaded.notices];
  return {
    get: () => current,
    update(change) {
      const draft = structuredClone(current);
      change(draft);
      current = draft;
      if (!file) return;
      try {
        saveSettings(file, current);
      } catch (error) {
        notices.push(`Settings could not be saved: ${(error as Error).message}`);
      }
    },
    notices,
  };
}
