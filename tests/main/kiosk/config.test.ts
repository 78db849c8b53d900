import { mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_KIOSK_SETTINGS,
  KIOSK_FILE_KEYS,
  loadKioskConfig,
  parseKioskConfig,
  resolveEdition,
} from '../../../main/kiosk/config';
import type { Collection } from '../../../main/engine/types';

// A real hash line (PIN 2468, fixed salt) so valid files stay valid without hashing in every test.
const PIN_HASH = 'scrypt$16384$8$1$AAECAwQFBgcICQoLDA0ODw==$zqTxOQ9+JdPlblLqzTpgLMM2UTmilg/97SVoXbGeuf8=';
const BASE = resolve('/kiosks/entrance');

const errorsOf = (text: string): string[] => {
  const result = parseKioskConfig(text, BASE);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
};
const withPin = (rest: object): string => JSON.stringify({ pinHash: null, ...rest });

const PIN_EXPECTED =
  'must be the PIN hash written by "Make a kiosk file…" on the Collections screen of Standalone on a computer, or the line printed by "npm run kiosk:pin" (it starts with "scrypt$"), or null for a kiosk that cannot be unlocked on screen';

describe('bad kiosk files', () => {
  const table: [name: string, text: string, errors: string[]][] = [
    [
      'idle timeout in words',
      withPin({ idleTimeoutSeconds: 'ninety' }),
      ['idleTimeoutSeconds: must be a number of seconds between 15 and 3600 (got "ninety")'],
    ],
    [
      'idle timeout too short',
      withPin({ idleTimeoutSeconds: 5 }),
      ['idleTimeoutSeconds: must be a number of seconds between 15 and 3600 (got 5)'],
    ],
    [
      'idle timeout too long',
      withPin({ idleTimeoutSeconds: 7200 }),
      ['idleTimeoutSeconds: must be a number of seconds between 15 and 3600 (got 7200)'],
    ],
    [
      'misspelt key',
      withPin({ idleTimeout: 90 }),
      [
        'idleTimeout: is not a kiosk setting (did you mean "idleTimeoutSeconds"?); the keys here are "version", "folders", "edition", "idleTimeoutSeconds", "attract", "featured", "startScreen", "textSize", "pinHash"',
      ],
    ],
    [
      'unknown nested key',
      withPin({ attract: { enabled: true, pace: 5 } }),
      ['attract.pace: is not a kiosk setting; the keys here are "enabled", "slideSeconds"'],
    ],
    [
      'nested key with a typo',
      withPin({ featured: { stand: ['matrix'] } }),
      [
        'featured.stand: is not a kiosk setting (did you mean "stands"?); the keys here are "stands", "themes"',
      ],
    ],
    [
      'attract as a boolean',
      withPin({ attract: true }),
      ['attract: must be an object like {"enabled": true, "slideSeconds": 8} (got true)'],
    ],
    [
      'attract enabled as a string',
      withPin({ attract: { enabled: 'yes' } }),
      ['attract.enabled: must be true or false (got "yes")'],
    ],
    [
      'slides too fast',
      withPin({ attract: { slideSeconds: 1 } }),
      ['attract.slideSeconds: must be a number of seconds between 3 and 60 (got 1)'],
    ],
    [
      'folders as one string',
      withPin({ folders: 'stands' }),
      [
        'folders: must be a list of at most 50 stands folders, absolute or relative to this file, like ["stands/fosdem-2021"] (got "stands")',
      ],
    ],
    [
      'an empty folder path',
      withPin({ folders: ['stands', ''] }),
      [
        'folders[1]: must be a folder path, absolute or relative to this file, like "stands/fosdem-2021" (got "")',
      ],
    ],
    [
      'a folder path with padding',
      withPin({ folders: [' stands'] }),
      [
        'folders[0]: must be a folder path, absolute or relative to this file, like "stands/fosdem-2021" (got " stands")',
      ],
    ],
    [
      'featured stand in capitals and a number',
      withPin({ featured: { stands: ['Matrix', 3] } }),
      [
        'featured.stands[0]: must be a stand slug like "matrix": lower-case letters, digits, "-", "_" or "." (got "Matrix")',
        'featured.stands[1]: must be a stand slug like "matrix": lower-case letters, digits, "-", "_" or "." (got 3)',
      ],
    ],
    [
      'featured themes as an object',
      withPin({ featured: { themes: { web: true } } }),
      [
        'featured.themes: must be a list of at most 50 theme slugs, the folder names under content/themes (got an object)',
      ],
    ],
    [
      'featured as a list',
      withPin({ featured: [] }),
      ['featured: must be an object like {"stands": ["matrix"], "themes": ["web"]} (got a list of 0)'],
    ],
    [
      'unknown start screen',
      withPin({ startScreen: 'home' }),
      ['startScreen: must be one of "overview", "themes", "search", "attract" (got "home")'],
    ],
    [
      'text size as a number',
      withPin({ textSize: 3 }),
      ['textSize: must be one of "normal", "large", "larger" (got 3)'],
    ],
    [
      'edition year out of range',
      withPin({ edition: 1800 }),
      [
        'edition: must be the edition to show: a collection id or name like "fosdem-2021", a year like 2021, or null for the first one (got 1800)',
      ],
    ],
    [
      'a future version',
      withPin({ version: 2 }),
      ['version: must be 1, the only kiosk file version so far (got 2)'],
    ],
    ['no PIN key', JSON.stringify({ idleTimeoutSeconds: 60 }), [`pinHash: is missing; it ${PIN_EXPECTED}`]],
    [
      'the PIN itself instead of its hash',
      JSON.stringify({ pinHash: '1234' }),
      [`pinHash: ${PIN_EXPECTED} (got "1234")`],
    ],
    [
      'a truncated hash',
      JSON.stringify({ pinHash: PIN_HASH.slice(0, 40) }),
      [`pinHash: ${PIN_EXPECTED} (got "${PIN_HASH.slice(0, 40)}")`],
    ],
    [
      'a hash asking for a gigabyte of memory',
      JSON.stringify({ pinHash: PIN_HASH.replace('16384', '1048576') }),
      [`pinHash: ${PIN_EXPECTED} (got "scrypt$1048576$8$1$AAECAwQFBgcICQoLDA0ODw==$zqTxOQ"…)`],
    ],
    [
      'a list instead of an object',
      '[1, 2]',
      [
        'the file: must be one JSON object with the kiosk keys, like {"idleTimeoutSeconds": 90} (got a list of 2)',
      ],
    ],
    [
      'a bare string',
      '"kiosk"',
      [
        'the file: must be one JSON object with the kiosk keys, like {"idleTimeoutSeconds": 90} (got "kiosk")',
      ],
    ],
    [
      'an empty file',
      ' \n',
      ['the file is empty; it must be one JSON object with the kiosk keys, like {"idleTimeoutSeconds": 90}'],
    ],
    [
      'several problems at once, in file order',
      withPin({ idleTimeoutSeconds: '90', textSize: 'huge', colour: 'red' }),
      [
        'idleTimeoutSeconds: must be a number of seconds between 15 and 3600 (got "90")',
        'textSize: must be one of "normal", "large", "larger" (got "huge")',
        'colour: is not a kiosk setting; the keys here are "version", "folders", "edition", "idleTimeoutSeconds", "attract", "featured", "startScreen", "textSize", "pinHash"',
      ],
    ],
  ];

  it.each(table)('%s', (_name, text, errors) => {
    expect(errorsOf(text)).toEqual(errors);
  });

  it('points at the line and column of a JSON syntax error', () => {
    const [missingComma] = errorsOf('{\n  "pinHash": null\n  "textSize": "large"\n}');
    expect(missingComma).toMatch(
      /^the file is not valid JSON at line 3, column 3: .+\(check for a missing comma/,
    );
    const [trailingComma] = errorsOf('{"pinHash": null,}');
    expect(trailingComma).toMatch(/^the file is not valid JSON at line 1, column 18: /);
  });

  it('falls back to the safe default kiosk but keeps a valid PIN and folders', () => {
    const result = parseKioskConfig(
      JSON.stringify({ pinHash: PIN_HASH, folders: ['stands'], idleTimeoutSeconds: 'x', textSize: 'larger' }),
      BASE,
    );
    expect(result.ok).toBe(false);
    expect(result.config.settings).toEqual(DEFAULT_KIOSK_SETTINGS);
    expect(result.config.pinHash).toBe(PIN_HASH);
    expect(result.config.folders).toEqual([join(BASE, 'stands')]);
  });

  it('keeps a valid PIN and folders from a file that is not valid JSON, so its organiser can still unlock it', () => {
    const missingComma = parseKioskConfig(
      `{\n  "folders": ["stands/fosdem-2021"]\n  "idleTimeoutSeconds": 60,\n  "pinHash": "${PIN_HASH}",\n}`,
      BASE,
    );
    expect(missingComma.ok).toBe(false);
    expect(missingComma.config.settings).toEqual(DEFAULT_KIOSK_SETTINGS);
    expect(missingComma.config.pinHash).toBe(PIN_HASH);
    expect(missingComma.config.folders).toEqual([join(BASE, 'stands/fosdem-2021')]);
    const unusable = parseKioskConfig(`{"folders": [C:/stands], "pinHash": "scrypt$oops",}`, BASE);
    expect(unusable.config).toMatchObject({ folders: [], pinHash: null });
  });

  it('says how to write a Windows path when a single backslash breaks the JSON', () => {
    const windows = parseKioskConfig(
      `{\n  "folders": ["C:\\Kiosk\\stands\\fosdem-2021"],\n  "pinHash": "${PIN_HASH}"\n}`,
      BASE,
    );
    if (windows.ok) throw new Error('expected the file to be refused');
    expect(windows.errors).toEqual([
      'the file is not valid JSON at line 2, column 19: Bad escaped character (a backslash must be doubled in JSON: write paths with forward slashes, like "C:/Kiosk/stands", or double every backslash)',
    ]);
    expect(windows.config.pinHash).toBe(PIN_HASH);
  });

  it('says to use straight quotes when an editor turned them into curly ones (TextEdit, a word processor)', () => {
    const smart = parseKioskConfig(
      `{\n  \u201Cfolders\u201D: [\u201Cstands/fosdem-2021\u201D],\n  "pinHash": "${PIN_HASH}"\n}`,
      BASE,
    );
    if (smart.ok) throw new Error('expected the file to be refused');
    expect(smart.errors).toEqual([
      "the file is not valid JSON at line 2, column 3: Expected property name or '}' (it has curly quotes \u201C \u201D, which JSON does not accept: write every quote as a straight \" and turn off smart quotes in the editor, in TextEdit Edit \u2192 Substitutions \u2192 Smart Quotes)",
    ]);
    // Its stands are still shown and its organiser can still unlock it.
    expect(smart.config.folders).toEqual([join(BASE, 'stands/fosdem-2021')]);
    expect(smart.config.pinHash).toBe(PIN_HASH);
  });

  it('does not keep an invalid PIN from a bad file', () => {
    const result = parseKioskConfig(JSON.stringify({ pinHash: 'scrypt$oops', textSize: 'x' }), BASE);
    expect(result.config.pinHash).toBeNull();
  });

  it('never lets a __proto__ key through', () => {
    expect(errorsOf('{"pinHash": null, "__proto__": {"idleTimeoutSeconds": 20}}')[0]).toMatch(
      /^__proto__: is not a kiosk setting/,
    );
  });
});

describe('good kiosk files', () => {
  it('gives the defaults for a file with only the PIN', () => {
    const result = parseKioskConfig(JSON.stringify({ pinHash: PIN_HASH }), BASE);
    expect(result).toEqual({
      ok: true,
      config: { settings: DEFAULT_KIOSK_SETTINGS, folders: [], pinHash: PIN_HASH },
    });
    expect(DEFAULT_KIOSK_SETTINGS.idleTimeoutSeconds).toBe(90);
  });

  it('reads every key, resolving folders against the file and dropping duplicates', () => {
    const file = {
      $schema: './kiosk.schema.json',
      version: 1,
      folders: [
        'stands/fosdem-2021',
        '../shared/fosdem-2022',
        resolve('/media/usb/stands'),
        'stands/fosdem-2021',
      ],
      edition: 2021,
      idleTimeoutSeconds: 120.5,
      attract: { enabled: false, slideSeconds: 12 },
      featured: { stands: ['matrix', 'matrix', 'checkmk'], themes: ['web'] },
      startScreen: 'themes',
      textSize: 'large',
      pinHash: PIN_HASH,
    };
    const result = parseKioskConfig('\ufeff' + JSON.stringify(file, null, 2), BASE);
    expect(result).toEqual({
      ok: true,
      config: {
        settings: {
          idleTimeoutSeconds: 120.5,
          attract: { enabled: false, slideSeconds: 12 },
          featured: { stands: ['matrix', 'checkmk'], themes: ['web'] },
          startScreen: 'themes',
          collection: '2021',
          textSize: 'large',
        },
        folders: [
          join(BASE, 'stands/fosdem-2021'),
          resolve(BASE, '../shared/fosdem-2022'),
          resolve('/media/usb/stands'),
        ],
        pinHash: PIN_HASH,
      },
    });
  });

  it('lists every key it accepts', () => {
    expect(KIOSK_FILE_KEYS).toEqual([
      'version',
      'folders',
      'edition',
      'idleTimeoutSeconds',
      'attract',
      'featured',
      'startScreen',
      'textSize',
      'pinHash',
    ]);
  });
});

describe('loadKioskConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-config-'));
    await mkdir(join(dir, 'folder.standalone-kiosk'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a file and resolves folders against its own folder', async () => {
    const file = join(dir, 'hall.standalone-kiosk.json');
    await writeFile(file, JSON.stringify({ pinHash: PIN_HASH, folders: ['stands'] }));
    const loaded = await loadKioskConfig(file);
    expect(loaded.error).toBeNull();
    expect(loaded.config.folders).toEqual([join(dir, 'stands')]);
  });

  it('reads a file saved as UTF-16 (Windows PowerShell\'s > and Out-File, Notepad\'s "UTF-16 LE")', async () => {
    const text = `\uFEFF${JSON.stringify({ pinHash: PIN_HASH, folders: ['stands'] }, null, 2)}\r\n`;
    const little = join(dir, 'utf16le.standalone-kiosk');
    await writeFile(little, Buffer.from(text, 'utf16le'));
    const big = join(dir, 'utf16be.standalone-kiosk');
    await writeFile(big, Buffer.from(text, 'utf16le').swap16());
    for (const file of [little, big]) {
      const loaded = await loadKioskConfig(file);
      expect(loaded.error).toBeNull();
      expect(loaded.config.folders).toEqual([join(dir, 'stands')]);
      expect(loaded.config.pinHash).toBe(PIN_HASH);
    }
  });

  it('names the file and lists the problems for a bad one', async () => {
    const file = join(dir, 'bad.standalone-kiosk.json');
    await writeFile(file, JSON.stringify({ pinHash: null, idleTimeoutSeconds: 'ninety' }));
    const loaded = await loadKioskConfig(file);
    expect(loaded.error).toBe(
      `The kiosk file ${file} could not be used as written, so the kiosk started with safe defaults:\n` +
        '• idleTimeoutSeconds: must be a number of seconds between 15 and 3600 (got "ninety")',
    );
    expect(loaded.config.settings).toEqual(DEFAULT_KIOSK_SETTINGS);
  });

  it('reports a missing file, a folder and a huge file without throwing', async () => {
    const missing = await loadKioskConfig(join(dir, 'nope.standalone-kiosk'));
    expect(missing.error).toMatch(/• the file does not exist$/);
    const folder = await loadKioskConfig(join(dir, 'folder.standalone-kiosk'));
    expect(folder.error).toMatch(/• the path is not a file$/);
    const huge = join(dir, 'huge.standalone-kiosk.json');
    await writeFile(huge, `{"pinHash": null, "x": "${'a'.repeat(300 * 1024)}"}`);
    expect((await loadKioskConfig(huge)).error).toMatch(
      /• the file is too large \(301 KB\); a kiosk file is a few lines, at most 256 KB$/,
    );
  });
});

describe('resolveEdition', () => {
  const collection = (id: string, name: string, year: number | null): Collection => ({
    id,
    root: `/stands/${id}`,
    name,
    year,
    indexedAt: '2024-01-01T00:00:00.000Z',
    available: true,
    counts: { stands: 0, listedStands: 0, pages: 0, themes: 0, assets: 0, errors: 0, warnings: 0 },
  });
  const collections = [
    collection('fosdem-2021', 'FOSDEM 2021 stands', 2021),
    collection('fosdem-2022', 'Stands 22', 2022),
  ];

  it.each([
    [null, null],
    ['fosdem-2022', 'fosdem-2022'],
    ['FOSDEM-2021', 'fosdem-2021'],
    ['stands 22', 'fosdem-2022'],
    ['2021', 'fosdem-2021'],
    ['2030', null],
    ['elsewhere', null],
  ])('%s → %s', (edition, id) => {
    expect(resolveEdition(edition, collections)).toBe(id);
  });

  // A kiosk machine whose app already knew another folder of the same name (the organiser's test copy in
  // Downloads): the kiosk file's folder became "fosdem-2021-2" there, and the file's "fosdem-2021" must
  // still mean the file's own folder, not the stale copy.
  describe("on a machine that already knew a folder of the kiosk file's name", () => {
    const kioskRoot = resolve('/kiosk/stands/fosdem-2021');
    const known = [
      { ...collection('fosdem-2021', 'fosdem-2021', 2021), root: resolve('/home/me/Downloads/fosdem-2021') },
      { ...collection('fosdem-2021-2', 'fosdem-2021', 2021), root: kioskRoot },
    ];

    it.each([
      ['fosdem-2021', 'fosdem-2021-2'],
      ['2021', 'fosdem-2021-2'],
      ['FOSDEM-2021', 'fosdem-2021-2'],
    ])("the file's %s is its own folder's %s", (edition, id) => {
      expect(resolveEdition(edition, known, [kioskRoot])).toBe(id);
    });

    it('names the edition among several folders of the file as the maker named them', () => {
      const other = resolve('/kiosk/stands/b/fosdem-2021');
      const three = [...known, { ...collection('fosdem-2021-3', 'fosdem-2021', 2021), root: other }];
      // The maker wrote "fosdem-2021-2" for the file's second folder of that name.
      expect(resolveEdition('fosdem-2021-2', three, [kioskRoot, other])).toBe('fosdem-2021-3');
      expect(resolveEdition('fosdem-2021', three, [kioskRoot, other])).toBe('fosdem-2021-2');
    });

    it("knows the file's folder when the app added it by another path to the same place (a link)", async () => {
      const dir = realpathSync(mkdtempSync(join(tmpdir(), 'kiosk-edition-')));
      const real = join(dir, 'stands', 'fosdem-2021');
      mkdirSync(real, { recursive: true });
      const link = join(dir, 'fosdem-2021');
      symlinkSync(real, link);
      const onDisk = [known[0]!, { ...known[1]!, root: real }];
      try {
        expect(resolveEdition('fosdem-2021', onDisk, [link])).toBe('fosdem-2021-2');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('still finds an edition outside the file by id when the file does not name it', () => {
      expect(resolveEdition('fosdem-2022', [...known, ...collections], [kioskRoot])).toBe('fosdem-2022');
    });
  });
});
