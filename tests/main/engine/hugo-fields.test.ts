// Front-matter fields written in forms Hugo reads its own way (a quoted weight, a date in some other
// format), in folders written here. Each expectation was checked against `hugo` 0.111 with
// ../shared/hugo-reference/manifest.sh.
import { describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { engineFor, expectSameAsFresh, page, tempSite } from './helpers';

async function indexed(files: Record<string, string>) {
  const root = tempSite(files);
  const engine = await engineFor();
  const id = (await engine.indexFolder(root)).collection.id;
  /**
   * Writes `text` to the folder's `file` (removes it when null) and reindexes; then `check`, and the
   * result must be what a fresh index gives.
   */
  const rewrite = async (file: string, text: string | null, check: () => void) => {
    if (text === null) rmSync(path.join(root, file));
    else writeFileSync(path.join(root, file), text);
    await engine.reindex(id);
    check();
    await expectSameAsFresh(engine, id, root);
  };
  return { engine, id, root, rewrite };
}

/**
 * Stand x: top.md, and a section sub (deep.md) holding a section inner (p.md), their _index.md with the
 * front matter given. `opens()`: which of x's pages open.
 */
async function nested(sub: string, inner: string) {
  const site = await indexed({
    'content/stands/x/_index.md': page('title: X\nshow_on_overview: true'),
    'content/stands/x/top.md': page('title: Top'),
    'content/stands/x/sub/_index.md': page(sub),
    'content/stands/x/sub/deep.md': page('title: Deep'),
    'content/stands/x/sub/inner/_index.md': page(inner),
    'content/stands/x/sub/inner/p.md': page('title: P'),
  });
  const opens = () =>
    ['top', 'sub', 'sub-deep', 'sub-inner', 'sub-inner-p'].filter((slug) =>
      site.engine.getPage(site.id, 'x', slug),
    );
  return { ...site, opens };
}

describe('weights, as Hugo reads them', () => {
  it('orders stands by a weight written as text, a float or a flag as Hugo makes it a whole number', async () => {
    const listed = (name: string, weight: string) =>
      page(`title: ${name}\nshow_on_overview: true\nweight: ${weight}`);
    const { engine, id } = await indexed({
      'content/stands/quoted.md': listed('Quoted', '"3"'),
      'content/stands/negative.md': listed('Negative', '"-2"'),
      'content/stands/decimal.md': listed('Decimal', '"5.0"'),
      'content/stands/octal.md': listed('Octal', '"010"'),
      'content/stands/hex.md': listed('Hex', '"0x10"'),
      'content/stands/float.md': listed('Float', '7.9'),
      'content/stands/flag.md': listed('Flag', 'true'),
      'content/stands/seven.md': listed('Seven', '7'),
      // Text Hugo cannot read as a whole number is no weight at all: these come last, by title.
      'content/stands/half.md': listed('Half', '"3.5"'),
      'content/stands/spaced.md': listed('Spaced', '" 4"'),
      'content/stands/word.md': listed('Word', '"abc"'),
      'content/stands/none.md': page('title: None\nshow_on_overview: true'),
      'content/stands/toml.md': '+++\ntitle = "Toml"\nshow_on_overview = true\nweight = 2.5\n+++\n',
    });
    expect(engine.listStands(id).map((s) => s.slug)).toEqual([
      'negative',
      'flag',
      'toml',
      'quoted',
      'decimal',
      // 7.9 is 7: tied with Seven, then by title.
      'float',
      'seven',
      'octal',
      'hex',
      'half',
      'none',
      'spaced',
      'word',
    ]);
  });

  it("orders a stand's pages by a quoted weight", async () => {
    const { engine, id } = await indexed({
      'content/stands/s/_index.md': page('title: S\nshow_on_overview: true'),
      'content/stands/s/alpha.md': page('title: Alpha'),
      'content/stands/s/beta.md': page('title: Beta\nweight: "2"'),
      'content/stands/s/gamma.md': page('title: Gamma\nweight: 1'),
    });
    expect(engine.getStand(id, 's')!.pages.map((p) => p.title)).toEqual(['Gamma', 'Beta', 'Alpha']);
  });
});

describe('dates, as Hugo reads them', () => {
  it('reads only the date formats Hugo knows, a number as Unix seconds, and a date without a zone as UTC', async () => {
    const listed = (name: string, date: string) =>
      page(`title: ${name}\nshow_on_overview: true\ndate: ${date}`);
    const zone = process.env.TZ;
    // Where the app runs (a kiosk far east) must not move a date that names no zone.
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const { engine, id } = await indexed({
        // Not dates to Hugo: published, and ordered as undated.
        'content/stands/words.md': listed('Words', '"Feb 7, 2099"'),
        'content/stands/no-seconds.md': listed('No seconds', '"2099-01-01 10:00"'),
        'content/stands/slashes.md': listed('Slashes', '"07/02/2099"'),
        'content/stands/lower-t.md': listed('Lower t', '"2099-01-01t10:00:00z"'),
        'content/stands/feb-30.md': listed('Feb 30', '"2099-02-30"'),
        'content/stands/past-words.md': listed('Past words', '"Feb 7, 2021"'),
        // Future dates Hugo reads: not published.
        'content/stands/seconds.md': listed('Seconds', '"2099-01-01 10:00:00"'),
        'content/stands/day-month.md': listed('Day month', '"07 Feb 2099"'),
        'content/stands/rfc1123.md': listed('Rfc1123', '"Mon, 02 Jan 2099 15:04:05 GMT"'),
        'content/stands/unix.md': listed('Unix', '4102444800'),
        // Past dates Hugo reads: newest first.
        'content/stands/past-unix.md': listed('Past unix', '1612692672'),
        'content/stands/past-iso.md': listed('Past iso', '2020-01-01'),
        'content/stands/local.md': listed('Local', '"2021-02-07T10:00:00"'),
        'content/stands/zoned.md': listed('Zoned', '"2021-02-07T05:00:00-02:00"'),
        'content/stands/ansic.md': listed('Ansic', '"Sun Feb  7 12:00:00 2021"'),
        'content/stands/plain.md': page('title: Plain\nshow_on_overview: true'),
        // Hugo orders by whole seconds: a fraction does not make a page newer, the title decides.
        'content/stands/fraction.md': listed('Fraction', '"2021-02-07T12:00:00.5Z"'),
      });
      expect(engine.listStands(id).map((s) => s.slug)).toEqual([
        'ansic',
        'fraction',
        'past-unix',
        'local',
        'zoned',
        'past-iso',
        'feb-30',
        'lower-t',
        'no-seconds',
        'past-words',
        'plain',
        'slashes',
        'words',
      ]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('content file extensions, as Hugo reads them', () => {
  it('makes pages of .md, .markdown, .mdown, .html and .htm files only, in lower case', async () => {
    const { engine, id } = await indexed({
      'content/stands/s/_index.md': page('title: S\nshow_on_overview: true'),
      'content/stands/s/a.md': page('title: A'),
      'content/stands/s/b.mdown': page('title: B'),
      'content/stands/s/c.htm': page('title: C'),
      // Hugo copies these as they are, as files of the stand, and makes no page of them.
      'content/stands/s/README.MD': page('title: Readme'),
      'content/stands/s/d.Md': page('title: D'),
      'content/stands/s/e.HTML': page('title: E'),
      'content/stands/s/f.Markdown': page('title: F'),
      'content/stands/UPPER.MD': page('title: Upper\nshow_on_overview: true'),
    });
    expect(engine.listStands(id).map((s) => s.slug)).toEqual(['s']);
    expect(engine.getStand(id, 's')!.pages.map((p) => p.title)).toEqual(['A', 'B', 'C']);
  });
});

describe('a section inside a stand folder', () => {
  it("gives a sub-folder's _index.md the folder's address, as Hugo does, so links to it work", async () => {
    const { engine, id } = await indexed({
      'content/stands/s/_index.md': page(
        'title: S\nshow_on_overview: true',
        'See [the docs](/stands/s/docs/).',
      ),
      'content/stands/s/docs/_index.md': page('title: Docs'),
    });
    expect(engine.listProblems({ collection: id, code: 'link-broken' })).toEqual([]);
    const docs = engine.getStand(id, 's')!.pages.find((p) => p.title === 'Docs')!;
    expect(docs.slug).toBe('docs');
    expect(engine.getStand(id, 's')!.bodyHtml).toContain('href="standalone://page/s/docs"');
  });

  it("lists the pages inside that section on the section's page, not the stand's, as Hugo does", async () => {
    const { engine, id, rewrite } = await indexed({
      'content/stands/x/_index.md': page(
        'title: X\nshow_on_overview: true',
        'See [deep](/stands/x/sub/deep/) and [more](/stands/x/sub/more/).',
      ),
      'content/stands/x/top.md': page('title: Top'),
      'content/stands/x/plain/other.md': page('title: Other'),
      'content/stands/x/sub/_index.md': page('title: Sub'),
      'content/stands/x/sub/deep.md': page('title: Deep'),
      'content/stands/x/sub/plain/y.md': page('title: Why'),
      'content/stands/x/sub/more/_index.md': page('title: More'),
    });
    // Hugo 0.111: x's .Pages are other.md, sub/_index.md and top.md; sub's are deep.md, more/_index.md
    // and plain/y.md. Every one of them is published at its address.
    const listed = () => engine.getStand(id, 'x')!.pages.map((p) => p.title);
    expect(listed()).toEqual(['Other', 'Sub', 'Top']);
    expect(engine.getPage(id, 'x', 'sub-deep')!.title).toBe('Deep');
    expect(engine.getPage(id, 'x', 'sub-more')!.title).toBe('More');
    expect(engine.getStand(id, 'x')!.bodyHtml).toContain('href="standalone://page/x/sub-deep"');
    expect(engine.listProblems({ collection: id, code: 'link-broken' })).toEqual([]);
    // Without sub/_index.md, Hugo lists deep.md and plain/y.md on x (and more/_index.md nowhere).
    await rewrite('content/stands/x/sub/_index.md', null, () =>
      expect(listed()).toEqual(['Deep', 'Other', 'Top', 'Why']),
    );
    await rewrite('content/stands/x/sub/_index.md', page('title: Sub'), () =>
      expect(listed()).toEqual(['Other', 'Sub', 'Top']),
    );
  });

  it("gives that section's cascade to the pages below it, as Hugo does, and rebuilds them when it changes", async () => {
    const { engine, id, root, rewrite, opens } = await nested(
      'title: Sub\ncascade:\n  draft: true',
      'title: Inner\ncascade:\n  weight: 3',
    );
    // Hugo 0.111 publishes neither sub/_index.md nor anything below it; top.md stays.
    expect(opens()).toEqual(['top']);
    writeFileSync(
      path.join(root, 'content/stands/x/sub/_index.md'),
      page('title: Sub\ncascade:\n  title: Given'),
    );
    await engine.reindex(id);
    expect(opens()).toEqual(['top', 'sub', 'sub-deep', 'sub-inner', 'sub-inner-p']);
    // Its own title wins; the nearest section's cascade does not hide the outer one's keys.
    expect(engine.getPage(id, 'x', 'sub-deep')!.title).toBe('Deep');
    await rewrite('content/stands/x/sub/inner/p.md', page('weight: 1'), () =>
      expect(engine.getPage(id, 'x', 'sub-inner-p')!.title).toBe('Given'),
    );
    await rewrite('content/stands/x/sub/_index.md', page('title: Sub'), () =>
      expect(engine.getPage(id, 'x', 'sub-inner-p')!.title).toBe('p'),
    );
    await rewrite('content/stands/x/sub/_index.md', page('title: Sub\ncascade:\n  draft: true'), () =>
      expect(opens()).toEqual(['top']),
    );
    await rewrite('content/stands/x/sub/_index.md', null, () =>
      expect(opens()).toEqual(['top', 'sub-deep', 'sub-inner', 'sub-inner-p']),
    );
  });

  it("gives that section's page the pages on its list, as Hugo's section page lists them", async () => {
    const { engine, id, rewrite } = await indexed({
      'content/stands/x/_index.md': page('title: X\nshow_on_overview: true'),
      'content/stands/x/top.md': page('title: Top'),
      'content/stands/x/sub/_index.md': page('title: Sub'),
      'content/stands/x/sub/deep.md': page('title: Deep\nweight: 2'),
      'content/stands/x/sub/hidden.md': page('title: Hidden\n_build:\n  list: never'),
      'content/stands/x/sub/draft.md': page('title: Draft\ndraft: true'),
      'content/stands/x/sub/plain/y.md': page('title: Why'),
      'content/stands/x/sub/plain/more2/_index.md': page('title: More2'),
      'content/stands/x/sub/plain/more2/q.md': page('title: Q'),
      'content/stands/x/sub/more/_index.md': page('title: More'),
      'content/stands/x/sub/more/r.md': page('title: R'),
    });
    // Hugo 0.111: sub lists deep.md, more/_index.md and plain/y.md; more lists r.md; more2 lists q.md
    // and is itself on no list; x lists sub; top.md lists nothing.
    const listOf = (slug: string) => engine.getPage(id, 'x', slug)!.pages.map((p) => p.title);
    expect(listOf('sub')).toEqual(['Deep', 'More', 'Why']);
    expect(listOf('sub-more')).toEqual(['R']);
    expect(listOf('sub-plain-more2')).toEqual(['Q']);
    expect(listOf('top')).toEqual([]);
    expect(listOf('sub-deep')).toEqual([]);
    expect(engine.getStand(id, 'x')!.pages.map((p) => p.title)).toEqual(['Sub', 'Top']);
    // A page inside a section has its section's pages beside it, and the sections above it in its trail.
    const around = (slug: string) => {
      const detail = engine.getPage(id, 'x', slug)!;
      return { trail: detail.sections.map((s) => s.title), beside: detail.siblings.map((p) => p.title) };
    };
    expect(around('sub-more-r')).toEqual({ trail: ['Sub', 'More'], beside: ['R'] });
    expect(around('sub-deep')).toEqual({ trail: ['Sub'], beside: ['Deep', 'More', 'Why'] });
    expect(around('sub-plain-more2-q')).toEqual({ trail: ['More2'], beside: ['Q'] });
    expect(around('sub')).toEqual({ trail: [], beside: ['Sub', 'Top'] });
    await rewrite('content/stands/x/sub/draft.md', page('title: Draft'), () =>
      expect(listOf('sub')).toEqual(['Deep', 'Draft', 'More', 'Why']),
    );
  });

  it('publishes no page below a draft section, as Hugo does', async () => {
    const { rewrite, opens } = await nested('title: Sub\ndraft: true', 'title: Inner');
    // Hugo 0.111 publishes top.md only.
    expect(opens()).toEqual(['top']);
    await rewrite('content/stands/x/sub/_index.md', page('title: Sub'), () =>
      expect(opens()).toEqual(['top', 'sub', 'sub-deep', 'sub-inner', 'sub-inner-p']),
    );
    await rewrite('content/stands/x/sub/inner/_index.md', page('title: Inner\ndraft: true'), () =>
      expect(opens()).toEqual(['top', 'sub', 'sub-deep']),
    );
  });
});

describe('a stand with both a listing file and a folder page', () => {
  it('shows on the theme pages, and with the themes, of its listed file only, as the site lists it', async () => {
    const { engine, id } = await indexed({
      'content/stands/both.md': page('title: Both\nshow_on_overview: true\nthemes: [Alpha]'),
      'content/stands/both/_index.md': page('title: Both folder\nthemes: [Beta]'),
      'content/stands/other.md': page('title: Other\nshow_on_overview: true\nthemes: [Beta]'),
    });
    expect(engine.listStands(id).map((s) => [s.slug, s.themes.map((t) => t.slug)])).toEqual([
      ['both', ['alpha']],
      ['other', ['beta']],
    ]);
    expect(engine.getTheme(id, 'alpha')!.stands.map((s) => s.slug)).toEqual(['both']);
    expect(engine.getTheme(id, 'beta')!.stands.map((s) => s.slug)).toEqual(['other']);
  });
});

describe("a theme page's order", () => {
  it('orders a stand folder without a date of its own as undated on theme pages, as Hugo does (the overview dates it by its pages)', async () => {
    const { engine, id } = await indexed({
      'content/stands/zsec/_index.md': page('title: Zsec\nshow_on_overview: true\nthemes: [X]'),
      'content/stands/zsec/child.md': page('title: Child\ndate: 2021-01-19'),
      'content/stands/alpha.md': page('title: Alpha\nshow_on_overview: true\nthemes: [X]'),
      'content/stands/ysec/_index.md': page(
        'title: Ysec\nshow_on_overview: true\nthemes: [X]\ndate: 2020-01-01',
      ),
      'content/stands/wsec/_index.md': page('title: Wsec\nshow_on_overview: true\nthemes: [X]\nweight: 5'),
      'content/stands/wsec/child.md': page('title: Child\ndate: 2022-01-19'),
    });
    expect(engine.listStands(id).map((s) => s.slug)).toEqual(['wsec', 'zsec', 'ysec', 'alpha']);
    expect(engine.getTheme(id, 'x')!.stands.map((s) => s.slug)).toEqual(['wsec', 'ysec', 'alpha', 'zsec']);
  });
});
