// Watch mode on a real temporary folder: a change on disk arrives as an IndexOutcome.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndexOutcome } from '../../../main/engine/api';
import { engineFor, eventually, expectSameAsFresh, page, PNG, tempSite } from './helpers';

describe('watch', () => {
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
      // chokidar needs a moment to set up its watches before it sees changes.
      await new Promise((resolve) => setTimeout(resolve, 300));
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
    } finally {
      await stop();
    }
    const count = outcomes.length;
    writeFileSync(path.join(root, 'content/stands/gamma.md'), page('title: Gamma\nshow_on_overview: true'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(outcomes.length).toBe(count);
  }, 40_000);
});
