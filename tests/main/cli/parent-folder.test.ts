// Given the folder that holds the stands folders (Kiosk/stands), the command line names them.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, goodFolder, removeTemporaryFolders, temporaryFolder } from './helpers';

afterAll(removeTemporaryFolders);

describe('a folder that holds stands folders', () => {
  it('check and index list the stands folders found directly inside it, by name', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'Kiosk/stands/fosdem-2022'));
    await goodFolder(join(cwd, 'Kiosk/stands/fosdem-2021'));
    await mkdir(join(cwd, 'Kiosk/stands/notes'));
    await writeFile(join(cwd, 'Kiosk/stands/README.txt'), 'read me\n');
    for (const argv of [
      ['check', 'Kiosk/stands'],
      ['index', 'Kiosk/stands', '--db', join(cwd, 'store.json')],
    ]) {
      const run = await cli(argv, { cwd });
      expect(run.stderr).toContain('Kiosk/stands: cannot index:');
      const line = run.stderr.split('\n').find((text) => text.includes('Kiosk/stands: cannot index:')) ?? '';
      expect(line).toContain('It holds stands folders: fosdem-2021, fosdem-2022');
      expect(line).not.toContain('notes');
      expect(run.status).toBe(2);
    }
  });

  it('lists at most ten, and says how many more', async () => {
    const cwd = await temporaryFolder();
    for (let year = 2011; year <= 2022; year++) {
      await mkdir(join(cwd, `stands/fosdem-${year}/content`), { recursive: true });
    }
    const run = await cli(['check', 'stands'], { cwd });
    expect(run.stderr).toContain(
      'It holds stands folders: fosdem-2011, fosdem-2012, fosdem-2013, fosdem-2014, fosdem-2015, fosdem-2016, fosdem-2017, fosdem-2018, fosdem-2019, fosdem-2020 and 2 more; choose one of them',
    );
  });

  it('says what it said before when no stands folder is inside', async () => {
    const cwd = await temporaryFolder();
    await mkdir(join(cwd, 'empty/notes'), { recursive: true });
    const run = await cli(['check', 'empty'], { cwd });
    expect(run.stderr).toContain(
      'has no content/ folder, so it is not a stands website checkout. Choose the folder that holds config.toml, content/ and static/.',
    );
    expect(run.stderr).not.toContain('It holds');
  });
});
