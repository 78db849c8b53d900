// The problems the app's Problems screen lists: each says whether its stand opens, so the screen links
// only a stand that has a screen (a draft or a stand _build.render gives no page would lead to Not found).
import { describe, expect, it } from 'vitest';
import { engineFor, page, tempSite } from './helpers';

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
  });
});
