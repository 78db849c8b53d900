// Watch mode on a real temporary folder: the folder watcher's reports, and a change on disk arriving as
// an IndexOutcome. Nothing is timed: each check waits for the report it expects, and a change that must
// not be reported is made before one that must, so the first report after it shows what got through.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IndexOutcome } from '../../../main/engine/api';
import {
  watchFolders,
  whyUnwatched,
  type FolderWatcher,
  type WatchedChanges,
} from '../../../main/engine/watch';
import { engineFor, eventually, expectSameAsFresh, page, PNG, tempDir, tempSite } from './helpers';

interface Report {
  collection: string;
  changes: WatchedChanges | null;
}

const watchers: FolderWatcher[] = [];
afterEach(async () => {
  await Promise.all(watchers.splice(0).map((watcher) => watcher.close()));
});

/** A folder watcher on `root` as collection "c", and the reports it has made so far. */
async function watching(root: string, depth = 16) {
  const reports: Report[] = [];
  const watcher = watchFolders((collection, changes) => reports.push({ collection, changes }), depth);
  watchers.push(watcher);
  watcher.add('c', root);
  await watcher.ready();
  let seen = 0;
  /** The next report, once it has come. */
  const next = () => eventually(() => (reports.length > seen ? reports[seen++] : undefined), 15_000);
  return { watcher, reports, next };
}

const sorted = (changes: WatchedChanges | null) =>
  changes && { dirs: [...changes.dirs].sort(), files: [...changes.files].sort() };

function site() {
  return tempSite({
    'config.toml': 'title = "Watched"\n',
    'content/stands/alpha.md': page('title: Alpha'),
    'content/stands/alpha/deep/page.md': page('title: Deep'),
    'static/stands/alpha/logo.png': PNG,
    'themes/plain/layouts/index.html': '<html></html>',
    'public/index.html': '<html></html>',
    'content/.git/HEAD': 'ref\n',
  });
}

describe('watchFolders', () => {
  it('names the file edited and the folder an entry appeared in or left', async () => {
    const root = site();
    const { next } = await watching(root);
    writeFileSync(path.join(root, 'content/stands/alpha.md'), page('title: Alpha, edited'));
    expect(sorted((await next()).changes)).toEqual({ dirs: [], files: ['content/stands/alpha.md'] });

    writeFileSync(path.join(root, 'static/stands/alpha/banner.png'), PNG);
    const added = (await next()).changes!;
    expect(added.dirs).toContain('static/stands/alpha');

    rmSync(path.join(root, 'content/stands/alpha/deep/page.md'));
    expect(sorted((await next()).changes)).toEqual({ dirs: ['content/stands/alpha/deep'], files: [] });
  });

  it('ignores hidden entries, editor backups and every folder but content/ and static/', async () => {
    const root = site();
    const { next, reports } = await watching(root);
    writeFileSync(path.join(root, 'content/.git/HEAD'), 'other\n');
    writeFileSync(path.join(root, 'content/stands/.alpha.md.swp'), 'swap');
    writeFileSync(path.join(root, 'content/stands/alpha.md~'), 'backup');
    writeFileSync(path.join(root, 'themes/plain/layouts/index.html'), '<html>changed</html>');
    mkdirSync(path.join(root, 'public/stands/alpha'), { recursive: true });
    writeFileSync(path.join(root, 'public/stands/alpha/index.html'), '<html></html>');
    writeFileSync(path.join(root, 'README.md'), 'not read by the index');
    mkdirSync(path.join(root, 'node_modules/x'), { recursive: true });
    // The one change that matters, last.
    writeFileSync(path.join(root, 'content/stands/alpha/deep/page.md'), page('title: Deep, edited'));
    const report = await next();
    expect(report.collection).toBe('c');
    expect(sorted(report.changes)).toEqual({ dirs: [], files: ['content/stands/alpha/deep/page.md'] });
    expect(reports).toHaveLength(1);
  });

  it('leaves out what lies deeper than the walk goes', async () => {
    const root = site();
    const { next } = await watching(root, 3);
    writeFileSync(path.join(root, 'content/stands/alpha/deep/page.md'), page('title: Too deep'));
    writeFileSync(path.join(root, 'content/stands/alpha.md'), page('title: Alpha, edited'));
    expect(sorted((await next()).changes)).toEqual({ dirs: [], files: ['content/stands/alpha.md'] });
  });

  it('asks for everything to be walked again when the configuration or a top folder changes', async () => {
    const root = site();
    const { next } = await watching(root);
    writeFileSync(path.join(root, 'config.toml'), 'title = "Renamed"\n');
    expect((await next()).changes).toBeNull();
    writeFileSync(path.join(root, 'hugo.toml'), 'title = "Hugo"\n');
    expect((await next()).changes).toBeNull();
    writeFileSync(path.join(root, 'hugo.yaml'), 'title: Hugo\n');
    expect((await next()).changes).toBeNull();
    writeFileSync(path.join(root, 'config.json'), '{"title": "Config"}\n');
    expect((await next()).changes).toBeNull();
    writeFileSync(path.join(root, 'config.yml'), 'title: Config\n');
    expect((await next()).changes).toBeNull();
    rmSync(path.join(root, 'static'), { recursive: true });
    expect((await next()).changes).toBeNull();
  });

  it("asks for everything again when Hugo's configuration directory changes, made with its folders", async () => {
    const root = site();
    const { next } = await watching(root);
    // config/ moved in with its folders: where the system watches folder by folder, the watch starts again.
    const moved = tempDir();
    mkdirSync(path.join(moved, 'config/_default'), { recursive: true });
    writeFileSync(path.join(moved, 'config/_default/hugo.toml'), 'title = "Default"\n');
    renameSync(path.join(moved, 'config'), path.join(root, 'config'));
    expect((await next()).changes).toBeNull();
    writeFileSync(path.join(root, 'config/_default/hugo.toml'), 'title = "Edited"\n');
    expect((await next()).changes).toBeNull();
    mkdirSync(path.join(root, 'config/production'));
    writeFileSync(path.join(root, 'config/production/params.toml'), 'venue = "Pier 4"\n');
    expect((await next()).changes).toBeNull();
    writeFileSync(path.join(root, 'config/production/params.toml'), 'venue = "Pier 5"\n');
    expect((await next()).changes).toBeNull();
  });

  it('turns a burst of changes into one report', async () => {
    const root = site();
    const { next } = await watching(root);
    for (let i = 0; i < 30; i++)
      writeFileSync(path.join(root, `content/stands/s${i}.md`), page(`title: S${i}`));
    writeFileSync(path.join(root, 'content/stands/alpha.md'), page('title: Alpha, edited'));
    const burst = (await next()).changes!;
    expect(burst.dirs).toContain('content/stands');
    // The burst is over: the next report holds only what came after it.
    writeFileSync(path.join(root, 'static/stands/alpha/logo.png'), PNG);
    expect(sorted((await next()).changes)).toEqual({ dirs: [], files: ['static/stands/alpha/logo.png'] });
  });

  it('asks for everything when more changed than is worth naming', async () => {
    const root = site();
    const { next } = await watching(root);
    mkdirSync(path.join(root, 'static/many'));
    for (let i = 0; i < 600; i++) writeFileSync(path.join(root, `static/many/f${i}.txt`), 'x');
    expect((await next()).changes!.dirs).toContain('static/many');
    // Six hundred files edited at once: more than naming them is worth.
    for (let i = 0; i < 600; i++) writeFileSync(path.join(root, `static/many/f${i}.txt`), 'y');
    expect((await next()).changes).toBeNull();
  });

  it('follows folders created with their subfolders, and renamed ones, with what is inside', async () => {
    const root = site();
    const { next } = await watching(root);
    // `mkdir -p`: the new folder and the folders inside it.
    mkdirSync(path.join(root, 'content/stands/beta/gallery/2021'), { recursive: true });
    writeFileSync(path.join(root, 'content/stands/beta/gallery/2021/photo.md'), page('title: Photo'));
    // Where the system watches folder by folder (inotify), the watch starts again and all is walked.
    const created = (await next()).changes;
    expect(created === null || created.dirs.includes('content/stands/beta')).toBe(true);
    writeFileSync(path.join(root, 'content/stands/beta/gallery/2021/photo.md'), page('title: Photo, edited'));
    expect(sorted((await next()).changes)).toEqual({
      dirs: [],
      files: ['content/stands/beta/gallery/2021/photo.md'],
    });

    // A folder renamed: its old and new names' folder is walked; what is inside keeps being watched.
    renameSync(path.join(root, 'content/stands/beta'), path.join(root, 'content/stands/gamma'));
    const renamed = (await next()).changes;
    expect(renamed === null || renamed.dirs.includes('content/stands')).toBe(true);
    writeFileSync(path.join(root, 'content/stands/gamma/gallery/2021/photo.md'), page('title: Photo, again'));
    expect(sorted((await next()).changes)).toEqual({
      dirs: [],
      files: ['content/stands/gamma/gallery/2021/photo.md'],
    });
  });

  it('reports a folder that vanished, and watches it again once it is added back', async () => {
    const root = site();
    const { watcher, next } = await watching(root);
    rmSync(root, { recursive: true });
    expect((await next()).changes).toBeNull();
    // Back (a USB stick plugged in again): the index adds the collection again when it finds the folder.
    mkdirSync(path.join(root, 'content/stands'), { recursive: true });
    writeFileSync(path.join(root, 'content/stands/alpha.md'), page('title: Alpha'));
    watcher.add('c', root);
    await watcher.ready();
    writeFileSync(path.join(root, 'content/stands/alpha.md'), page('title: Alpha, back'));
    const back = await next();
    expect(sorted(back.changes)).toEqual({ dirs: [], files: ['content/stands/alpha.md'] });
  });

  it('reports a folder that cannot be watched as one to walk again, and throws nothing', async () => {
    const root = path.join(site(), 'missing');
    const { next } = await watching(root);
    expect((await next()).changes).toBeNull();
  });

  it('says why a folder that is there cannot be watched, instead of staying silent', async () => {
    const file = path.join(site(), 'config.toml');
    const troubles: string[] = [];
    const watcher = watchFolders(
      () => undefined,
      16,
      (collection, reason) => troubles.push(`${collection}: ${reason}`),
    );
    watchers.push(watcher);
    watcher.add('c', file);
    await watcher.ready();
    expect(troubles).toEqual(['c: it is not a folder']);
    // Once it is a folder again, adding it (as the next index does) watches it.
    const reports: Report[] = [];
    const again = watchFolders((collection, changes) => reports.push({ collection, changes }), 16);
    watchers.push(again);
    const root = site();
    again.add('c', file);
    await again.ready();
    rmSync(file);
    again.add('c', root);
    await again.ready();
    writeFileSync(path.join(root, 'content/stands/alpha.md'), page('title: Alpha, again'));
    await eventually(() => (reports.length > 0 ? true : undefined), 15_000);
    expect(sorted(reports[0]!.changes)).toEqual({ dirs: [], files: ['content/stands/alpha.md'] });
  });

  it.each([
    [
      "inotify_add_watch on '/media/usb/speed-limit/content' failed: No space left on device",
      'max_user_watches',
    ],
    ['Unable to initialize inotify: Too many open files', 'max_user_instances'],
    ["inotify_add_watch on '/media/usb/speed-limit/content/x' failed: No such file or directory", 'vanished'],
    ["realpath '/srv/inotify-limit/stands' failed: Permission denied", 'may not be read'],
  ])('names the cause from the system, never from the path: %s', (message, cause) => {
    expect(whyUnwatched(new Error(message))).toContain(cause);
  });

  it('stops reporting a removed collection', async () => {
    const one = site();
    const two = site();
    const reports: Report[] = [];
    const watcher = watchFolders((collection, changes) => reports.push({ collection, changes }), 16);
    watchers.push(watcher);
    watcher.add('one', one);
    watcher.add('two', two);
    await watcher.ready();
    await watcher.remove('one');
    writeFileSync(path.join(one, 'content/stands/alpha.md'), page('title: One'));
    writeFileSync(path.join(two, 'content/stands/alpha.md'), page('title: Two'));
    await eventually(() => (reports.length > 0 ? true : undefined), 15_000);
    expect(reports.map((report) => report.collection)).toEqual(['two']);
  });
});

describe('watch', () => {
  it("tells the organiser, by the collection's name, which folder has no live updates", async () => {
    const root = tempSite({ 'content/stands/alpha.md': page('title: Alpha\nshow_on_overview: true') });
    const engine = await engineFor();
    await engine.indexFolder(root);
    // The folder is swapped for a file of the same name: there, but not watchable.
    rmSync(root, { recursive: true });
    writeFileSync(root, 'not a folder');
    const troubles: string[] = [];
    const stop = await engine.watch(
      () => undefined,
      (message) => troubles.push(message),
    );
    await stop();
    expect(troubles).toHaveLength(1);
    expect(troubles[0]).toMatch(/^Live updates are off for “.+”: it is not a folder\. Re-index it/);
  });

  it('tells of a trouble once while watches are set up again, and again after a re-index', async () => {
    const root = tempSite({ 'content/stands/alpha.md': page('title: Alpha\nshow_on_overview: true') });
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    rmSync(root, { recursive: true });
    writeFileSync(root, 'not a folder');
    const troubles: string[] = [];
    const watchOnce = async () => {
      const stop = await engine.watch(
        () => undefined,
        (message) => troubles.push(message),
      );
      await stop();
    };
    // The app sets its watches up again whenever a folder is added or removed.
    await watchOnce();
    await watchOnce();
    expect(troubles).toHaveLength(1);
    // Asking for a re-index tries again, and says again if it still cannot watch.
    await engine.reindex(collection.id);
    await watchOnce();
    expect(troubles).toHaveLength(2);
    expect(troubles[1]).toBe(troubles[0]);
    // Watched again in between, a later failure for the same reason is news again.
    rmSync(root);
    mkdirSync(path.join(root, 'content'), { recursive: true });
    await watchOnce();
    expect(troubles).toHaveLength(2);
    rmSync(root, { recursive: true });
    writeFileSync(root, 'not a folder');
    await watchOnce();
    expect(troubles).toHaveLength(3);
  });

  it('re-indexes what changed and reports it, until stopped', async () => {
    const root = tempSite({
      'content/stands/alpha.md': page('title: Alpha\nshow_on_overview: true'),
      'static/.keep': '',
    });
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    const outcomes: IndexOutcome[] = [];
    const stop = await engine.watch((outcome) => outcomes.push(outcome));
    try {
      writeFileSync(path.join(root, 'content/stands/beta.md'), page('title: Beta\nshow_on_overview: true'));
      const added = await eventually(
        () => outcomes.find((o) => o.change.added.includes('content/stands/beta.md')),
        15_000,
      );
      expect(added.collection.id).toBe(collection.id);
      expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['alpha', 'beta']);

      rmSync(path.join(root, 'content/stands/alpha.md'));
      await eventually(
        () => outcomes.find((o) => o.change.removed.includes('content/stands/alpha.md')),
        15_000,
      );
      expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['beta']);

      // Changes deeper down: only the folders they happen in are walked again.
      mkdirSync(path.join(root, 'content/stands/beta'));
      writeFileSync(
        path.join(root, 'content/stands/beta/_index.md'),
        page('title: Beta page', '![logo](/stands/beta/logo.png)\n'),
      );
      await eventually(
        () => outcomes.find((o) => o.change.added.includes('content/stands/beta/_index.md')),
        15_000,
      );
      mkdirSync(path.join(root, 'static/stands/beta'), { recursive: true });
      writeFileSync(path.join(root, 'static/stands/beta/logo.png'), PNG);
      const logo = await eventually(
        () => outcomes.find((o) => o.change.added.includes('static/stands/beta/logo.png')),
        15_000,
      );
      expect(logo.reread).toEqual(['content/stands/beta.md', 'content/stands/beta/_index.md']);
      expect(engine.getStand(collection.id, 'beta')!.bodyHtml).toContain(
        `stand-asset://${collection.id}/static/stands/beta/logo.png`,
      );
      // An edit of a page that exists: that page is read again, nothing else is.
      writeFileSync(
        path.join(root, 'content/stands/beta/_index.md'),
        page('title: Beta page', 'Edited text.\n'),
      );
      const edited = await eventually(
        () => outcomes.find((o) => o.change.changed.includes('content/stands/beta/_index.md')),
        15_000,
      );
      expect(edited.change).toMatchObject({ added: [], removed: [] });
      expect(edited.reread).toEqual(['content/stands/beta.md', 'content/stands/beta/_index.md']);
      expect(engine.getStand(collection.id, 'beta')!.bodyHtml).toContain('Edited text.');
      await expectSameAsFresh(engine, collection.id, root);

      // A whole folder removed: its files leave the index (nothing refers to the logo any more).
      rmSync(path.join(root, 'static/stands/beta'), { recursive: true });
      const gone = await eventually(
        () => outcomes.find((o) => o.change.removed.includes('static/stands/beta/logo.png')),
        15_000,
      );
      expect(gone.reread).toEqual([]);
      expect(engine.getAsset(collection.id, 'static/stands/beta/logo.png')).toBeNull();
      await expectSameAsFresh(engine, collection.id, root);

      // A stand folder renamed: its pages move with it.
      renameSync(path.join(root, 'content/stands/beta'), path.join(root, 'content/stands/delta'));
      await eventually(
        () => outcomes.find((o) => o.change.added.includes('content/stands/delta/_index.md')),
        15_000,
      );
      await expectSameAsFresh(engine, collection.id, root);
    } finally {
      await stop();
    }
    const count = outcomes.length;
    writeFileSync(path.join(root, 'content/stands/gamma.md'), page('title: Gamma\nshow_on_overview: true'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(outcomes.length).toBe(count);
  }, 40_000);

  it("follows the site's title and address in Hugo's configuration directory", async () => {
    const root = tempSite({
      'config.toml': 'title = "Top"\n',
      'content/stands/alpha.md': page('title: Alpha\nshow_on_overview: true'),
    });
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    const outcomes: IndexOutcome[] = [];
    const stop = await engine.watch((outcome) => outcomes.push(outcome));
    const named = (name: string) =>
      eventually(() => outcomes.find((o) => o.collection.name === name), 15_000);
    try {
      mkdirSync(path.join(root, 'config/_default'), { recursive: true });
      writeFileSync(path.join(root, 'config/_default/hugo.toml'), 'title = "Default"\n');
      await named('Default');
      writeFileSync(
        path.join(root, 'config/_default/hugo.toml'),
        'title = "Edited"\nbaseURL = "https://stands.example.org/"\n',
      );
      await named('Edited');
      expect(engine.getStand(collection.id, 'alpha')!.publishedUrl).toBe(
        'https://stands.example.org/stands/alpha/',
      );
      await expectSameAsFresh(engine, collection.id, root);
    } finally {
      await stop();
    }
  }, 40_000);

  it('marks a collection whose folder vanished unavailable', async () => {
    const root = tempSite({ 'content/stands/alpha.md': page('title: Alpha') });
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    const outcomes: IndexOutcome[] = [];
    const stop = await engine.watch((outcome) => outcomes.push(outcome));
    try {
      rmSync(root, { recursive: true });
      const gone = await eventually(() => outcomes.find((o) => !o.collection.available), 15_000);
      expect(gone.collection.id).toBe(collection.id);
    } finally {
      await stop();
    }
  });

  it('takes a page off and puts another on when their expiry and publish dates come, with no file touched', async () => {
    // Two seconds ahead: a talk's page that expires at noon, and the next one's that appears then.
    const noon = new Date(Date.now() + 2000).toISOString();
    const root = tempSite({
      'content/stands/alpha.md': page('title: Alpha\nshow_on_overview: true'),
      'content/stands/alpha/_index.md': page('title: Alpha'),
      'content/stands/alpha/morning.md': page(`title: Morning\nexpiryDate: ${noon}`),
      'content/stands/alpha/afternoon.md': page(`title: Afternoon\npublishDate: ${noon}`),
    });
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    const shown = () =>
      engine
        .getStand(collection.id, 'alpha')!
        .pages.filter((p) => !p.draft)
        .map((p) => p.slug);
    expect(shown()).toEqual(['morning']);
    const outcomes: IndexOutcome[] = [];
    const stop = await engine.watch((outcome) => outcomes.push(outcome));
    try {
      await eventually(() => (outcomes.length > 0 ? true : undefined), 15_000);
      expect(shown()).toEqual(['afternoon']);
      await expectSameAsFresh(engine, collection.id, root);
    } finally {
      await stop();
    }
  }, 20_000);

  it('takes a page off again within a minute when the clock is set back before its publish date', async () => {
    const noon = Date.parse('2030-02-01T12:00:00Z');
    const root = tempSite({
      'content/stands/alpha.md': page('title: Alpha\nshow_on_overview: true'),
      'content/stands/alpha/_index.md': page('title: Alpha'),
      'content/stands/alpha/afternoon.md': page('title: Afternoon\npublishDate: 2030-02-01T12:00:00Z'),
    });
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(noon + 60_000);
      const engine = await engineFor();
      const { collection } = await engine.indexFolder(root);
      const shown = () => engine.getStand(collection.id, 'alpha')!.pages.map((p) => p.slug);
      expect(shown()).toEqual(['afternoon']);
      const outcomes: IndexOutcome[] = [];
      const stop = await engine.watch((outcome) => outcomes.push(outcome));
      try {
        // The folder is watched: from now on the engine's clock timer is ours to run.
        vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
        vi.setSystemTime(noon + 60_000);
        await engine.reindex(collection.id);
        vi.setSystemTime(noon - 60 * 60_000);
        await vi.advanceTimersByTimeAsync(60_000);
        vi.useRealTimers();
        await eventually(() => (outcomes.length > 0 ? true : undefined), 5000);
        expect(shown()).toEqual([]);
      } finally {
        vi.useRealTimers();
        await stop();
      }
    } finally {
      vi.useRealTimers();
    }
  }, 20_000);
});
