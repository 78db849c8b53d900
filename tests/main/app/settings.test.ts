import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, openSettings, saveSettings } from '../../../main/app/settings';

let dir: string;
let file: string;
const now = () => new Date('2026-02-01T10:00:00.000Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'standalone-settings-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const asideFiles = () => readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-'));

describe('loadSettings', () => {
  it('uses defaults without a notice when there is no file yet', () => {
    expect(loadSettings(file)).toEqual({ settings: DEFAULT_SETTINGS, notices: [] });
  });

  it('reads back what was saved', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      folders: ['/srv/a', '/srv/b'],
      window: { x: 1, y: 2, width: 900, height: 700, maximized: false },
    };
    saveSettings(file, settings);
    expect(loadSettings(file)).toEqual({ settings, notices: [] });
  });

  it.each([
    ['truncated JSON', '{"version": 1, "folders": ["/srv/a"'],
    ['not JSON at all', '\u0000\u0001binary garbage'],
    ['an empty file', ''],
    ['an array', '["/srv/a"]'],
    ['a string', '"settings"'],
    ['null', 'null'],
  ])('moves %s aside and uses defaults, with a notice', (_name, content) => {
    writeFileSync(file, content);
    const { settings, notices } = loadSettings(file, now);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/settings file/i);
    expect(notices[0]).toContain('settings.json.corrupt-2026-02-01T10-00-00-000Z');
    expect(existsSync(file)).toBe(false);
    expect(asideFiles()).toEqual(['settings.json.corrupt-2026-02-01T10-00-00-000Z']);
    expect(readFileSync(join(dir, asideFiles()[0]!), 'utf8')).toBe(content);
  });

  it('keeps the valid fields of a partly wrong file, keeping a copy of the original', () => {
    const original = JSON.stringify({
      version: 1,
      folders: ['/srv/a'],
      window: { width: 'wide' },
      showDemo: 'yes',
    });
    writeFileSync(file, original);
    const { settings, notices } = loadSettings(file, now);
    expect(settings.folders).toEqual(['/srv/a']);
    expect(settings.window).toBeNull();
    expect(settings.showDemo).toBe(true);
    expect(notices[0]).toMatch(/window, showDemo|showDemo, window/);
    expect(readFileSync(join(dir, asideFiles()[0]!), 'utf8')).toBe(original);
  });

  it('ignores __proto__ and unknown keys without polluting anything', () => {
    writeFileSync(file, '{"__proto__": {"polluted": true}, "folders": ["/srv/a"], "extra": 1}');
    const { settings } = loadSettings(file, now);
    expect(settings.folders).toEqual(['/srv/a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });

  it('drops duplicate folders', () => {
    writeFileSync(file, JSON.stringify({ folders: ['/srv/a', '/srv/a'] }));
    expect(loadSettings(file).settings.folders).toEqual(['/srv/a']);
  });
});

describe('openSettings', () => {
  it('writes through every change atomically', () => {
    const store = openSettings(file);
    store.update((s) => void s.folders.push('/srv/a'));
    expect(JSON.parse(readFileSync(file, 'utf8')).folders).toEqual(['/srv/a']);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps changes in memory only without a file', () => {
    const store = openSettings(null);
    store.update((s) => void (s.showDemo = false));
    expect(store.get().showDemo).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('carries the corruption notice', () => {
    writeFileSync(file, '{oops');
    expect(openSettings(file).notices).toHaveLength(1);
  });
});
