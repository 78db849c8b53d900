// The built command line as organisers run it: `npx standalone …` goes through bin/standalone.js to
// out/main/cli.js. Needs `npm run build` (or electron-vite build) first; skipped, saying so, without it.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generateStands } from '../../../scripts/generate-stands';
import { brokenFolder, goodFolder, removeTemporaryFolders, temporaryFolder, writeTree } from './helpers';

const run = promisify(execFile);
const repo = resolve(__dirname, '../../..');
const built = join(repo, 'out/main/cli.js');
const bin = join(repo, 'bin/standalone.js');

afterAll(removeTemporaryFolders);

async function standalone(
  args: string[],
  cwd = repo,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, CI: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each test starts Node processes: generous on a busy machine.
describe('bin/standalone.js', { timeout: 30_000 }, () => {
  it('asks for a build when out/ is missing', async () => {
    const copy = await temporaryFolder();
    await mkdir(join(copy, 'bin'));
    await copyFile(bin, join(copy, 'bin/standalone.js'));
    try {
      await run(process.execPath, [join(copy, 'bin/standalone.js'), '--help']);
      expect.unreachable('it should have failed');
    } catch (error) {
      const failed = error as { code: number; stderr: string };
      expect(failed.code).toBe(2);
      expect(failed.stderr).toContain('run npm run build first');
    }
  });

  describe.skipIf(!existsSync(built))(
    'built (skipped: out/main/cli.js is missing, run npm run build)',
    () => {
      it('prints its help and exits 0', async () => {
        const result = await standalone(['--help']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('Exit status:');
      });

      it('checks a folder with errors: problem lines and exit status 1', async () => {
        const cwd = await temporaryFolder();
        await brokenFolder(join(cwd, 'stands'));
        const result = await standalone(['check', 'stands'], cwd);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^stands\/content\/stands\/broken\.md(:\d+)?: error: /m);
      });

      it('a reader that stops early (| head) gets no stack trace, and the store is still written', async () => {
        const cwd = await temporaryFolder();
        await brokenFolder(join(cwd, 'stands'));
        // Far more problem lines than a pipe holds, so the command is still printing when the reader stops.
        const bad: Record<string, string> = {};
        for (let i = 0; i < 2000; i++) bad[`content/stands/bad-${i}.md`] = '---\ntitle: [unclosed\n---\n';
        await writeTree(join(cwd, 'stands'), bad);
        const child = spawn(process.execPath, [bin, 'index', 'stands', '--db', 'store.json'], { cwd });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.stdout.once('data', () => child.stdout.destroy());
        const [code] = (await once(child, 'close')) as [number];
        expect(stderr).not.toContain('EPIPE');
        expect(stderr).not.toMatch(/^\s+at /m);
        expect(code).toBe(1);
        expect(JSON.parse(await readFile(join(cwd, 'store.json'), 'utf8')).collections).toHaveLength(1);
      });

      it('Ctrl-C ends an index run without writing the store, and releases its lock', async () => {
        const cwd = await temporaryFolder();
        // Big enough that the run is still indexing when it is interrupted.
        await generateStands({ root: join(cwd, 'stands'), stands: 1500, seed: 3 });
        const child = spawn(process.execPath, [bin, 'index', 'stands', '--db', 'store.json'], { cwd });
        const closed = once(child, 'close');
        // Once the run holds the lock (its owner file is written the moment it has it), it is indexing.
        while (!existsSync(join(cwd, 'store.json.lock-owner'))) await new Promise((r) => setTimeout(r, 20));
        child.kill('SIGINT');
        const [, signal] = (await closed) as [number | null, string | null];
        expect(signal).toBe('SIGINT');
        expect((await readdir(cwd)).sort()).toEqual(['stands']);
        // Run again at once: nothing holds the store.
        await goodFolder(join(cwd, 'small'));
        const again = await standalone(['index', 'small', '--db', 'store.json'], cwd);
        expect(again.stderr).not.toContain('in use');
        expect(again.code).toBe(0);
      });

      it('exits 2 on a usage error', async () => {
        const result = await standalone(['index']);
        expect(result.code).toBe(2);
      });

      it('loads the engine and its parsers only when indexing, not for --help or a usage error', async () => {
        // What the entry imports before it runs (dynamic imports left out), chunk by chunk.
        const packages = new Set<string>();
        const seen = new Set<string>();
        const visit = async (file: string): Promise<void> => {
          if (seen.has(file)) return;
          seen.add(file);
          const text = await readFile(file, 'utf8');
          for (const match of text.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']/gm)) {
            const target = match[1] as string;
            if (target.startsWith('.')) await visit(resolve(join(file, '..'), target));
            else packages.add(target);
          }
        };
        await visit(built);
        expect(packages).toContain('commander');
        for (const parser of ['gray-matter', 'markdown-it', 'smol-toml', 'yaml', 'lowdb', 'minisearch']) {
          expect(packages).not.toContain(parser);
        }
      });

      it('never loads electron: neither the entry nor the chunks it imports', async () => {
        const seen = new Set<string>();
        const visit = async (file: string): Promise<void> => {
          if (seen.has(file)) return;
          seen.add(file);
          const text = await readFile(file, 'utf8');
          expect(text).not.toMatch(
            /from ["']electron["']|require\(["']electron["']\)|import\(["']electron["']\)/,
          );
          for (const match of text.matchAll(/(?:from|import\()\s*["'](\.{1,2}\/[^"']+)["']/g)) {
            await visit(resolve(join(file, '..'), match[1] as string));
          }
        };
        await visit(built);
        expect(seen.size).toBeGreaterThan(0);
        expect((await readdir(join(repo, 'out/main'))).length).toBeGreaterThan(0);
      });
    },
  );
});
