// Re-indexing reads only what changed: the change lists and `reread` say which files were looked at.
import { cpSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineFor, expectSameAsFresh, FIXTURES, page, PNG, tempDir, writeTree } from './helpers';

let tick = 0;
/** Writes a file with a modification time that surely differs from the last one. */
function edit(root: string, rel: string, content: string | Uint8Array): void {
  const file = path.join(root, ...rel.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  const time = new Date(Date.now() + 60_000 + ++tick * 1000);
  utimesSync(file, time, time);
}

async function indexedCopy() {
  const root = path.join(tempDir(), 'harbour');
  cpSync(path.join(FIXTURES, 'site'), root, { recursive: true });
  const engine = await engineFor();
  const first = await engine.indexFolder(root);
  return { root, engine, id: first.collection.id, first };
}

describe('incremental re-indexing', () => {
  it('reads every content file the first time and nothing when nothing changed', async () => {
    const { engine, id, first } = await indexedCopy();
    expect(first.reread).toContain('content/stands/lighthouse/intro.md');
    expect(first.reread).toContain('content/themes/databases/_index.md');
    const again = await engine.reindex(id);
    expect(again.change).toEqual({ collection: id, added: [], changed: [], removed: [] });
    expect(again.reread).toEqual([]);
    expect(again.problems).toEqual(first.problems);
  });

  it('reads a changed sub-page and its stand’s own files, not the other pages', async () => {
    const { root, engine, id } = await indexedCopy();
    edit(
      root,
      'content/stands/lighthouse/intro.md',
      page('title: Introduction, revised\nweight: 2', 'New words.\n'),
    );
    const outcome = await engine.reindex(id);
    expect(outcome.change.changed).toEqual(['content/stands/lighthouse/intro.md']);
    expect(outcome.reread).toEqual([
      'content/stands/lighthouse.md',
      'content/stands/lighthouse/_index.md',
      'content/stands/lighthouse/intro.md',
    ]);
    expect(engine.getPage(id, 'lighthouse', 'intro')!.html).toBe('<p>New words.</p>\n');
    expect(engine.getStand(id, 'lighthouse')!.pages.map((p) => p.title)).toContain('Introduction, revised');
    expect(engine.getPage(id, 'lighthouse', 'notes')!.html).toContain('After the script.');
    await expectSameAsFresh(engine, id, root);
  });

  it('reads only a stand whose listing file changed', async () => {
    const { root, engine, id } = await indexedCopy();
    edit(
      root,
      'content/stands/quay-db.md',
      page('title: Quay DB 2\nthemes: [Databases]\nshow_on_overview: true\ndescription: Renamed.'),
    );
    const outcome = await engine.reindex(id);
    expect(outcome.reread).toEqual(['content/stands/quay-db.md']);
    expect(engine.listStands(id).find((s) => s.slug === 'quay-db')!.title).toBe('Quay DB 2');
    // Its theme without a page is gone, and so is the problem about it.
    expect(engine.listThemes(id).map((t) => t.slug)).toEqual(['databases', 'operating-systems']);
    expect(outcome.problems.some((p) => p.code === 'theme-without-page')).toBe(false);
    await expectSameAsFresh(engine, id, root);
  });

  it('rebuilds what referred to a file that appeared', async () => {
    const { root, engine, id } = await indexedCopy();
    expect(engine.getStand(id, 'anchor-lab')!.logo).toBeNull();
    edit(root, 'static/stands/anchor-lab/missing.png', PNG);
    const outcome = await engine.reindex(id);
    expect(outcome.change.added).toEqual(['static/stands/anchor-lab/missing.png']);
    expect(outcome.reread).toEqual(['content/stands/anchor-lab/_index.md']);
    expect(engine.getStand(id, 'anchor-lab')!.logo).toBe('static/stands/anchor-lab/missing.png');
    expect(outcome.problems.some((p) => p.code === 'logo-missing' && p.stand === 'anchor-lab')).toBe(false);
    expect(engine.getAsset(id, 'static/stands/anchor-lab/missing.png')).not.toBeNull();
    await expectSameAsFresh(engine, id, root);
  });

  it('names a file that appeared whose name differs from a missing one in capitals only, and forgets it once gone', async () => {
    const { root, engine, id } = await indexedCopy();
    const logoMissing = () =>
      engine.listProblems({ collection: id, code: 'logo-missing' }).find((p) => p.stand === 'anchor-lab')!
        .message;
    expect(logoMissing()).not.toContain('capitals');
    edit(root, 'static/stands/anchor-lab/Missing.PNG', PNG);
    const outcome = await engine.reindex(id);
    expect(outcome.reread).toEqual(['content/stands/anchor-lab/_index.md']);
    expect(logoMissing()).toContain('There is static/stands/anchor-lab/Missing.PNG, whose name differs');
    await expectSameAsFresh(engine, id, root);
    rmSync(path.join(root, 'static/stands/anchor-lab/Missing.PNG'));
    await engine.reindex(id);
    expect(logoMissing()).not.toContain('capitals');
    await expectSameAsFresh(engine, id, root);
  });

  it('drops removed files and re-reads the pages that linked to them', async () => {
    const { root, engine, id } = await indexedCopy();
    rmSync(path.join(root, 'content/stands/lighthouse/notes.html'));
    const outcome = await engine.reindex(id);
    expect(outcome.change.removed).toEqual(['content/stands/lighthouse/notes.html']);
    expect(outcome.reread).toContain('content/stands/lighthouse/intro.md');
    expect(outcome.reread).not.toContain('content/stands/lighthouse/Getting Started!.md');
    expect(engine.getPage(id, 'lighthouse', 'notes')).toBeNull();
    expect(engine.getPage(id, 'lighthouse', 'intro')!.html).toContain('<a>the notes</a>');
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({ code: 'link-broken', file: 'content/stands/lighthouse/intro.md' }),
    );
    expect(outcome.problems.some((p) => p.file === 'content/stands/lighthouse/notes.html')).toBe(false);
    await expectSameAsFresh(engine, id, root);
  });

  it('adds and removes whole stands', async () => {
    const { root, engine, id } = await indexedCopy();
    edit(
      root,
      'content/stands/new-net.md',
      page('title: New Net\nthemes: [Databases]\nshow_on_overview: true\ndescription: Fresh.'),
    );
    let outcome = await engine.reindex(id);
    expect(outcome.change.added).toEqual(['content/stands/new-net.md']);
    expect(outcome.reread).toEqual(['content/stands/new-net.md']);
    expect(engine.listStands(id).map((s) => s.slug)).toEqual([
      'anchor-lab',
      'lighthouse',
      'new-net',
      'quay-db',
    ]);
    expect(engine.getTheme(id, 'databases')!.standCount).toBe(3);

    rmSync(path.join(root, 'content/stands/quay-db.md'));
    outcome = await engine.reindex(id);
    expect(outcome.change.removed).toEqual(['content/stands/quay-db.md']);
    // Lighthouse linked to Quay DB: its page is read again and now reports the broken link.
    expect(outcome.reread).toEqual(['content/stands/lighthouse.md', 'content/stands/lighthouse/_index.md']);
    expect(engine.getStand(id, 'quay-db')).toBeNull();
    expect(engine.getStand(id, 'lighthouse')!.bodyHtml).toContain('<a>Quay DB</a>');
    await expectSameAsFresh(engine, id, root);
  });

  it('notices a new link leading out of the folder even when no file changed', async () => {
    const { root, engine, id } = await indexedCopy();
    symlinkSync('/etc', path.join(root, 'static/stands/etc'));
    const outcome = await engine.reindex(id);
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({ code: 'symlink-outside', file: 'static/stands/etc' }),
    );
    expect(engine.listProblems({ code: 'symlink-outside' })).toHaveLength(1);
  });

  it('reads a changed theme page only', async () => {
    const { root, engine, id } = await indexedCopy();
    edit(root, 'content/themes/databases/_index.md', page('title: Data Stores\ndescription: Renamed.'));
    const outcome = await engine.reindex(id);
    expect(outcome.reread).toEqual(['content/themes/databases/_index.md']);
    expect(engine.getStand(id, 'quay-db')!.themeRefs[0]).toEqual({
      slug: 'databases',
      title: 'Data Stores',
      rendered: true,
    });
    await expectSameAsFresh(engine, id, root);
  });

  it('keeps search up to date', async () => {
    const { root, engine, id } = await indexedCopy();
    expect(engine.search(id, 'beacons').map((g) => g.stand)).toEqual(['lighthouse']);
    edit(
      root,
      'content/stands/quay-db.md',
      page('title: Quay DB\nshow_on_overview: true\ndescription: Now with beacons too.'),
    );
    await engine.reindex(id);
    expect(
      engine
        .search(id, 'beacons')
        .map((g) => g.stand)
        .sort(),
    ).toEqual(['lighthouse', 'quay-db']);
    rmSync(path.join(root, 'content/stands/quay-db.md'));
    await engine.reindex(id);
    expect(engine.search(id, 'beacons').map((g) => g.stand)).toEqual(['lighthouse']);
  });
});

describe('incremental re-indexing after opening the store', () => {
  // The plan is not stored: a run after opening makes the old one from the file list as it was.
  it('rebuilds the stands linking to a page that vanished, and the stands a new page is linked from', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = path.join(tempDir(), 'harbour');
    cpSync(path.join(FIXTURES, 'site'), root, { recursive: true });
    edit(
      root,
      'content/stands/quay-db.md',
      page(
        'title: Quay DB\nshow_on_overview: true',
        '[intro](/stands/lighthouse/intro/) [new](/stands/lighthouse/fresh/)\n',
      ),
    );
    const first = await engineFor({ dbFile });
    const id = (await first.indexFolder(root)).collection.id;
    await first.close();

    const second = await engineFor({ dbFile });
    rmSync(path.join(root, 'content/stands/lighthouse/intro.md'));
    const removed = await second.reindex(id);
    expect(removed.change.removed).toEqual(['content/stands/lighthouse/intro.md']);
    expect(removed.reread).toContain('content/stands/quay-db.md');
    await expectSameAsFresh(second, id, root);
    await second.close();

    const third = await engineFor({ dbFile });
    edit(root, 'content/stands/lighthouse/fresh.md', page('title: Fresh'));
    const added = await third.reindex(id);
    expect(added.change.added).toEqual(['content/stands/lighthouse/fresh.md']);
    expect(added.reread).toContain('content/stands/quay-db.md');
    await expectSameAsFresh(third, id, root);
  });

  it("turns a sub-folder's pages into attachments when an index.md appears in it, and back", async () => {
    const { root, engine, id } = await indexedCopy();
    edit(root, 'content/stands/lighthouse/kit/notes.md', page('title: Kit notes'));
    await engine.reindex(id);
    expect(engine.getStand(id, 'lighthouse')!.pages.map((p) => p.title)).toContain('Kit notes');
    edit(root, 'content/stands/lighthouse/kit/index.md', page('title: Kit'));
    await engine.reindex(id);
    const titles = engine.getStand(id, 'lighthouse')!.pages.map((p) => p.title);
    expect(titles).toContain('Kit');
    expect(titles).not.toContain('Kit notes');
    await expectSameAsFresh(engine, id, root);
    rmSync(path.join(root, 'content/stands/lighthouse/kit/index.md'));
    await engine.reindex(id);
    expect(engine.getStand(id, 'lighthouse')!.pages.map((p) => p.title)).toContain('Kit notes');
    await expectSameAsFresh(engine, id, root);
  });
});

describe('a stand whose file breaks after it was indexed', () => {
  const broken = '---\ntitle: Quay DB: floating\n  themes: [Databases\n---\n';

  it('stays as it was last read, with the error and a warning that says so, until the file is fixed', async () => {
    const { root, engine, id } = await indexedCopy();
    const before = engine.getStand(id, 'quay-db')!;
    edit(root, 'content/stands/quay-db.md', broken);
    const outcome = await engine.reindex(id);
    expect(outcome.reread).toEqual(['content/stands/quay-db.md']);
    expect(engine.listStands(id).map((s) => s.slug)).toContain('quay-db');
    expect(engine.getStand(id, 'quay-db')).toEqual(before);
    expect(engine.search(id, 'manifests').map((g) => g.stand)).toEqual(['quay-db']);
    // Its earlier problems stay: they are still true of what is shown.
    const mine = outcome.problems.filter((p) => p.file === 'content/stands/quay-db.md');
    expect(mine.map((p) => [p.severity, p.code]).sort()).toEqual([
      ['error', 'front-matter-invalid'],
      ['warning', 'content-kept'],
      ['warning', 'logo-missing'],
      ['warning', 'theme-without-page'],
    ]);
    expect(mine.find((p) => p.code === 'content-kept')!.message).toMatch(/shows "Quay DB" as it was before/);

    // Saved again, still broken: still the version that could be read, told once.
    edit(root, 'content/stands/quay-db.md', `${broken}More words.\n`);
    const again = await engine.reindex(id);
    expect(engine.getStand(id, 'quay-db')).toEqual(before);
    expect(again.problems.filter((p) => p.file === 'content/stands/quay-db.md')).toEqual(mine);

    edit(root, 'content/stands/quay-db.md', page('title: Quay DB, fixed\nshow_on_overview: true'));
    const fixed = await engine.reindex(id);
    expect(engine.getStand(id, 'quay-db')!.title).toBe('Quay DB, fixed');
    expect(fixed.problems.some((p) => p.code === 'content-kept' || p.code === 'front-matter-invalid')).toBe(
      false,
    );
    await expectSameAsFresh(engine, id, root);
  });

  it('stays as it was when a sub-page can no longer be read', async () => {
    const { root, engine, id } = await indexedCopy();
    const before = engine.getStand(id, 'lighthouse')!;
    // Saved as UTF-16 by an editor.
    edit(root, 'content/stands/lighthouse/intro.md', Buffer.from(page('title: Intro'), 'utf16le'));
    const outcome = await engine.reindex(id);
    expect(engine.getStand(id, 'lighthouse')).toEqual(before);
    expect(
      outcome.problems
        .filter((p) => p.file === 'content/stands/lighthouse/intro.md')
        .map((p) => p.code)
        .sort(),
    ).toEqual(['content-kept', 'file-binary']);
  });

  it('is kept in the store, so a restarted app still shows it', async () => {
    const root = path.join(tempDir(), 'harbour');
    cpSync(path.join(FIXTURES, 'site'), root, { recursive: true });
    const dbFile = path.join(tempDir(), 'store.json');
    const first = await engineFor({ dbFile });
    const id = (await first.indexFolder(root)).collection.id;
    edit(root, 'content/stands/quay-db.md', broken);
    await first.reindex(id);
    await first.close();
    const second = await engineFor({ dbFile });
    await second.reindex(id);
    expect(second.getStand(id, 'quay-db')!.title).toBe('Quay DB');
    expect(second.listProblems({ collection: id }).map((p) => p.code)).toContain('content-kept');
  });

  it('is left out when the folder is indexed for the first time: there is no earlier version', async () => {
    const root = path.join(tempDir(), 'harbour');
    cpSync(path.join(FIXTURES, 'site'), root, { recursive: true });
    edit(root, 'content/stands/quay-db.md', broken);
    const engine = await engineFor();
    const outcome = await engine.indexFolder(root);
    expect(engine.listStands(outcome.collection.id).map((s) => s.slug)).not.toContain('quay-db');
    expect(outcome.problems.some((p) => p.code === 'content-kept')).toBe(false);
  });
});

describe('a publish or expiry date that passes while the app runs', () => {
  // The day of the event: pages scheduled for noon, with nothing edited in between.
  const noon = Date.parse('2030-02-01T12:00:00Z');
  const site = () => ({
    'config.toml': 'title = "Harbour"\n',
    'content/themes/tides/_index.md': page(
      'title: Tides\ndescription: Sea levels.\npublishDate: 2030-02-01T12:00:00Z',
    ),
    'content/stands/anchor.md': page('title: Anchor\nshow_on_overview: true\nthemes: [Tides]'),
    'content/stands/anchor/_index.md': page('title: Anchor'),
    'content/stands/anchor/always.md': page('title: Always'),
    'content/stands/anchor/morning.md': page('title: Morning talk\nexpiryDate: 2030-02-01T12:00:00Z'),
    'content/stands/anchor/afternoon.md': page('title: Afternoon talk\npublishDate: 2030-02-01T12:00:00Z'),
    'content/stands/buoy.md': page('title: Buoy\nshow_on_overview: true\ndate: 2030-02-01T12:00:00Z'),
    'content/stands/cable.md': page('title: Cable\nshow_on_overview: true\nexpiryDate: 2030-02-01T12:00:00Z'),
    'content/stands/dock.md': page(
      'title: Dock\nshow_on_overview: true',
      '[After lunch](/stands/anchor/afternoon/)\n',
    ),
  });
  const view = (engine: Awaited<ReturnType<typeof engineFor>>, id: string) => ({
    stands: engine.listStands(id).map((s) => s.slug),
    pages: engine
      .getStand(id, 'anchor')!
      .pages.filter((p) => !p.draft)
      .map((p) => p.slug),
    themes: engine.listThemes(id).map((t) => [t.slug, t.descriptionHtml !== '']),
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('is shown and hidden when the time comes, as a fresh index would, with no file touched', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(noon - 60 * 60_000);
    const root = path.join(tempDir(), 'harbour');
    writeTree(root, site());
    const engine = await engineFor();
    const id = (await engine.indexFolder(root)).collection.id;
    expect(view(engine, id)).toEqual({
      stands: ['anchor', 'cable', 'dock'],
      pages: ['always', 'morning'],
      themes: [['tides', false]],
    });
    vi.setSystemTime(noon + 60_000);
    const after = await engine.reindex(id);
    expect(view(engine, id)).toEqual({
      stands: ['buoy', 'anchor', 'dock'],
      pages: ['afternoon', 'always'],
      themes: [['tides', true]],
    });
    expect(after.reread).toContain('content/stands/anchor/afternoon.md');
    expect(after.reread).not.toContain('content/stands/dock.md');
    await expectSameAsFresh(engine, id, root);
  });

  it('is seen by an app started again after the time came, from its store', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(noon - 60 * 60_000);
    const root = path.join(tempDir(), 'harbour');
    writeTree(root, site());
    const dbFile = path.join(tempDir(), 'store.json');
    const first = await engineFor({ dbFile });
    const id = (await first.indexFolder(root)).collection.id;
    await first.close();
    vi.setSystemTime(noon + 60_000);
    const second = await engineFor({ dbFile });
    await second.reindex(id);
    expect(view(second, id).pages).toEqual(['afternoon', 'always']);
    await expectSameAsFresh(second, id, root);
  });

  it('is hidden and shown again when the clock is set back before the time (an organiser trying noon out)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(noon + 60_000);
    const root = path.join(tempDir(), 'harbour');
    writeTree(root, site());
    const engine = await engineFor();
    const id = (await engine.indexFolder(root)).collection.id;
    vi.setSystemTime(noon - 60 * 60_000);
    const back = await engine.reindex(id);
    expect(view(engine, id)).toEqual({
      stands: ['anchor', 'cable', 'dock'],
      pages: ['always', 'morning'],
      themes: [['tides', false]],
    });
    expect(back.reread).not.toContain('content/stands/dock.md');
    await expectSameAsFresh(engine, id, root);
    // With the clock where it was, nothing is read again.
    expect((await engine.reindex(id)).reread).toEqual([]);
  });

  it('never reads again a page whose date is too far off to come (expiryDate: 1e307)', async () => {
    const root = path.join(tempDir(), 'harbour');
    writeTree(root, {
      'config.toml': 'title = "Harbour"\n',
      'content/stands/far.md': page(
        'title: Far\nshow_on_overview: true\nexpiryDate: 1e307\npublishDate: -1e307',
      ),
    });
    const dbFile = path.join(tempDir(), 'store.json');
    const first = await engineFor({ dbFile });
    const id = (await first.indexFolder(root)).collection.id;
    expect(first.listStands(id).map((s) => s.slug)).toEqual(['far']);
    expect((await first.reindex(id)).reread).toEqual([]);
    await first.close();
    const second = await engineFor({ dbFile });
    expect((await second.reindex(id)).reread).toEqual([]);
  });
});
