// --help, --version and usage errors answer without loading the engine and its parsers (which took most
// of their time); only the commands that index load it.
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cli, goodFolder, removeTemporaryFolders, temporaryFolder } from './helpers';

const loaded = vi.hoisted(() => ({ engine: false }));

vi.mock('../../../main/engine/index', async (importOriginal) => {
  loaded.engine = true;
  return importOriginal();
});

afterAll(removeTemporaryFolders);

describe('loading the engine', () => {
  it.each([[['--help']], [['index', '--help']], [['--version']], [['frobnicate']], [['index']], [[]]])(
    'standalone %j answers without it',
    async (argv) => {
      await cli(argv);
      expect(loaded.engine).toBe(false);
    },
  );

  // Last: once loaded, the engine stays loaded for the rest of this file.
  it('check loads it', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const run = await cli(['check', 'stands'], { cwd });
    expect(run.status).toBe(0);
    expect(loaded.engine).toBe(true);
  });
});
