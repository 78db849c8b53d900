// `standalone check` on a kiosk file: the file read as the app reads it, then every folder it names.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kioskFileText, writeKioskFile } from '../../../main/kiosk/kiosk-file';
import { brokenFolder, cli, goodFolder, removeTemporaryFolders, temporaryFolder } from './helpers';

afterAll(removeTemporaryFolders);

const PIN_HASH = 'scrypt$16384$8$1$AAECAwQFBgcICQoLDA0ODw==$zqTxOQ9+JdPlblLqzTpgLMM2UTmilg/97SVoXbGeuf8=';

/** Writes a kiosk file the way "Make a kiosk file…" does. */
async function kioskFile(file: string, folders: string[]): Promise<void> {
  await writeKioskFile(file, kioskFileText({ folders, edition: null, pinHash: PIN_HASH }, file));
}

describe('standalone check <kiosk file>', () => {
  it('checks every folder the kiosk file names, relative to the file, as if they had been typed', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'Kiosk/stands/fosdem-2021'));
    await brokenFolder(join(cwd, 'Kiosk/stands/fosdem-2022'));
    await kioskFile(join(cwd, 'Kiosk/entrance.standalone-kiosk'), [
      join(cwd, 'Kiosk/stands/fosdem-2021'),
      join(cwd, 'Kiosk/stands/fosdem-2022'),
    ]);
    const run = await cli(['check', 'Kiosk/entrance.standalone-kiosk'], { cwd });
    expect(run.stdout).toContain('Kiosk/stands/fosdem-2022/content/stands/broken.md: error:');
    expect(run.stdout).toContain('Kiosk/stands/fosdem-2022/content/stands/gamma.md:4: warning:');
    expect(run.stdout).not.toContain('entrance.standalone-kiosk');
    expect(run.stderr).toContain('Checked 2 folders');
    expect(run.status).toBe(1);
  });

  it('exits 0 for a good kiosk file whose folders have no errors (.standalone-kiosk.json too)', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands/fosdem-2021'));
    await kioskFile(join(cwd, 'hall.standalone-kiosk.json'), [join(cwd, 'stands/fosdem-2021')]);
    const run = await cli(['check', 'hall.standalone-kiosk.json'], { cwd });
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Checked 1 folder');
    expect(run.status).toBe(0);
  });

  it('says which entry names a missing folder, as an error, and checks the others', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'Kiosk/stands/fosdem-2021'));
    await kioskFile(join(cwd, 'Kiosk/entrance.standalone-kiosk'), [
      join(cwd, 'Kiosk/stands/fosdem-2021'),
      join(cwd, 'Kiosk/stands/fosdem-2023'),
    ]);
    const run = await cli(['check', 'Kiosk/entrance.standalone-kiosk'], { cwd });
    expect(run.stdout).toContain(
      `Kiosk/entrance.standalone-kiosk: error: folders[1] "stands/fosdem-2023": no such folder (${join(cwd, 'Kiosk/stands/fosdem-2023')})`,
    );
    expect(run.stderr).toContain('Checked 1 folder');
    expect(run.status).toBe(1);
  });

  it("prints an invalid kiosk file's problems the compiler way, checks the folders it still gives and the plain folders typed with it", async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands/fosdem-2021'));
    await goodFolder(join(cwd, 'other'));
    await writeFile(
      join(cwd, 'bad.standalone-kiosk'),
      JSON.stringify({ folders: ['stands/fosdem-2021'], idleTimeoutSeconds: 'ninety', pinHash: PIN_HASH }),
    );
    const run = await cli(['check', 'bad.standalone-kiosk', 'other'], { cwd });
    expect(run.stdout).toContain(
      'bad.standalone-kiosk: error: idleTimeoutSeconds: must be a number of seconds between 15 and 3600 (got "ninety")',
    );
    expect(run.stderr).toContain('Checked 2 folders');
    expect(run.status).toBe(1);
  });

  it('a kiosk file that is not there or not JSON is an error; with nothing checked, exit 2', async () => {
    const cwd = await temporaryFolder();
    const missing = await cli(['check', 'nope.standalone-kiosk'], { cwd });
    expect(missing.stdout).toContain('nope.standalone-kiosk: error: the file does not exist');
    expect(missing.status).toBe(2);

    await writeFile(join(cwd, 'broken.standalone-kiosk'), '{"folders": ["a"] "pinHash": null}');
    const broken = await cli(['check', 'broken.standalone-kiosk'], { cwd });
    expect(broken.stdout).toMatch(/^broken\.standalone-kiosk: error: the file is not valid JSON at line 1/m);
    expect(broken.status).toBe(2);
  });

  it('warns that a kiosk file without a pinHash cannot be unlocked on screen', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    await writeFile(
      join(cwd, 'open.standalone-kiosk'),
      JSON.stringify({ folders: ['stands'], pinHash: null }),
    );
    const run = await cli(['check', 'open.standalone-kiosk'], { cwd });
    expect(run.stdout).toContain('open.standalone-kiosk: warning: This kiosk file has no usable pinHash');
    expect(run.status).toBe(0);
  });

  it('keeps stdout one JSON document with --json, the kiosk file problems on stderr', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    await writeFile(
      join(cwd, 'k.standalone-kiosk'),
      JSON.stringify({ folders: ['stands', 'gone'], pinHash: PIN_HASH }),
    );
    const run = await cli(['check', 'k.standalone-kiosk', '--json'], { cwd });
    expect(JSON.parse(run.stdout)).toHaveProperty('stands');
    expect(run.stderr).toContain('k.standalone-kiosk: error: folders[1] "gone": no such folder');
    expect(run.status).toBe(1);
  });

  it('index leaves a kiosk file to the app, and says check reads it', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    await kioskFile(join(cwd, 'entrance.standalone-kiosk'), [join(cwd, 'stands')]);
    const run = await cli(['index', 'entrance.standalone-kiosk', '--db', join(cwd, 'store.json')], { cwd });
    expect(run.stderr).toContain(
      'entrance.standalone-kiosk: not a folder but a kiosk file: standalone check entrance.standalone-kiosk checks it and its folders',
    );
    expect(run.status).toBe(2);
  });

  it("warns when the file's edition or featured stands and themes name nothing checked, which the kiosk would skip without a word", async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands/fosdem-2021'));
    await goodFolder(join(cwd, 'stands/fosdem-2022'));
    const file = join(cwd, 'hall.standalone-kiosk');
    const folders = [join(cwd, 'stands/fosdem-2021'), join(cwd, 'stands/fosdem-2022')];
    const written = (settings: object) =>
      writeFile(
        file,
        JSON.stringify({
          ...JSON.parse(kioskFileText({ folders, edition: null, pinHash: PIN_HASH }, file)),
          ...settings,
        }),
      );
    await written({
      edition: 'fosdem-2023',
      featured: { stands: ['alpha', 'alpah'], themes: ['gaming', 'gamin'] },
    });
    const run = await cli(['check', 'hall.standalone-kiosk'], { cwd });
    expect(run.stdout.split('\n').filter((line) => line.startsWith('hall.standalone-kiosk:'))).toEqual([
      expect.stringMatching(
        /^hall\.standalone-kiosk: warning: "edition": "fosdem-2023" names none of the editions this file lists \(fosdem-2021, fosdem-2022\), so the kiosk opens on fosdem-2021\. .* \[kiosk-file\]$/,
      ),
      expect.stringMatching(
        /: warning: "featured\.stands": "alpah" is not a stand on fosdem-2021's overview, /,
      ),
      expect.stringMatching(/: warning: "featured\.themes": "gamin" is not a theme of fosdem-2021, /),
    ]);
    expect(run.status).toBe(0);
    await written({ edition: 'fosdem-2022', featured: { stands: ['beta'], themes: ['gaming'] } });
    const fixed = await cli(['check', 'hall.standalone-kiosk'], { cwd });
    expect(fixed.stdout).toBe('');
    expect(fixed.status).toBe(0);
  });
});
