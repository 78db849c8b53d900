// The problems the app's Problems screen lists: each says whether its stand opens, so the screen links
// only a stand that has a screen (a draft or a stand _build.render gives no page would lead to Not found).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineFor, expectSameAsFresh, page, PNG, tempSite } from './helpers';

describe('problems and their stands', () => {
  it('say whether the stand opens, as getStand does', async () => {
    const stand = (title: string, fields = '') =>
      page(`title: ${title}\nshow_on_overview: true\n${fields}`, 'See [the map](/nowhere/).');
    const engine = await engineFor();
    const id = (
      await engine.indexFolder(
        tempSite({
          'config.toml': 'title = "Problems"\n',
          'content/stands/open.md': stand('Open'),
          'content/stands/unlisted.md': stand('Unlisted', 'show_on_overview: false'),
          'content/stands/drafty.md': stand('Drafty', 'draft: true'),
          'content/stands/pageless.md': stand('Pageless', '_build: {render: never}'),
        }),
      )
    ).collection.id;
    const problems = engine.listProblems({ collection: id, code: 'link-broken' });
    const opens = Object.fromEntries(problems.map((p) => [p.stand, p.standOpens]));
    expect(opens).toEqual({ open: true, unlisted: true, drafty: false, pageless: false });
    for (const problem of problems) {
      expect(problem.standOpens).toBe(engine.getStand(id, problem.stand!) !== null);
    }
    // Named as the app shows them, by title, not by folder (Unlisted's front matter repeats a key, so it
    // cannot be read, and the stand is shown under its file's name).
    expect(Object.fromEntries(problems.map((p) => [p.stand, p.standTitle]))).toEqual({
      open: 'Open',
      unlisted: 'unlisted',
      drafty: 'Drafty',
      pageless: 'Pageless',
    });
  });

  it("name the stand's page a problem is in, and whether that page opens", async () => {
    const engine = await engineFor();
    const id = (
      await engine.indexFolder(
        tempSite({
          'config.toml': 'title = "Problems"\n',
          'content/stands/open/_index.md': page('title: Open\nshow_on_overview: true', 'See [x](/nowhere/).'),
          'content/stands/open/faq.md': page('title: Questions', 'See [the map](/nowhere/).'),
          'content/stands/open/notes.md': page('title: Notes\ndraft: true', 'See [the map](/nowhere/).'),
        }),
      )
    ).collection.id;
    const pages = Object.fromEntries(
      engine.listProblems({ collection: id, code: 'link-broken' }).map((p) => [p.file, p.page]),
    );
    expect(pages).toEqual({
      'content/stands/open/_index.md': null,
      'content/stands/open/faq.md': { slug: 'faq', title: 'Questions', opens: true },
      'content/stands/open/notes.md': { slug: 'notes', title: 'Notes', opens: false },
    });
    expect(engine.getPage(id, 'open', 'faq')).not.toBeNull();
    expect(engine.getPage(id, 'open', 'notes')).toBeNull();
  });

  it('do not ask for a title a file has when its front matter cannot be read', async () => {
    const engine = await engineFor();
    const { problems } = await engine.indexFolder(
      tempSite({
        // A tab before a key, and an unquoted colon: the title is there, the YAML around it is not.
        'content/stands/tabbed.md': page('title: Tabbed\n\tlayout: stand\nshow_on_overview: true'),
        'content/stands/listed/_index.md': page('title: Listed'),
        'content/stands/listed/notes.md': page('title: Notes\nsummary: one: two'),
        'content/stands/untitled.md': page('show_on_overview: true'),
      }),
    );
    const codes = problems.map((p) => [p.file, p.code]);
    expect(codes).toContainEqual(['content/stands/tabbed.md', 'front-matter-invalid']);
    expect(codes).toContainEqual(['content/stands/listed/notes.md', 'front-matter-invalid']);
    expect(problems.filter((p) => p.code === 'title-missing').map((p) => p.file)).toEqual([
      'content/stands/untitled.md',
    ]);
  });

  it('name the file a missing logo or image differs from in capitals only, as on macOS it shows', async () => {
    const root = tempSite({
      'content/stands/boat.md': page(
        'title: Boat\nshow_on_overview: true\nlogo: stands/boat/Logo.png',
        '<img src="/stands/boat/Photo.JPG"> <img src="/stands/boat/gone.png">\n',
      ),
      'static/stands/boat/logo.png': PNG,
      'static/stands/boat/photo.jpg': PNG,
    });
    const engine = await engineFor();
    const { collection, problems } = await engine.indexFolder(root);
    const message = (code: string, quoted: string) =>
      problems.find((p) => p.code === code && p.message.includes(quoted))!.message;
    expect(message('logo-missing', 'Logo.png')).toContain(
      'static/stands/boat/logo.png, whose name differs in capitals only',
    );
    expect(message('asset-missing', 'Photo.JPG')).toContain('static/stands/boat/photo.jpg');
    expect(message('asset-missing', 'gone.png')).not.toContain('capitals');
    // Renamed away, the file is no longer named: a re-index says what a fresh one says.
    rmSync(path.join(root, 'static/stands/boat/logo.png'));
    const again = await engine.indexFolder(root);
    expect(again.problems.find((p) => p.code === 'logo-missing')!.message).not.toContain('capitals');
    await expectSameAsFresh(engine, collection.id, root);
  });

  it('say a problem about no stand has none to open', async () => {
    const engine = await engineFor();
    const id = (
      await engine.indexFolder(
        tempSite({
          'config.toml': 'title = "Problems"\n',
          'content/stands/open.md': page('title: Open\nshow_on_overview: true\nthemes: [Tools]'),
          'content/themes/tools/_index.md': page('title: Tools', 'See [the map](/nowhere/).'),
        }),
      )
    ).collection.id;
    const about = engine.listProblems({ collection: id }).filter((p) => p.stand === null);
    expect(about.length).toBeGreaterThan(0);
    expect(about.map((p) => p.standOpens)).toEqual(about.map(() => false));
    expect(about.map((p) => p.standTitle)).toEqual(about.map(() => null));
  });
});

describe('problem messages quoting hostile values', () => {
  // Bidi controls, line breaks and invisible characters that would make a message read differently from
  // what it says, or break it over lines.
  const HIDDEN = /[\p{Cc}\u061C\u200B\u200E\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/u;

  it('write out bidi controls and line breaks from file names, links, images, themes and baseURL', async () => {
    const engine = await engineFor();
    const id = (
      await engine.indexFolder(
        tempSite({
          'config.toml': 'title = "Problems"\nbaseURL = "ftp://stands\u202Egro.elpmaxe"\n',
          'content/stands/open.md': page(
            'title: Open\nshow_on_overview: true\nthemes: ["Tools\u2066x"]\nlogo: "a\u202Egnp.png"',
            '<img src="cat\u202Egnp.exe"> <a href="c\nstands/x.md:2: error: forged [link-broken]\u2067">c</a>',
          ),
          'content/stands/open/evil\nx.md:1: error: forged [front-matter-invalid]\u202E.md':
            page('title: [x'),
        }),
      )
    ).collection.id;
    const problems = engine.listProblems({ collection: id });
    const codes = new Set(problems.map((p) => p.code));
    for (const code of [
      'base-url-unusable',
      'asset-missing',
      'link-broken',
      'logo-missing',
      'front-matter-invalid',
    ])
      expect(codes).toContain(code);
    for (const problem of problems) expect(problem.message).not.toMatch(HIDDEN);
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toContain('"cat\\u202Egnp.exe"');
    expect(messages).toContain('"c\\u000Astands/x.md:2: error: forged [link-broken]\\u2067"');
    expect(messages).toContain('a\\u202Egnp.png');
    // baseURL is quoted as JSON, its override written out like every other value's.
    expect(messages).toContain('(baseURL = "ftp://stands\\u202Egro.elpmaxe")');
    // The file keeps its real name: the screen filters by it and the JSON report escapes it.
    expect(problems.some((p) => p.file.includes('evil\nx.md'))).toBe(true);
  });
});
