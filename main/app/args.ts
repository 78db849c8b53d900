// Command-line parsing for the app (not the `standalone` CLI). Pure: the caller passes argv without the
// executable (and without the app path when Electron runs unpackaged) and the working directory.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIOSK_FILE_SUFFIX } from '../kiosk/config';
import { isKioskFilePath } from '../kiosk/startup';

export interface AppArgs {
  /** A stands folder to open (absolute), or null. */
  folder: string | null;
  kiosk: boolean;
  /** Kiosk configuration file (absolute), or null. */
  kioskConfig: string | null;
  /**
   * A kiosk file was asked for (`--kiosk-config`, `--kiosk=`) but none given: the default kiosk, locked
   * for good, never the trial kiosk that bare `--kiosk` starts (a broken start-at-login shortcut must not
   * give visitors a kiosk that unlocks without a PIN).
   */
  kioskFileMissing: boolean;
  /**
   * `--kiosk` and nothing else of ours: the trial kiosk, which unlocks without a PIN, for trying kiosk
   * mode out. Never with a folder or a kiosk file asked for: those are kiosks set up to stay locked.
   */
  kioskTrial: boolean;
  help: boolean;
  /** Problems with the arguments, worded for the person who typed them. */
  errors: string[];
}

export const HELP_TEXT = `Standalone: browse conference stands offline.

Usage: Standalone [options] [folder]

  folder                  a stands folder (config.toml, content/, static/) to index and open
  --kiosk                 a trial kiosk: full screen, locked, no links out; the organiser
                          gesture unlocks it without a PIN (real kiosks use a kiosk file)
  --kiosk=<file>          kiosk mode with a kiosk file (*${KIOSK_FILE_SUFFIX})
  --kiosk-config <file>   the same; a kiosk file given as a plain argument works too
  --help, -h              show this help and quit

Without a folder, Standalone opens the folders you added before, or the demo stands on first launch.
From a source checkout: npm start -- -- /path/to/stands   (npm and electron-vite each take one "--").
`;

/** Electron and Chromium add switches of their own to argv (even to a second instance's); they are not ours. */
function isForeignSwitch(arg: string): boolean {
  return arg.startsWith('--') || (arg.startsWith('-') && arg.length > 1);
}

/** Parses the app's own arguments; unknown switches are ignored because Chromium inserts its own. */
export function parseAppArgs(argv: readonly string[], cwd: string): AppArgs {
  const result: AppArgs = {
    folder: null,
    kiosk: false,
    kioskConfig: null,
    kioskFileMissing: false,
    kioskTrial: false,
    help: false,
    errors: [],
  };
  const toAbsolute = (p: string) => {
    const path = fromFileUrl(p);
    return isAbsolute(path) ? path : resolve(cwd, path);
  };
  // An empty argument is what a start script's unset variable gives (`--kiosk "$KIOSK_FILE"`).
  let sawEmpty = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') result.help = true;
    else if (arg === '--kiosk') {
      result.kiosk = true;
      const next = argv[i + 1];
      if (next !== undefined && isKioskFilePath(next)) {
        result.kioskConfig = toAbsolute(next);
        i++;
      }
    } else if (arg.startsWith('--kiosk=')) {
      result.kiosk = true;
      const value = arg.slice('--kiosk='.length);
      if (value) result.kioskConfig = toAbsolute(value);
      else result.kioskFileMissing = true;
    } else if (arg === '--kiosk-config' || arg.startsWith('--kiosk-config=')) {
      const value = arg === '--kiosk-config' ? argv[++i] : arg.slice('--kiosk-config='.length);
      // Asked for a kiosk either way: without its file it is the default locked kiosk, not the open app.
      result.kiosk = true;
      if (!value || value.startsWith('--')) {
        result.errors.push(
          `--kiosk-config needs a file: --kiosk-config /path/to/entrance${KIOSK_FILE_SUFFIX}`,
        );
        if (value) i--;
        result.kioskFileMissing = true;
      } else {
        result.kioskConfig = toAbsolute(value);
      }
    } else if (arg.startsWith('--kiosk')) {
      // A misspelt kiosk switch (`--kiosk-conf=…`) still asks for a kiosk: the locked default one.
      result.kiosk = true;
      result.kioskFileMissing = true;
      result.errors.push(`Unknown option ${arg.split('=')[0]}: did you mean --kiosk-config <file>?`);
    } else if (arg === '--') {
      // Everything after a bare "--" is a folder, even when it starts with a dash.
      for (const rest of argv.slice(i + 1)) addFolder(result, toAbsolute(rest));
      break;
    } else if (arg === '') sawEmpty = true;
    else if (isForeignSwitch(arg)) continue;
    else if (isKioskFilePath(arg)) {
      // Double-clicking a kiosk file (file association) or a start-at-login shortcut.
      result.kiosk = true;
      result.kioskConfig = toAbsolute(arg);
    } else addFolder(result, toAbsolute(arg));
  }
  result.kioskTrial =
    result.kiosk &&
    result.kioskConfig === null &&
    !result.kioskFileMissing &&
    result.folder === null &&
    !sawEmpty;
  return result;
}

/**
 * The path a `file:` URL names, else the argument as it is. A Linux desktop entry's `%U` (electron-builder
 * writes `Exec=… %U`) makes GNOME's file manager pass a double-clicked kiosk file as `file:///…`.
 */
function fromFileUrl(arg: string): string {
  if (!/^file:\/\//i.test(arg)) return arg;
  try {
    return fileURLToPath(arg);
  } catch {
    return arg;
  }
}

function addFolder(result: AppArgs, folder: string): void {
  if (result.folder === null) result.folder = folder;
  else result.errors.push(`Only one folder can be opened from the command line; ignoring ${folder}.`);
}

/** The arguments after Electron's own: the executable, and the app path when running unpackaged. */
export function userArgs(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}
