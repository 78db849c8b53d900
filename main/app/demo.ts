// The demo stands shipped with the app, shown on first launch so the app is useful at once.
import { join } from 'node:path';

/**
 * Where the demo collection lives: packaged builds carry `resources/demo` as an extra resource next to
 * the asar (`process.resourcesPath/demo`); unpackaged runs read it from the project.
 */
export function demoFolderPath(input: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): string {
  return input.isPackaged ? join(input.resourcesPath, 'demo') : join(input.appPath, 'resources', 'demo');
}
