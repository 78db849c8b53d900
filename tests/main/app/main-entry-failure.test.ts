// main/index.ts when something fails before the window opens: without a window nobody would see the app
// is running, and every later launch would hand over to it, so the app says why and ends.
import { app, BrowserWindow, dialog } from 'electron';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('../../../main/app/services', () => ({
  createAppServices: () => {
    throw new Error('The settings folder is read-only.');
  },
}));

let tmp: string;
const argv = process.argv;

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'standalone-entry-failure-')));
  vi.mocked(app.getPath).mockReturnValue(join(tmp, 'user-data'));
  process.argv = ['/opt/standalone/standalone'];
  await import('../../../main/index');
  (await import('electron-log/node')).default.transports.console.level = false;
  await vi.waitFor(() => expect(app.exit).toHaveBeenCalled(), { timeout: 10_000 });
});

afterAll(async () => {
  (await import('electron-log/node')).default.errorHandler.stopCatching();
  process.argv = argv;
  rmSync(tmp, { recursive: true, force: true });
});

describe('a start that fails before the window opens', () => {
  it('says why in a dialog that names the log, and ends with status 1', () => {
    const logFile = join(tmp, 'user-data', 'main.log');
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Standalone could not start',
      `The settings folder is read-only.\n\nThe details are in ${logFile}`,
    );
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(BrowserWindow).not.toHaveBeenCalled();
  });

  it('writes the error with its stack to the log', () => {
    const text = readFileSync(join(tmp, 'user-data', 'main.log'), 'utf8');
    expect(text).toMatch(
      /\[error\] +Standalone could not start\. Error: The settings folder is read-only\.\n +at /,
    );
  });
});
