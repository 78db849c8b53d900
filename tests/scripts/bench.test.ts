// The bench's own command line: fast checks only (the benchmark itself runs with `npm run bench`).
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(__dirname, '../..');

describe('npm run bench', { timeout: 30_000 }, () => {
  it('documents its options', async () => {
    const { stdout } = await run(process.execPath, ['scripts/bench.mjs', '--help'], { cwd: repo });
    for (const option of ['--only', '--runs', '--no-hugo', '--strict', '--profile'])
      expect(stdout).toContain(option);
  });

  it('refuses an unknown section or dataset before doing any work', async () => {
    const failure = await run(process.execPath, ['scripts/bench.mjs', '--only', 'nonsense'], {
      cwd: repo,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('--only nonsense: not a section or dataset');
    expect((failure as { stderr: string }).stderr).toMatch(/known: .*corpus.*1k.*10k/);
  });
});
