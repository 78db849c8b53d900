// Where the app keeps its store, computed without Electron so the command line can prepare a kiosk's
// store in the very place the app will read it. Mirrors `app.getPath('userData')` for productName
// "Standalone"; the app glue uses the same functions so the two can never disagree.
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The application folder name Electron derives from package.json's productName. */
export const APP_DIR_NAME = 'Standalone';

/** The store's file name inside the user data folder. */
export const STORE_FILE_NAME = 'standalone-store.json';

/** Electron's userData folder for this app on the given platform (defaults: this process's). */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, APP_DIR_NAME);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  // Chromium takes XDG_CONFIG_HOME as it is whenever it is set and not empty.
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), APP_DIR_NAME);
}

/**
 * The folder `STANDALONE_USER_DATA` moves the app's data to (tests, portable kiosk setups), or null when
 * it is unset, empty or not an absolute path (the app then keeps its default folder).
 */
export function movedUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const dir = env.STANDALONE_USER_DATA;
  if (!dir) return null;
  return (platform === 'win32' ? win32 : posix).isAbsolute(dir) ? dir : null;
}

/** The user data folder the app really uses: STANDALONE_USER_DATA's when it moves it, else the default. */
export function appUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  return movedUserDataDir(env, platform) ?? defaultUserDataDir(env, platform, home);
}

/** The store file inside a user data folder. */
export function storeFileIn(dir: string): string {
  // A Windows folder keeps Windows separators, whatever platform computes it.
  return /^[A-Za-z]:\\|^\\\\/.test(dir) ? win32.join(dir, STORE_FILE_NAME) : posix.join(dir, STORE_FILE_NAME);
}
