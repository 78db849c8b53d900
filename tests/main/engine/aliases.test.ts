// Hugo's `aliases:` front matter: an old address a stand or page still answers at. Hugo 0.111 writes a
// redirect page at each alias of a published page (checked with `hugo`): absolute ones as written,
// relative ones beside the page's own address (`x` on /stands/a/sub/ is /stands/a/x/), none for a draft
// or a page `_build.render` gives no page; a real page at the same address wins over an alias. A link in
// stand content to such an address therefore takes the visitor to that stand or page, and must do so in
// the app too, after any edit as after a fresh index.
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as aliasModule from '../../../main/engine/aliases';
import type { IndexOutcome } from '../../../main/engine/api';
import { engineFor, eventually, expectSameAsFresh, page, tempDir, tempSite } from './helpers';

const LINKS = [
  '<a href="/stands/openharmony/">stand alias</a>',
  '[markdown](/stands/openharmony)',
  '<a href="/stands/old-lh.html">html alias</a>',
  '<a href="/stands/lighthouse/old-intro/#part">page alias</a>',
  '<a href="/stands/lighthouse/relintro/">relative page alias</a>',
  '<a href="/stands/lh-rel/">relative stand alias</a>',
  '<a href="/stands/harbour/">real page wins</a>',
  '<a href="/stands/draft-alias/">draft</a>',
  '<a href="/stands/unrendered-alias/">unrendered</a>',
].join('\n\n');

function site() {
  return tempSite({
    'content/stands/openharmony_project.md': page(
      'title: OpenHarmony\nshow_on_overview: true\naliases: [/stands/openharmony/]',
    ),
    'content/stands/openharmony_project/_index.md': page(
      'title: OpenHarmony Project\naliases: [/stands/openharmony/]',
    ),
    'content/stands/lighthouse.md': page(
      'title: Lighthouse\nshow_on_overview: true\naliases: [/stands/old-lh.html, lh-rel]',
    ),
    'content/stands/lighthouse/_index.md': page('title: Lighthouse'),
    'content/stands/lighthouse/intro.md': page(
      'title: Intro\naliases:\n  - /stands/lighthouse/old-intro/\n  - relintro\n  - /stands/harbour/',
    ),
    'content/stands/lighthouse/wip.md': page('title: WIP\ndraft: true\naliases: [/stands/draft-alias/]'),
    'content/stands/lighthouse/hidden.md': page(
      'title: Hidden\n_build: {render: never}\naliases: [/stands/unrendered-alias/]',
    ),
    'content/stands/harbour.md': page('title: Harbour\nshow_on_overview: true'),
    'content/stands/quay.md': page('title: Quay\nshow_on_overview: true', LINKS),
    'content/themes/systems/_index.md': page('title: Systems', '[OpenHarmony](/stands/openharmony/)'),
  });
}

let tick = 0;
function edit(root: string, rel: string, content: string): void {
  const file = path.join(root, ...rel.split('/'));
  writeFileSync(file, content);
  const time = new Date(Date.now() + 60_000 + ++tick * 1000);
  utimesSync(file, time, time);
}

const broken = (problems: { code: string; file: string; message: string }[]) =>
  problems
    .filter((p) => p.code === 'link-broken' && p.file === 'content/stands/quay.md')
    .map((p) => /"([^"]+)"/.exec(p.message)![1]);

describe('aliases', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('takes a link to an address a stand or page declares in aliases to that stand or page, as Hugo redirects it', async () => {
    const root = site();
    const engine = await engineFor();
    const { collection, problems } = await engine.indexFolder(root);
    const html = engine.getStand(collection.id, 'quay')!.bodyHtml;
    expect(html).toContain('href="standalone://stand/openharmony_project">stand alias');
    expect(html).toContain('href="standalone://stand/openharmony_project">markdown');
    expect(html).toContain('href="standalone://stand/lighthouse">html alias');
    expect(html).toContain('href="standalone://page/lighthouse/intro#part">page alias');
    expect(html).toContain('href="standalone://page/lighthouse/intro">relative page alias');
    expect(html).toContain('href="standalone://stand/lighthouse">relative stand alias');
    expect(html).toContain('href="standalone://stand/harbour">real page wins');
    expect(engine.getTheme(collection.id, 'systems')!.descriptionHtml).toContain(
      'href="standalone://stand/openharmony_project">OpenHarmony',
    );
    // Hugo writes no redirect for a draft or a page without a page of its own.
    expect(broken(problems)).toEqual(['/stands/draft-alias/', '/stands/unrendered-alias/']);
  });

  it('follows aliases added, moved and removed, as a fresh index would', async () => {
    const root = site();
    const engine = await engineFor();
    const id = (await engine.indexFolder(root)).collection.id;
    /** Reindexes: quay then holds `link` and `alias` is not a broken link of it, as after a fresh index. */
    const leads = async (link: string, alias: string) => {
      const { problems } = await engine.reindex(id);
      expect(engine.getStand(id, 'quay')!.bodyHtml).toContain(link);
      expect(broken(problems)).not.toContain(alias);
      await expectSameAsFresh(engine, id, root);
    };

    // The alias moves from the stand to the harbour stand: the linking stand follows.
    edit(root, 'content/stands/openharmony_project.md', page('title: OpenHarmony\nshow_on_overview: true'));
    edit(root, 'content/stands/openharmony_project/_index.md', page('title: OpenHarmony Project'));
    let outcome = await engine.reindex(id);
    expect(outcome.reread).toContain('content/stands/quay.md');
    expect(broken(outcome.problems)).toContain('/stands/openharmony/');
    await expectSameAsFresh(engine, id, root);

    edit(
      root,
      'content/stands/harbour.md',
      page('title: Harbour\nshow_on_overview: true\naliases: /stands/openharmony/'),
    );
    await leads('href="standalone://stand/harbour">stand alias', '/stands/openharmony/');

    // The page declaring one goes, then a draft page publishes with one.
    rmSync(path.join(root, 'content/stands/lighthouse/intro.md'));
    outcome = await engine.reindex(id);
    expect(broken(outcome.problems)).toContain('/stands/lighthouse/old-intro/#part');
    await expectSameAsFresh(engine, id, root);
    edit(root, 'content/stands/lighthouse/wip.md', page('title: WIP\naliases: [/stands/draft-alias/]'));
    await leads('href="standalone://page/lighthouse/wip">draft', '/stands/draft-alias/');

    // A link and the alias it names, both new in one run, when the dependencies were indexed before it
    // (a file appeared that nothing uses).
    edit(root, 'content/stands/unused.txt', 'unused');
    await engine.reindex(id);
    edit(
      root,
      'content/stands/quay.md',
      page('title: Quay\nshow_on_overview: true', `${LINKS}\n\n<a href="/stands/brand-new/">brand new</a>`),
    );
    edit(
      root,
      'content/stands/harbour.md',
      page('title: Harbour\nshow_on_overview: true\naliases: [/stands/openharmony/, brand-new]'),
    );
    await leads('href="standalone://stand/harbour">brand new', '/stands/brand-new/');
  });

  it('does not go through every alias of the folder again for an edit of a stand that declares none', async () => {
    // One stand with a thousand pages of a hundred aliases each made every other stand's live update
    // take half a second: what the aliases lead to only changes with a stand that declares some.
    const root = site();
    const engine = await engineFor();
    const id = (await engine.indexFolder(root)).collection.id;
    const targets = vi.spyOn(aliasModule, 'aliasTargets');
    edit(root, 'content/stands/quay.md', page('title: Quay\nshow_on_overview: true', `${LINKS}\n\nMore.`));
    await engine.reindex(id);
    expect(targets).not.toHaveBeenCalled();
    expect(engine.getStand(id, 'quay')!.bodyHtml).toContain(
      'href="standalone://stand/openharmony_project">stand alias',
    );
    edit(
      root,
      'content/stands/harbour.md',
      page('title: Harbour\nshow_on_overview: true\naliases: [/stands/x/]'),
    );
    await engine.reindex(id);
    expect(targets).toHaveBeenCalled();
    targets.mockRestore();
    await expectSameAsFresh(engine, id, root);
  });

  it('keeps following them after the store is opened again', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const root = site();
    const first = await engineFor({ dbFile });
    const id = (await first.indexFolder(root)).collection.id;
    await first.close();
    const second = await engineFor({ dbFile });
    // An unrelated edit: the alias must still be known from the store.
    edit(root, 'content/stands/quay.md', page('title: Quay\nshow_on_overview: true', `${LINKS}\n\nMore.`));
    await second.reindex(id);
    expect(second.getStand(id, 'quay')!.bodyHtml).toContain(
      'href="standalone://stand/openharmony_project">stand alias',
    );
    await expectSameAsFresh(second, id, root);
  });

  it('follows an alias added while the folder is watched', async () => {
    const root = site();
    rmSync(path.join(root, 'content/stands/openharmony_project'), { recursive: true });
    edit(root, 'content/stands/openharmony_project.md', page('title: OpenHarmony\nshow_on_overview: true'));
    const engine = await engineFor();
    const id = (await engine.indexFolder(root)).collection.id;
    const outcomes: IndexOutcome[] = [];
    const stop = await engine.watch((outcome) => outcomes.push(outcome));
    try {
      edit(
        root,
        'content/stands/openharmony_project.md',
        page('title: OpenHarmony\nshow_on_overview: true\naliases: [/stands/openharmony/]'),
      );
      const outcome = await eventually(
        () => outcomes.find((o) => o.change.changed.includes('content/stands/openharmony_project.md')),
        15_000,
      );
      expect(broken(outcome.problems)).not.toContain('/stands/openharmony/');
      expect(engine.getStand(id, 'quay')!.bodyHtml).toContain(
        'href="standalone://stand/openharmony_project">stand alias',
      );
      await expectSameAsFresh(engine, id, root);
    } finally {
      await stop();
    }
  });
});
