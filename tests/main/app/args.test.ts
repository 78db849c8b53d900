import { describe, expect, it } from 'vitest';
import { HELP_TEXT, parseAppArgs, userArgs } from '../../../main/app/args';

const cwd = '/home/organiser';

describe('parseAppArgs', () => {
  it('takes a folder, resolved against the working directory', () => {
    expect(parseAppArgs(['stands/2026'], cwd).folder).toBe('/home/organiser/stands/2026');
    expect(parseAppArgs(['/srv/stands'], cwd).folder).toBe('/srv/stands');
  });

  it('has no folder, kiosk or help by default', () => {
    expect(parseAppArgs([], cwd)).toEqual({
      folder: null,
      kiosk: false,
      kioskConfig: null,
      kioskFileMissing: false,
      kioskTrial: false,
      help: false,
      errors: [],
    });
  });

  it('recognises --help and -h', () => {
    expect(parseAppArgs(['--help'], cwd).help).toBe(true);
    expect(parseAppArgs(['-h'], cwd).help).toBe(true);
    expect(HELP_TEXT).toContain('--kiosk');
    expect(HELP_TEXT).toContain('npm start -- --');
  });

  it('recognises --kiosk and its configuration file in every spelling', () => {
    expect(parseAppArgs(['--kiosk'], cwd)).toMatchObject({ kiosk: true, kioskConfig: null });
    expect(parseAppArgs(['--kiosk-config', 'hall.standalone-kiosk.json'], cwd)).toMatchObject({
      kiosk: true,
      kioskConfig: '/home/organiser/hall.standalone-kiosk.json',
    });
    expect(parseAppArgs(['--kiosk-config=/etc/k.json'], cwd)).toMatchObject({
      kiosk: true,
      kioskConfig: '/etc/k.json',
    });
    expect(parseAppArgs(['--kiosk=/etc/k.json'], cwd)).toMatchObject({
      kiosk: true,
      kioskConfig: '/etc/k.json',
    });
    expect(parseAppArgs(['--kiosk', 'a.standalone-kiosk.json', '/srv/stands'], cwd)).toMatchObject({
      kiosk: true,
      kioskConfig: '/home/organiser/a.standalone-kiosk.json',
      folder: '/srv/stands',
    });
  });

  it('treats a kiosk file given as a plain argument as the kiosk configuration, not a folder', () => {
    expect(parseAppArgs(['/media/usb/Hall.Standalone-Kiosk.json'], cwd)).toMatchObject({
      folder: null,
      kiosk: true,
      kioskConfig: '/media/usb/Hall.Standalone-Kiosk.json',
    });
  });

  it('takes a file: URL as the path it names, as a Linux file manager passes a double-clicked file (%U)', () => {
    expect(parseAppArgs(['file:///home/kiosk/My%20Kiosk/entrance.standalone-kiosk'], cwd)).toMatchObject({
      folder: null,
      kiosk: true,
      kioskConfig: '/home/kiosk/My Kiosk/entrance.standalone-kiosk',
      kioskTrial: false,
    });
    expect(parseAppArgs(['--kiosk-config', 'file:///home/kiosk/k.standalone-kiosk'], cwd).kioskConfig).toBe(
      '/home/kiosk/k.standalone-kiosk',
    );
    expect(parseAppArgs(['file:///srv/stands%202026'], cwd).folder).toBe('/srv/stands 2026');
  });

  it('reports --kiosk-config without a file, and still starts a (default, locked) kiosk rather than the desktop app', () => {
    const args = parseAppArgs(['--kiosk-config'], cwd);
    expect(args).toMatchObject({ kiosk: true, kioskConfig: null, kioskFileMissing: true });
    expect(args.errors).toEqual([
      '--kiosk-config needs a file: --kiosk-config /path/to/entrance.standalone-kiosk',
    ]);
    for (const argv of [['--kiosk-config='], ['--kiosk-config', '--kiosk'], ['--kiosk=']]) {
      expect(parseAppArgs(argv, cwd), argv.join(' ')).toMatchObject({
        kiosk: true,
        kioskConfig: null,
        kioskFileMissing: true,
      });
    }
  });

  it('makes a trial kiosk of a bare --kiosk only: not with a folder, a kiosk file, or one asked for', () => {
    expect(parseAppArgs(['--kiosk'], cwd)).toMatchObject({
      kiosk: true,
      kioskConfig: null,
      kioskFileMissing: false,
      kioskTrial: true,
    });
    for (const argv of [
      ['--kiosk', 'hall.standalone-kiosk'],
      ['--kiosk', '/srv/stands'],
      ['--kiosk', 'kiosk.json'],
      ['--kiosk-config'],
      ['--kiosk='],
      ['--kiosk', '--kiosk-config'],
      // A start script's unset variable, and a misspelt switch.
      ['--kiosk', ''],
      ['--kiosk-conf=/srv/hall.standalone-kiosk'],
    ]) {
      expect(parseAppArgs(argv, cwd).kioskTrial, argv.join(' ')).toBe(false);
      expect(parseAppArgs(argv, cwd).kiosk, argv.join(' ')).toBe(true);
    }
    expect(parseAppArgs(['/srv/stands'], cwd).kioskTrial).toBe(false);
    expect(parseAppArgs(['--kiosk-conf=/srv/hall.standalone-kiosk'], cwd).errors).toEqual([
      'Unknown option --kiosk-conf: did you mean --kiosk-config <file>?',
    ]);
  });

  it('ignores switches Electron and Chromium add, even between our arguments', () => {
    const args = parseAppArgs(
      [
        '--allow-file-access-from-files',
        '--no-sandbox',
        '/srv/stands',
        '--original-process-start-time=1',
        '-psn_0_1',
      ],
      cwd,
    );
    expect(args).toMatchObject({ folder: '/srv/stands', errors: [] });
  });

  it('keeps the first folder and reports the others', () => {
    const args = parseAppArgs(['/a', '/b'], cwd);
    expect(args.folder).toBe('/a');
    expect(args.errors).toEqual([expect.stringContaining('/b')]);
  });

  it('takes everything after a bare -- as a folder, dashes and all', () => {
    expect(parseAppArgs(['--', '--odd-name'], cwd).folder).toBe('/home/organiser/--odd-name');
  });
});

describe('userArgs', () => {
  it('drops the executable, and the app path when running unpackaged', () => {
    expect(userArgs(['/usr/bin/electron', '.', '/srv/stands'], true)).toEqual(['/srv/stands']);
    expect(userArgs(['/opt/Standalone/standalone', '/srv/stands'], false)).toEqual(['/srv/stands']);
  });
});
