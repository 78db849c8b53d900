// How the app learns it is a kiosk: `--kiosk`, `--kiosk=<file>`, `--kiosk <file>`, or a kiosk file passed as
// an argument (double-clicked, a start-at-login shortcut). Plain Node: the app's glue calls these at start.
import { isAbsolute, resolve } from 'node:path';
import { KIOSK_FILE_SUFFIX, defaultKioskConfig, loadKioskConfig, type KioskConfig } from './config';

export interface KioskRequest {
  kiosk: boolean;
  /** Absolute path of the kiosk file named on the command line, or null. */
  configFile: string | null;
}

const isKioskFile = (arg: string): boolean => arg.toLowerCase().endsWith(KIOSK_FILE_SUFFIX);

/** Reads kiosk intent from command-line arguments (the process's argv minus the executable is fine too). */
export function kioskRequestFromArgv(argv: readonly string[], cwd: string): KioskRequest {
  let kiosk = false;
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--kiosk') {
      kiosk = true;
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-') && isKioskFile(next)) {
        file = next;
        i++;
      }
    } else if (arg.startsWith('--kiosk=')) {
      kiosk = true;
      const value = arg.slice('--kiosk='.length);
      if (value) file = value;
    } else if (!arg.startsWith('-') && isKioskFile(arg)) {
      kiosk = true;
      file = arg;
    }
  }
  return { kiosk, configFile: file === null ? null : isAbsolute(file) ? resolve(file) : resolve(cwd, file) };
}

export interface KioskStartup {
  enabled: boolean;
  config: KioskConfig;
  /** Shown to organisers only (PIN pad, organiser panel); null when all is well. */
  configError: string | null;
}

/** Text organisers see when the kiosk was started without a file, so it has no PIN. */
export const NO_KIOSK_FILE_NOTICE =
  'This kiosk was started without a kiosk file, so it uses the default settings and has no organiser PIN: ' +
  'it cannot be unlocked on screen. Start it with a *.standalone-kiosk.json file (see docs/kiosk.md).';

/** Loads what a kiosk request asks for; never throws (a bad file gives the safe default and an error). */
export async function loadKioskStartup(request: KioskRequest): Promise<KioskStartup> {
  if (request.configFile === null) {
    return {
      enabled: request.kiosk,
      config: defaultKioskConfig(),
      configError: request.kiosk ? NO_KIOSK_FILE_NOTICE : null,
    };
  }
  const loaded = await loadKioskConfig(request.configFile);
  return { enabled: true, config: loaded.config, configError: loaded.error };
}
