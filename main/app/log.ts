// The app's log: what happened on a machine nobody was watching (a kiosk whose page crashed and was
// reloaded, an engine that stopped, a folder that could not be read, an error in the main process), for
// the organiser to read afterwards. electron-log writes it: `main.log` in the app's logs folder, at most
// 1 MiB, the one before it kept as `main.old.log`. Its Node entry is used, not its Electron one, which
// would register IPC channels that renderers could write to; this module imports nothing from electron.
import log from 'electron-log/node';
import { join } from 'node:path';

export const LOG_FILE_NAME = 'main.log';
/** Size at which the log starts again, keeping the full one as `main.old.log`. */
export const LOG_MAX_BYTES = 1024 ** 2;

export interface AppLog {
  /** The log file's full path. */
  readonly file: string;
  info(message: string): void;
  warn(message: string): void;
  /** An error with its stack, when there is one. */
  error(message: string, error?: unknown): void;
}

/**
 * Opens the log in `dir` (created when missing) and from now on writes uncaught exceptions and
 * unhandled promise rejections of this process to it, without Electron's error dialog: on a kiosk that
 * dialog would cover the screen until someone with a mouse came by. Writing never throws: a log folder
 * that cannot be written to leaves a line on the console and nothing else.
 */
export function openAppLog(dir: string): AppLog {
  const file = join(dir, LOG_FILE_NAME);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  // The terminal a developer started the app from hears what went wrong, not every line.
  log.transports.console.level = 'warn';
  log.errorHandler.startCatching({ showDialog: false });
  const safely = (write: () => void) => {
    try {
      write();
    } catch {
      // A log that cannot be written must never take the app down with it.
    }
  };
  return {
    file,
    info: (message) => safely(() => log.info(message)),
    warn: (message) => safely(() => log.warn(message)),
    error: (message, error) =>
      safely(() => (error === undefined ? log.error(message) : log.error(message, error))),
  };
}
