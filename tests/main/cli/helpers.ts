// Small stands folders written per test, and a runCli wrapper that captures what it prints.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli, type CliIo } from '../../../main/cli/run';
import { makePng } from '../../../scripts/generate-stands';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

const temporary: string[] = [];

/** A fresh temporary folder, removed by `removeTemporaryFolders`. */
export async function temporaryFolder(prefix = 'standalone-cli-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

export async function removeTemporaryFolders(): Promise<void> {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Writes files (path → text or bytes) under root. */
export async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** A clean two-stand folder: no error-level problem. */
export async function goodFolder(root: string): Promise<void> {
  await writeTree(root, {
    'config.toml':
      'baseURL = "https://stands.example.org"\ntitle = "Test Stands 2024"\n\n[taxonomies]\ntheme = "themes"\n',
    'content/_index.md': '---\ntitle: Test Stands 2024\n---\n',
    'content/themes/gaming/_index.md': '---\ntitle: Gaming\ndescription: Games and engines.\n---\n',
    'content/stands/alpha.md': [
      '---',
      'title: Alpha Engine',
      'themes:',
      '- Gaming',
      'logo: stands/alpha/logo.png',
      'website: https://alpha.example.org/',
      'description: A small engine for <em>pixel</em> games.',
      'show_on_overview: true',
      'layout: stand',
      '---',
      '',
    ].join('\n'),
    'content/stands/alpha/_index.md': '---\ntitle: Alpha Engine\n---\n\nThe stand of the Alpha engine.\n',
    'content/stands/alpha/intro.md': '---\ntitle: Introduction\n---\n\nHow the engine draws sprites.\n',
    'content/stands/beta.md': [
      '---',
      'title: Beta Board',
      'themes:',
      '- Gaming',
      'logo: stands/beta/logo.png',
      'description: Board games, played together.',
      'show_on_overview: true',
      '---',
      '',
    ].join('\n'),
    'static/stands/alpha/logo.png': makePng(8, [10, 20, 30], [200, 100, 0]),
    'static/stands/beta/logo.png': makePng(8, [30, 20, 10], [0, 100, 200]),
  });
}

/** A folder with one stand file the engine cannot read (an error), one without its logo (a warning), and good ones. */
export async function brokenFolder(root: string): Promise<void> {
  await goodFolder(root);
  await writeTree(root, {
    // A warning: the logo it names is not there.
    'content/stands/gamma.md':
      '---\ntitle: Gamma\nthemes: [Gaming]\nlogo: stands/gamma/logo.png\nshow_on_overview: true\n---\n',
    // Not UTF-8: the engine skips it with an error-level problem.
    'content/stands/broken.md': Buffer.concat([
      Buffer.from('---\ntitle: Broken\n---\n\n'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
    ]),
  });
}

/** Runs the command line in-process, capturing stdout and stderr. */
export async function cli(
  argv: string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    isTTY?: boolean;
    openEngine?: CliIo['openEngine'];
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY: options.isTTY ?? false,
    cwd: options.cwd,
    openEngine: options.openEngine,
    // Never the real user's store: a test that forgets --db writes into a temporary folder.
    env: options.env ?? { XDG_CONFIG_HOME: join(tmpdir(), 'standalone-cli-never-used'), HOME: tmpdir() },
  });
  return { status, stdout, stderr };
}
