import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../../main/cli/report';
import type { Engine, EngineOptions } from '../../../main/engine/api';
import { openEngine as openRealEngine } from '../../../main/engine/index';
import { problem } from '../../../main/engine/problems';
import { generateStands } from '../../../scripts/generate-stands';
import { pngHeader } from '../engine/helpers';
import { brokenFolder, cli, goodFolder, removeTemporaryFolders, temporaryFolder, writeTree } from './helpers';

afterAll(removeTemporaryFolders);

describe('standalone --help', () => {
  it('documents the commands, options, exit status and examples', async () => {
    const run = await cli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('index [options] <folder...>');
    expect(run.stdout).toContain('check [options] <folder...>');
    expect(run.stdout).toMatch(/Exit status:[\s\S]*0 [\s\S]*1 [\s\S]*2 /);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('$ standalone check entrance.standalone-kiosk');
    expect(run.stdout).toMatch(/check reads it as the app does[\s\S]*\[kiosk-file\]/);
    expect(run.stdout).toMatch(
      /Given a folder that holds stands folders[\s\S]*name the stands folders inside it/,
    );
  });

  it('documents index --db (with the default store) and --json', async () => {
    const run = await cli(['index', '--help'], { env: { XDG_CONFIG_HOME: '/conf' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--db <file>');
    expect(run.stdout).toContain('/conf/Standalone/standalone-store.json');
    expect(run.stdout).toContain('--json');
    expect(run.stdout).toContain('Exit status:');
  });
});

describe('standalone --version', () => {
  it('prints the version from package.json', async () => {
    const run = await cli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('usage errors exit with 2', () => {
  it.each([[['frobnicate']], [['index']], [['check']], [['check', '--db', 'x.json', '.']], [[]]])(
    'standalone %j',
    async (argv) => {
      const run = await cli(argv);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
    },
  );

  it('a folder that does not exist is named, and nothing indexed means 2', async () => {
    const cwd = await temporaryFolder();
    const run = await cli(['check', 'no-such-folder'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-folder: no such folder');
  });
});

describe('standalone check', () => {
  it('exits 0 on a clean folder and writes no store anywhere', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const config = await temporaryFolder();
    const run = await cli(['check', 'stands'], { cwd, env: { XDG_CONFIG_HOME: config } });
    expect(run.stderr).toContain('Checked 1 folder');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/: error: /);
    expect(await readdir(config)).toEqual([]);
    expect((await readdir(cwd)).sort()).toEqual(['stands']);
  });

  it('prints problems as file:line: severity: message relative to the folder as typed, and exits 1 on errors', async () => {
    const cwd = await temporaryFolder();
    await brokenFolder(join(cwd, 'stands'));
    const run = await cli(['check', 'stands'], { cwd });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    const broken = lines.find((line) => line.startsWith('stands/content/stands/broken.md'));
    expect(broken).toMatch(/^stands\/content\/stands\/broken\.md(:\d+)?: error: .+ \[[a-z0-9-]+\]$/);
    for (const line of lines) expect(line).toMatch(/^[^:]+(:\d+)?: (error|warning): .+ \[[a-z0-9-]+\]$/);
  });

  it('lists warnings too', async () => {
    const cwd = await temporaryFolder();
    await brokenFolder(join(cwd, 'stands'));
    const run = await cli(['check', 'stands'], { cwd });
    expect(run.stdout).toMatch(/^stands\/content\/stands\/gamma\.md(:\d+)?: warning: .*\[logo-missing\]$/m);
  });

  it('shows absolute paths when the folder was typed absolute', async () => {
    const root = await temporaryFolder();
    await brokenFolder(root);
    const run = await cli(['check', root], { cwd: '/' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${join(root, 'content/stands/broken.md')}`);
  });

  it('writes out line breaks and bidi controls in file names and links, so no line can be forged', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const forged = 'stands/content/stands/alpha.md:1: error: forged [front-matter-invalid]';
    await writeTree(join(cwd, 'stands'), {
      // Linux allows a line break in a file name.
      [`content/stands/alpha/evil\n${forged}\u202E\u2066.md`]: '---\ntitle: [x\n---\n',
      'content/stands/alpha/links.md': `---\ntitle: Links\n---\n\n<a href="c\n${forged}\u2067">c</a>\n`,
    });
    const run = await cli(['check', 'stands'], { cwd });
    const lines = run.stdout.trim().split('\n');
    // The evil file's front-matter error (no title-missing beside it) and the link's warning.
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(
        /^stands\/content\/stands\/alpha\/[^:]+(:\d+)?: (error|warning): .+ \[[a-z0-9-]+\]$/,
      );
      expect(line).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
    }
    expect(run.stdout).toContain(
      `stands/content/stands/alpha/evil\\u000A${forged}\\u202E\\u2066.md:2: error: `,
    );
    expect(run.stdout).toContain(`The link "c\\u000A${forged}\\u2067"`);
    // JSON escapes on its own: the file keeps its real name there.
    const json = JSON.parse(
      (await cli(['index', 'stands', '--db', join(cwd, 'store.json'), '--json'], { cwd })).stdout,
    ) as JsonReport;
    expect(json.problems.map((p) => p.file)).toContain(`content/stands/alpha/evil\n${forged}\u202E\u2066.md`);
  });

  it('exits 1 when one folder is fine and another is missing', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const run = await cli(['check', 'stands', 'gone'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('gone: no such folder');
  });

  it("counts a sub-folder's folder-unreadable problem as an error (exit 1), not as a folder that yielded nothing", async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    // Permissions do not stop root, so the engine is told the scan met an unreadable stand folder.
    const openEngine = async (options: EngineOptions): Promise<Engine> => {
      const engine = await openRealEngine(options);
      const indexFolder = engine.indexFolder.bind(engine);
      engine.indexFolder = async (root) => {
        const outcome = await indexFolder(root);
        const unreadable = problem(
          outcome.collection.id,
          'content/stands/alpha',
          'folder-unreadable',
          'This folder could not be read (EACCES), so its files were skipped.',
        );
        return { ...outcome, problems: [unreadable, ...outcome.problems] };
      };
      return engine;
    };
    const run = await cli(['check', 'stands'], { cwd, openEngine });
    expect(run.stdout).toContain('stands/content/stands/alpha: error: This folder could not be read');
    expect(run.status).toBe(1);
  });

  it('fails a Hugo site that has no content/stands/ (CI pointed at the wrong folder): exit 1', async () => {
    const cwd = await temporaryFolder();
    await writeTree(join(cwd, 'blog'), {
      'config.toml': 'title = "A blog"\n',
      'content/_index.md': '---\ntitle: Home\n---\n',
      'content/posts/hello.md': '---\ntitle: Hello\n---\nHi.\n',
    });
    const run = await cli(['check', 'blog'], { cwd });
    expect(run.stdout).toContain(
      'blog/content: error: This folder has no content/stands/ folder, so it has no stands.',
    );
    expect(run.status).toBe(1);
  });

  it('a folder that is not a stands folder yields nothing: exit 2', async () => {
    const cwd = await temporaryFolder();
    const run = await cli(['check', '.'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nothing could be indexed');
    expect(run.stderr).not.toContain('Checked');
  });
});

describe('standalone check: pictures the app will not draw', () => {
  let defs = '<g id="l0"><rect width="1" height="1"/></g>';
  for (let i = 1; i <= 6; i++) defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
  const bomb = `<svg xmlns="http://www.w3.org/2000/svg"><defs>${defs}</defs><use href="#l6"/></svg>`;

  it('names each picture a published stand or page shows that the app would refuse, and why; index leaves them to check', async () => {
    const cwd = await temporaryFolder();
    const root = join(cwd, 'stands');
    await goodFolder(root);
    await writeTree(root, {
      'content/stands/alpha/intro.md':
        '---\ntitle: Introduction\n---\n\n![A map](/stands/alpha/map.png)\n\n<img src="/stands/alpha/bomb.svg" alt="">\n',
      'content/stands/beta.md':
        '---\ntitle: Beta Board\nthemes: [Gaming]\nlogo: stands/beta/wide.png\nshow_on_overview: true\n---\n',
      'content/stands/later.md':
        '---\ntitle: Later\ndraft: true\nshow_on_overview: true\n---\n\n<img src="/stands/later/huge.png">\n',
      'static/stands/alpha/map.png': pngHeader(20_000, 20_000),
      'static/stands/alpha/bomb.svg': bomb,
      'static/stands/beta/wide.png': pngHeader(30_000, 3_000),
      'static/stands/later/huge.png': pngHeader(20_000, 20_000),
      'static/stands/nobody/huge.png': pngHeader(20_000, 20_000),
    });
    const run = await cli(['check', 'stands'], { cwd });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n').filter((line) => line.endsWith('[picture-not-shown]'));
    expect(lines.sort()).toEqual([
      expect.stringMatching(
        /^stands\/content\/stands\/alpha\/intro\.md: warning: The picture static\/stands\/alpha\/bomb\.svg: This SVG image repeats its shapes /,
      ),
      expect.stringMatching(
        /^stands\/content\/stands\/alpha\/intro\.md: warning: The picture static\/stands\/alpha\/map\.png: This picture is 20,000 × 20,000 pixels \(400 megapixels\)/,
      ),
      expect.stringMatching(
        /^stands\/content\/stands\/beta\.md: warning: The picture static\/stands\/beta\/wide\.png: This picture is 30,000 × 3,000 pixels \(90 megapixels\)/,
      ),
    ]);
    expect(run.stderr).toMatch(/ 3 warnings/);
    // The JSON document counts them with the collection's other warnings, as its problems list has them.
    const checked = JSON.parse((await cli(['check', 'stands', '--json'], { cwd })).stdout) as JsonReport;
    const warnings = checked.problems.filter((p) => p.severity === 'warning');
    expect(warnings.filter((p) => p.code === 'picture-not-shown')).toHaveLength(3);
    expect(checked.collections.map((c) => c.counts.warnings)).toEqual([warnings.length]);
    const indexed = await cli(['index', 'stands', '--db', join(cwd, 'store.json'), '--json'], { cwd });
    const report = JSON.parse(indexed.stdout) as JsonReport;
    expect(report.problems.map((p) => p.code)).not.toContain('picture-not-shown');
  });
});

describe('standalone index', () => {
  it('writes the store given with --db and prints a summary', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const run = await cli(['index', 'stands', '--db', 'out/store.json'], { cwd });
    expect(run.status).toBe(0);
    expect(existsSync(join(cwd, 'out/store.json'))).toBe(true);
    expect(run.stdout).toMatch(/2 stands \(2 listed\)/);
    expect(run.stdout).toContain(`into ${join(cwd, 'out/store.json')}`);
  });

  it('prints the errors, and only counts the warnings, pointing at check', async () => {
    const cwd = await temporaryFolder();
    await brokenFolder(join(cwd, 'stands'));
    const run = await cli(['index', 'stands', '--db', 'store.json'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^stands\/content\/stands\/broken\.md(:\d+)?: error: /m);
    expect(run.stdout).not.toContain(': warning: ');
    expect(run.stdout).toMatch(/\d+ warnings? not shown: run standalone check stands to list them/);
  });

  it("writes the app's own store for this user by default", async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const config = await temporaryFolder();
    const run = await cli(['index', 'stands'], { cwd, env: { XDG_CONFIG_HOME: config } });
    expect(run.status).toBe(0);
    expect(existsSync(join(config, 'Standalone', 'standalone-store.json'))).toBe(true);
  });

  it('writes the store the app reads when STANDALONE_USER_DATA moves its data (a portable kiosk)', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const config = await temporaryFolder();
    const moved = await temporaryFolder();
    const env = { XDG_CONFIG_HOME: config, STANDALONE_USER_DATA: moved };
    const help = await cli(['index', '--help'], { env });
    expect(help.stdout).toContain(join(moved, 'standalone-store.json'));
    const run = await cli(['index', 'stands'], { cwd, env });
    expect(run.status).toBe(0);
    expect(existsSync(join(moved, 'standalone-store.json'))).toBe(true);
    expect(existsSync(join(config, 'Standalone'))).toBe(false);
  });

  it('prints exactly the documented JSON document with --json', async () => {
    const cwd = await temporaryFolder();
    await brokenFolder(join(cwd, 'stands'));
    const run = await cli(['index', 'stands', '--db', 'store.json', '--json'], { cwd });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report).sort()).toEqual(['collections', 'durationMs', 'problems', 'stands', 'themes']);
    expect(report.collections).toHaveLength(1);
    expect(report.collections[0].root).toBe(join(cwd, 'stands'));
    expect(typeof report.durationMs).toBe('number');

    const alpha = report.stands.find((stand: { slug: string }) => stand.slug === 'alpha');
    expect(alpha).toEqual({
      collection: report.collections[0].id,
      slug: 'alpha',
      title: 'Alpha Engine',
      listed: true,
      draft: false,
      rendered: true,
      themes: ['gaming'],
      logo: 'static/stands/alpha/logo.png',
      pages: [{ slug: expect.any(String), title: 'Introduction', draft: false, rendered: true }],
    });
    for (const stand of report.stands) {
      expect(Object.keys(stand).sort()).toEqual([
        'collection',
        'draft',
        'listed',
        'logo',
        'pages',
        'rendered',
        'slug',
        'themes',
        'title',
      ]);
    }
    expect(report.themes).toContainEqual({
      collection: report.collections[0].id,
      slug: 'gaming',
      title: 'Gaming',
      stands: 3,
      rendered: true,
    });
    const problem = report.problems.find(
      (item: { file: string }) => item.file === 'content/stands/broken.md',
    );
    expect(problem).toBeDefined();
    expect(Object.keys(problem).sort()).toEqual([
      'code',
      'collection',
      'file',
      'line',
      'message',
      'severity',
    ]);
    expect(problem.severity).toBe('error');
  });

  it('says which stands and pages _build.render leaves without a page of their own, as Hugo 0.111 does', async () => {
    const cwd = await temporaryFolder();
    const folder = fileURLToPath(new URL('../../fixtures/engine/build-render', import.meta.url));
    const run = await cli(['index', folder, '--db', 'store.json', '--json'], { cwd });
    const stands = new Map<string, JsonReport['stands'][number]>(
      JSON.parse(run.stdout).stands.map((stand: JsonReport['stands'][number]) => [stand.slug, stand]),
    );
    // What `hugo` writes: no page for never, link, false or 0, but the stand stays listed.
    expect(stands.get('never')).toMatchObject({ listed: true, draft: false, rendered: false });
    expect(stands.get('link')).toMatchObject({ listed: true, rendered: false });
    expect(stands.get('plain')).toMatchObject({ listed: true, rendered: true });
    expect(stands.get('s')!.pages.map((page) => [page.slug, page.rendered])).toEqual([
      ['falsy', false],
      ['gone', false],
      ['kit', false],
      ['link', false],
      ['never', false],
      ['plain', true],
    ]);
    const themes = JSON.parse(run.stdout).themes as JsonReport['themes'];
    expect(themes.map((theme) => [theme.slug, theme.stands, theme.rendered])).toEqual([
      ['quiet', 2, false],
      ['tools', 13, true],
    ]);
  });

  it('re-indexing the same folder keeps one collection and reports no change', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    await cli(['index', 'stands', '--db', 'store.json'], { cwd });
    const again = await cli(['index', 'stands', '--db', 'store.json'], { cwd });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('no file changed');
    const store = JSON.parse(await readFile(join(cwd, 'store.json'), 'utf8'));
    expect(JSON.stringify(store)).toContain('Alpha Engine');
  });

  it('indexes several editions into one store', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'a'));
    await goodFolder(join(cwd, 'b'));
    const run = await cli(['index', 'a', 'b', '--db', 'store.json', '--json'], { cwd });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.collections).toHaveLength(2);
    expect(new Set(report.stands.map((stand: { collection: string }) => stand.collection)).size).toBe(2);
  });

  it('indexes the same folder given twice, once through a symlink, once', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    await symlink(join(cwd, 'stands'), join(cwd, 'link'));
    const run = await cli(['check', 'stands', './stands', 'link', '--json'], { cwd });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.collections).toHaveLength(1);
    expect(report.stands).toHaveLength(2);
  });

  it('draws progress on a terminal only', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const onTerminal = await cli(['index', 'stands', '--db', 'a.json'], { cwd, isTTY: true });
    expect(onTerminal.stderr).toContain('\r');
    const inPipe = await cli(['index', 'stands', '--db', 'b.json'], { cwd, isTTY: false });
    expect(inPipe.stderr).not.toContain('\r');
  });

  it('says so when the store cannot be written, never that it was, and leaves the old store as it was', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    await cli(['index', 'stands', '--db', 'store.json'], { cwd });
    const before = await readFile(join(cwd, 'store.json'), 'utf8');
    await writeTree(join(cwd, 'stands'), { 'content/stands/delta.md': '---\ntitle: Delta\n---\n' });
    // What a read-only folder does to the store's temporary file (permissions do not stop root).
    await mkdir(join(cwd, '.store.json.tmp'));
    for (const json of [[], ['--json']]) {
      const run = await cli(['index', 'stands', '--db', 'store.json', ...json], { cwd });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`the store ${join(cwd, 'store.json')} could not be written`);
      expect(run.stderr).toContain('left as it was');
      expect(await readFile(join(cwd, 'store.json'), 'utf8')).toBe(before);
    }
  });

  it('says in words why a store in a folder it may not write cannot be opened, naming no lock', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    // What a read-only folder does when the store's lock is taken (permissions do not stop root).
    const openEngine = (): Promise<Engine> => {
      const error: NodeJS.ErrnoException = new Error(
        `EACCES: permission denied, mkdir '${join(cwd, 'store.json.lock')}'`,
      );
      error.code = 'EACCES';
      return Promise.reject(error);
    };
    const run = await cli(['index', 'stands', '--db', 'store.json'], { cwd, openEngine });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`cannot open the store ${join(cwd, 'store.json')} (permission denied)`);
    expect(run.stderr).toContain('Choose another file with --db');
    expect(run.stderr).not.toMatch(/EACCES|\.lock/);
  });

  it('says in words that a --db path runs through a file, naming no system error', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    await writeTree(cwd, { notes: 'a file, not a folder' });
    const run = await cli(['index', 'stands', '--db', 'notes/store.json'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `cannot open the store ${join(cwd, 'notes', 'store.json')} (a part of its path is a file, not a folder)`,
    );
    expect(run.stderr).not.toMatch(/EEXIST|ENOTDIR|mkdir/);
  });

  it('refuses a store the app or another index run holds, exit 2, and leaves it as it was', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    await cli(['index', 'stands', '--db', 'store.json'], { cwd });
    const store = join(cwd, 'store.json');
    const before = await readFile(store, 'utf8');
    await writeTree(join(cwd, 'stands'), { 'content/stands/delta.md': '---\ntitle: Delta\n---\n' });
    const app = await openRealEngine({ dbFile: store });
    try {
      for (const json of [[], ['--json']]) {
        const run = await cli(['index', 'stands', '--db', 'store.json', ...json], { cwd });
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(
          `standalone: The store ${store} is in use by Standalone (the app or another \`standalone index\`). Close it, or choose another file with --db.`,
        );
        expect(await readFile(store, 'utf8')).toBe(before);
      }
    } finally {
      await app.close();
    }
    const after = await cli(['index', 'stands', '--db', 'store.json'], { cwd });
    expect(after.status).toBe(0);
    expect(await readFile(store, 'utf8')).toContain('delta');
    expect((await readdir(cwd)).sort()).toEqual(['stands', 'store.json']);
  });

  it('never says it indexed into the store when no folder could be indexed', async () => {
    const cwd = await temporaryFolder();
    await mkdir(join(cwd, 'empty'));
    const run = await cli(['index', 'empty', '--db', 'store.json'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('empty: cannot index:');
    expect(run.stderr).toContain('nothing could be indexed');
    expect(run.stdout).not.toContain('Indexed');
  });

  it('refuses a --db that is a folder, and leaves that folder where it is', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const run = await cli(['index', 'stands', '--db', 'stands'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is a folder');
    expect(await readdir(cwd)).toEqual(['stands']);
    expect(existsSync(join(cwd, 'stands/config.toml'))).toBe(true);
  });

  it('refuses a --db that is some other file (a package.json, the config.toml), exit 2, and leaves it where it was', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const pkg = '{\n  "name": "stands",\n  "private": true\n}\n';
    await writeTree(cwd, { 'package.json': pkg });
    const config = await readFile(join(cwd, 'stands/config.toml'), 'utf8');
    for (const [db, why] of [
      ['package.json', 'its JSON has neither the schema nor the collections of a store'],
      ['stands/config.toml', 'it is not JSON'],
    ] as const) {
      const run = await cli(['index', 'stands', '--db', db], { cwd });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `standalone: --db ${join(cwd, db)}: not a Standalone store (${why}); it was left as it is. Give the store's file name, or a new file.\n`,
      );
    }
    expect((await readdir(cwd)).sort()).toEqual(['package.json', 'stands']);
    expect(await readFile(join(cwd, 'package.json'), 'utf8')).toBe(pkg);
    expect(await readFile(join(cwd, 'stands/config.toml'), 'utf8')).toBe(config);
    expect((await readdir(join(cwd, 'stands'))).sort()).toEqual(['config.toml', 'content', 'static']);
  });

  it('still moves a damaged --db store aside with a notice, and rebuilds it', async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    await cli(['index', 'stands', '--db', 'store.json'], { cwd });
    const store = join(cwd, 'store.json');
    const whole = await readFile(store, 'utf8');
    // Cut short, as a power cut might leave it.
    await writeTree(cwd, { 'store.json': whole.slice(0, Math.floor(whole.length / 2)) });
    const run = await cli(['index', 'stands', '--db', 'store.json'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^standalone: notice: The store .*store\.json was damaged .* moved to /m);
    expect((await readdir(cwd)).filter((name) => name.startsWith('store.json.corrupt-'))).toHaveLength(1);
    expect(JSON.parse(await readFile(store, 'utf8')).collections).toHaveLength(1);
  });

  it("moves some other file found as the app's own store aside, as the app does", async () => {
    const cwd = await temporaryFolder();
    await goodFolder(join(cwd, 'stands'));
    const config = await temporaryFolder();
    await writeTree(config, { 'Standalone/standalone-store.json': 'not a store\n' });
    const run = await cli(['index', 'stands'], { cwd, env: { XDG_CONFIG_HOME: config } });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('standalone: notice: The store ');
    const names = await readdir(join(config, 'Standalone'));
    expect(names.filter((name) => name.startsWith('standalone-store.json.corrupt-'))).toHaveLength(1);
  });
});

describe('on a generated folder', { timeout: 30_000 }, () => {
  it('reports every stand the generator wrote, with its themes and pages', async () => {
    const root = await temporaryFolder();
    const site = await generateStands({ root, stands: 15, seed: 5 });
    const run = await cli(['check', '--json', relative(process.cwd(), root)]);
    const report = JSON.parse(run.stdout);
    expect(report.stands.map((stand: { slug: string }) => stand.slug).sort()).toEqual([...site.slugs].sort());
    const pages = report.stands.reduce(
      (sum: number, stand: { pages: unknown[] }) => sum + stand.pages.length,
      0,
    );
    expect(pages).toBe(site.pages);
    expect(run.status).toBeLessThan(2);
  });
});
