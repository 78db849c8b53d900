import { describe, expect, it } from 'vitest';
import { appUserDataDir, defaultUserDataDir, storeFileIn } from '../../main/paths';

describe('defaultUserDataDir', () => {
  it('follows XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/x/conf' }, 'linux', '/home/ann')).toBe(
      '/x/conf/Standalone',
    );
    expect(defaultUserDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Standalone');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ann')).toBe(
      '/home/ann/.config/Standalone',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/ignored' }, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Standalone',
    );
  });

  it('uses APPDATA on Windows, with Windows separators', () => {
    expect(
      defaultUserDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann'),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Standalone');
    expect(defaultUserDataDir({}, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Standalone',
    );
  });
});

describe('appUserDataDir', () => {
  it('is STANDALONE_USER_DATA when that is an absolute path, as the app takes it', () => {
    expect(appUserDataDir({ STANDALONE_USER_DATA: '/kiosk/data' }, 'linux', '/home/ann')).toBe('/kiosk/data');
    expect(appUserDataDir({ STANDALONE_USER_DATA: 'D:\\Kiosk\\data' }, 'win32', 'C:\\Users\\ann')).toBe(
      'D:\\Kiosk\\data',
    );
  });

  it('is the default folder when STANDALONE_USER_DATA is unset, empty or relative', () => {
    for (const value of [undefined, '', 'data']) {
      expect(appUserDataDir({ STANDALONE_USER_DATA: value }, 'linux', '/home/ann')).toBe(
        '/home/ann/.config/Standalone',
      );
    }
  });
});

describe('storeFileIn', () => {
  it('names the store file inside the folder, keeping the folder style', () => {
    expect(storeFileIn('/home/ann/.config/Standalone')).toBe(
      '/home/ann/.config/Standalone/standalone-store.json',
    );
    expect(storeFileIn('C:\\Users\\ann\\AppData\\Roaming\\Standalone')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Standalone\\standalone-store.json',
    );
  });
});
