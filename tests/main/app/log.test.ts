// The app's log file, written by the real electron-log (its Node entry) into a temporary folder.
import log from 'electron-log/node';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, LOG_MAX_BYTES, openAppLog, type AppLog } from '../../../main/app/log';

let tmp: string;
let dir: string;
let appLog: AppLog;
let listenersBefore: { uncaught: unknown[]; rejection: unknown[] };

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'standalone-log-'));
  // A logs folder that does not exist yet, as on the first start of a new install.
  dir = join(tmp, 'user data', 'logs');
  listenersBefore = {
    uncaught: process.listeners('uncaughtException'),
    rejection: process.listeners('unhandledRejection'),
  };
  appLog = openAppLog(dir);
  // What reaches the terminal is not under test: keep the test's output clean.
  log.transports.console.level = false;
});

afterAll(() => {
  log.errorHandler.stopCatching();
  rmSync(tmp, { recursive: true, force: true });
});

const logText = () => readFileSync(join(dir, LOG_FILE_NAME), 'utf8');

describe('openAppLog', () => {
  it('writes each line with its date and level to main.log in the folder it is given', () => {
    appLog.info('Standalone 1.2.3 started');
    appLog.warn('The stands folder /media/usb/stands is not available.');
    expect(appLog.file).toBe(join(dir, LOG_FILE_NAME));
    const lines = logText().trim().split('\n');
    expect(lines.at(-2)).toMatch(
      /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\] {2}Standalone 1\.2\.3 started$/,
    );
    expect(lines.at(-1)).toMatch(/\[warn\] {2}The stands folder \/media\/usb\/stands is not available\.$/);
  });

  it('writes an error with its stack', () => {
    appLog.error('The app could not start', new Error('settings folder is read-only'));
    const text = logText();
    expect(text).toContain('The app could not start');
    expect(text).toContain('Error: settings folder is read-only');
    expect(text).toMatch(/at .*log\.test\.ts/);
  });

  // A listener of the app's own is also what keeps Electron from showing its error dialog.
  it('writes an uncaught exception of the main process to the log', () => {
    const added = process
      .listeners('uncaughtException')
      .filter((listener) => !listenersBefore.uncaught.includes(listener));
    expect(added).toHaveLength(1);
    added[0]!(new Error('a handler threw after the window closed'), 'uncaughtException');
    expect(logText()).toContain('Error: a handler threw after the window closed');
  });

  it('writes an unhandled promise rejection to the log', () => {
    const added = process
      .listeners('unhandledRejection')
      .filter((listener) => !listenersBefore.rejection.includes(listener));
    expect(added).toHaveLength(1);
    added[0]!(new Error('indexing promise nobody awaited'), Promise.resolve());
    expect(logText()).toContain('indexing promise nobody awaited');
  });

  it('starts a new file past 1 MiB and keeps the full one as main.old.log', () => {
    const line = 'x'.repeat(1000);
    for (let written = 0; written <= LOG_MAX_BYTES; written += line.length) appLog.info(line);
    appLog.info('after the rotation');
    expect(existsSync(join(dir, 'main.old.log'))).toBe(true);
    expect(statSync(join(dir, LOG_FILE_NAME)).size).toBeLessThan(LOG_MAX_BYTES);
    expect(logText()).toContain('after the rotation');
  });
});

describe('a log that cannot be written', () => {
  it('never throws: the app goes on without it', () => {
    // The logs "folder" is a file: nothing can be created in it.
    const blocked = join(tmp, 'blocked');
    writeFileSync(blocked, 'not a folder');
    const broken = openAppLog(blocked);
    log.transports.console.level = false;
    expect(() => {
      broken.info('started');
      broken.error('failed', new Error('boom'));
    }).not.toThrow();
    expect(existsSync(join(blocked, LOG_FILE_NAME))).toBe(false);
  });
});
