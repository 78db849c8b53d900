// Starting as a kiosk: `--kiosk`, `--kiosk-config <file>` (parsed by main/app/args.ts) or a kiosk file passed
// as an argument (double-clicked, a start-at-login shortcut). Plain Node: the app's glue calls these at start.
import { KIOSK_FILE_SUFFIXES, defaultKioskConfig, loadKioskConfig, type KioskConfig } from './config';

export interface KioskRequest {
  /** `--kiosk` or a kiosk file was given. */
  kiosk: boolean;
  /** Absolute path of the kiosk file named on the command line, or null. */
  configFile: string | null;
  /** A kiosk file was asked for but not named (see AppArgs.kioskFileMissing), for the organiser's notice. */
  fileMissing?: boolean;
  /** The trial kiosk (AppArgs.kioskTrial): only when asked for, so any other file-less kiosk stays locked. */
  trial?: boolean;
}

/** Shown to organisers when a kiosk was started without a kiosk file and is no trial (a folder was given). */
export const NO_KIOSK_FILE_NOTICE =
  'This kiosk was started without a kiosk file, so it uses the default settings and has no organiser PIN: ' +
  'it cannot be unlocked on screen. Start it with a *.standalone-kiosk file (see docs/kiosk.md), or with ' +
  '--kiosk alone to try kiosk mode out.';

/** Shown to organisers when the kiosk file has no usable pinHash. */
export const KIOSK_FILE_NO_PIN_NOTICE =
  'This kiosk file has no usable pinHash, so no PIN unlocks this kiosk on screen. Make a new kiosk file ' +
  'with "Make a kiosk file…" on the Collections screen of Standalone on a computer, or make the hash ' +
  'with npm run kiosk:pin and add it to the kiosk file as "pinHash" (see docs/kiosk.md).';

/** Shown to organisers when a kiosk file was asked for but not named. */
export const KIOSK_FILE_MISSING_NOTICE =
  'A kiosk file was asked for but none was named, so this kiosk uses the default settings and has no ' +
  'organiser PIN: it cannot be unlocked on screen. Name the file: --kiosk-config /path/to/entrance.standalone-kiosk';

/**
 * True for a command-line argument naming a kiosk file (`*.standalone-kiosk` or `*.standalone-kiosk.json`,
 * any case): what a double-click on the file or a start-at-login shortcut passes, so the app's argument
 * parser can treat it as `--kiosk-config <file>` rather than as a stands folder.
 */
export function isKioskFilePath(arg: string): boolean {
  const lower = arg.toLowerCase();
  return !arg.startsWith('-') && KIOSK_FILE_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

export interface KioskStartup {
  enabled: boolean;
  config: KioskConfig;
  /** Shown to organisers only (PIN pad, organiser panel); null when all is well. */
  configError: string | null;
  /**
   * A trial kiosk: `--kiosk` with no kiosk file, so no PIN, and the organiser gesture unlocks it without
   * one (else the organiser's own machine would stay locked). Never set for a kiosk file: a file without
   * a usable `pinHash` cannot be unlocked on screen.
   */
  trial?: boolean;
}

/** Loads what a kiosk request asks for; never throws (a bad file gives the safe default and an error). */
export async function loadKioskStartup(request: KioskRequest): Promise<KioskStartup> {
  if (request.configFile === null) {
    const trial = request.kiosk && request.trial === true && request.fileMissing !== true;
    const locked = request.kiosk && !trial;
    return {
      enabled: request.kiosk,
      config: defaultKioskConfig(),
      configError: !locked ? null : request.fileMissing ? KIOSK_FILE_MISSING_NOTICE : NO_KIOSK_FILE_NOTICE,
      trial,
    };
  }
  const loaded = await loadKioskConfig(request.configFile);
  // Without a PIN hash nothing unlocks it: the PIN pad says so, rather than "That PIN is not right".
  const noPin = loaded.config.pinHash === null ? KIOSK_FILE_NO_PIN_NOTICE : null;
  const configError = [loaded.error, noPin].filter((text) => text !== null).join('\n\n') || null;
  return { enabled: true, config: loaded.config, configError, trial: false };
}

/**
 * The demo stands' folder for this start, or null for none: a kiosk whose file names its folders shows
 * those alone, not the demo that a first launch by hand (past the unsigned-app warning) left on.
 */
export function demoRootFor(startup: KioskStartup, demoRoot: string): string | null {
  return startup.enabled && startup.config.folders.length > 0 ? null : demoRoot;
}
