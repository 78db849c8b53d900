// Making a kiosk file from the desktop app, for organisers who have the packaged app but no Node to run
// scripts/kiosk-pin.mjs. Writes exactly what ./config.ts reads back. Plain Node, no electron.
import { randomBytes } from 'node:crypto';
import { lstat, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import type { KioskSettings } from '../../preload/contract';
import { DEFAULT_KIOSK_SETTINGS, KIOSK_FILE_SUFFIXES, KIOSK_FILE_SUFFIX, KIOSK_FILE_VERSION } from './config';

/** The name the save dialog proposes. */
export const KIOSK_FILE_DEFAULT_NAME = `kiosk${KIOSK_FILE_SUFFIX}`;

export interface KioskFileContent {
  /** Absolute stands folders, in the order the kiosk indexes them. */
  folders: string[];
  /** The collection id the kiosk starts on, or null for the first. */
  edition: string | null;
  /** The organiser PIN's hash line (`hashPin`); the PIN itself never reaches this module. */
  pinHash: string;
  startScreen?: KioskSettings['startScreen'];
  idleTimeoutSeconds?: number;
  textSize?: KioskSettings['textSize'];
}

/**
 * How a folder is written in a kiosk file at `kioskFile`: relative to the file's own folder when it lies
 * inside it (so the two can be copied together), else absolute; forward slashes either way, which JSON
 * takes without escaping and config.ts reads on every system.
 */
export function kioskFolderEntry(folder: string, kioskFile: string): string {
  const base = dirname(resolve(kioskFile));
  const inside = relative(base, resolve(folder));
  const isInside = !isAbsolute(inside) && inside !== '..' && !inside.startsWith(`..${sep}`);
  const entry = isInside ? inside || '.' : resolve(folder);
  return entry.split(sep).join('/');
}

/** The kiosk file's text: the folders, edition and PIN hash, and only the settings that differ from the defaults. */
export function kioskFileText(content: KioskFileContent, kioskFile: string): string {
  const d = DEFAULT_KIOSK_SETTINGS;
  const file: Record<string, unknown> = {
    version: KIOSK_FILE_VERSION,
    folders: content.folders.map((folder) => kioskFolderEntry(folder, kioskFile)),
    edition: content.edition,
  };
  if (content.startScreen && content.startScreen !== d.startScreen) file.startScreen = content.startScreen;
  if (content.idleTimeoutSeconds !== undefined && content.idleTimeoutSeconds !== d.idleTimeoutSeconds)
    file.idleTimeoutSeconds = content.idleTimeoutSeconds;
  if (content.textSize && content.textSize !== d.textSize) file.textSize = content.textSize;
  file.pinHash = content.pinHash;
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Where the save dialog proposes the kiosk file: in the folder that holds the stands `folders` (the
 * nearest one holding them all), where they are written relative to the file and so travel with it. Just
 * the name (the dialog's own folder) when that is a whole disk or is not there (a USB stick taken out).
 */
export async function kioskFileDefaultPath(folders: readonly string[]): Promise<string> {
  const parents = folders.map((folder) => dirname(resolve(folder)).split(sep));
  const common: string[] = [];
  for (let i = 0; parents.length > 0 && i < parents[0]!.length; i++) {
    const part = parents[0]![i]!;
    if (!parents.every((parts) => parts[i] === part)) break;
    common.push(part);
  }
  const holder = common.join(sep);
  if (holder === '' || parse(holder).root === holder) return KIOSK_FILE_DEFAULT_NAME;
  const there = await stat(holder).then(
    (info) => info.isDirectory(),
    () => false,
  );
  return there ? join(holder, KIOSK_FILE_DEFAULT_NAME) : KIOSK_FILE_DEFAULT_NAME;
}

/** The chosen path with the kiosk file ending added when the dialog left it off (a Linux save dialog may). */
export function withKioskSuffix(file: string): string {
  const lower = file.toLowerCase();
  return KIOSK_FILE_SUFFIXES.some((suffix) => lower.endsWith(suffix)) ? file : `${file}${KIOSK_FILE_SUFFIX}`;
}

/**
 * Where the kiosk file goes for the path the save dialog returned (withKioskSuffix), and whether it would
 * replace a file the dialog never asked about: the dialog asks only about the name it returns, so with the
 * ending added here the name may be that of an existing file.
 */
export async function kioskFileTarget(chosen: string): Promise<{ file: string; replacesUnasked: boolean }> {
  const file = withKioskSuffix(chosen);
  if (file === chosen) return { file, replacesUnasked: false };
  const exists = await lstat(file).then(
    () => true,
    () => false,
  );
  return { file, replacesUnasked: exists };
}

function describeWriteError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const where = dirname(file);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `The kiosk file could not be saved in ${where}: that place is read-only or you may not write there. Choose another folder.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `The kiosk file could not be saved in ${where}: the disk is full.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The kiosk file could not be saved: the folder ${where} does not exist.`;
    case 'EISDIR':
      return `The kiosk file could not be saved: ${file} is a folder.`;
    default:
      return `The kiosk file could not be saved as ${file} (${code ?? (error as Error).message}).`;
  }
}

/**
 * Writes `text` to `file` atomically: into a temporary file beside it, then renamed over it, so an older
 * kiosk file is never left half-written. Throws an organiser-facing message when the place is not writable.
 */
export async function writeKioskFile(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new Error(describeWriteError(file, error), { cause: error });
  }
}
