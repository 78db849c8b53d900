// One app at a time: a second launch hands its arguments to the first and quits.
import type { App } from 'electron';
import { parseAppArgs, type AppArgs } from './args';

/** What a second instance hands over (Chromium may reorder argv, so the parsed arguments travel as data). */
export interface HandOver {
  folder: string | null;
}

/**
 * Takes the single-instance lock. Returns false when another instance holds it (this one should quit);
 * otherwise calls `onSecondInstance` with each later launch's arguments.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  own: AppArgs,
  onSecondInstance: (handOver: HandOver) => void,
): boolean {
  const handOver: HandOver = { folder: own.folder };
  if (!app.requestSingleInstanceLock(handOver as unknown as Record<string, unknown>)) return false;
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    onSecondInstance(handOverFrom(additionalData, argv, workingDirectory));
  });
  return true;
}

/** The folder a second instance asked for: from its hand-over data, else parsed from its argv. */
export function handOverFrom(additionalData: unknown, argv: string[], workingDirectory: string): HandOver {
  if (typeof additionalData === 'object' && additionalData !== null && 'folder' in additionalData) {
    const folder = (additionalData as { folder: unknown }).folder;
    if (folder === null || (typeof folder === 'string' && folder.length <= 4096)) return { folder };
  }
  // Without data (an older instance), the folder is the last plain argument; the first two are Electron's.
  return {
    folder: parseAppArgs(
      argv.slice(1).filter((a) => a !== '.'),
      workingDirectory,
    ).folder,
  };
}
