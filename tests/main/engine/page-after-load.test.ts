// A kiosk opens its store and serves pages without re-reading the folder. A page's published address
// comes from its own file: asking for one must not plan the whole folder again (at 10,000 stands a
// third of a second and 8 MB on the first page a visitor opens).
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { engineFor, page, tempDir, tempSite } from './helpers';

const planned = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../main/engine/plan', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../main/engine/plan')>();
  return {
    ...original,
    planCollection: (...args: Parameters<typeof original.planCollection>) => {
      planned.count++;
      return original.planCollection(...args);
    },
  };
});

describe('a page opened right after the store was loaded', () => {
  it('gets its published address without planning the folder again', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const first = await engineFor({ dbFile });
    const root = tempSite({
      'config.toml': 'baseURL = "https://example.org/2021"\n',
      'content/stands/lantern-os/_index.md': page('title: Lantern OS\nshow_on_overview: true'),
      'content/stands/lantern-os/docs/Install Guide.md': page('title: Install', 'Hi'),
      'content/stands/lantern-os/tour/index.md': page('title: Tour', 'Hi'),
    });
    const id = (await first.indexFolder(root)).collection.id;
    await first.close();

    const second = await engineFor({ dbFile });
    planned.count = 0;
    expect(second.getPage(id, 'lantern-os', 'docs-install-guide')!.publishedUrl).toBe(
      'https://example.org/2021/stands/lantern-os/docs/install-guide/',
    );
    // A leaf bundle's index is published at its folder's address.
    expect(second.getPage(id, 'lantern-os', 'tour')!.publishedUrl).toBe(
      'https://example.org/2021/stands/lantern-os/tour/',
    );
    expect(planned.count).toBe(0);
  });
});
