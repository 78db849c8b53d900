// What Hugo makes of flags and order that look alike but are not, in folders written here. Each
// expectation was checked against `hugo` 0.111 with ../shared/hugo-reference/manifest.sh.
import { describe, expect, it } from 'vitest';
import { engineFor, page, tempSite } from './helpers';

async function indexed(files: Record<string, string>) {
  const engine = await engineFor();
  const id = (await engine.indexFolder(tempSite(files))).collection.id;
  return { engine, id };
}

describe('show_on_overview and draft, as Hugo reads them', () => {
  it("lists a stand whose flag the site's template finds true, and hides YAML 1.1 drafts", async () => {
    const flags: Record<string, string> = {
      bare_yes: 'yes',
      bare_on: 'On',
      bare_y: 'y',
      quoted_yes: '"yes"',
      quoted_false: '"false"',
      one: '1',
      list: '[a]',
      bare_no: 'no',
      bare_off: 'OFF',
      zero: '0',
      empty: '""',
      false: 'false',
    };
    const files: Record<string, string> = {};
    for (const [name, value] of Object.entries(flags))
      files[`content/stands/${name}.md`] = page(`title: ${name}\nshow_on_overview: ${value}`);
    for (const value of ['yes', 'on', 'Y', 'true'])
      files[`content/stands/draft_${value.toLowerCase()}.md`] = page(
        `title: draft ${value}\ndraft: ${value}\nshow_on_overview: true`,
      );
    files['content/stands/draft_no.md'] = page('title: draft no\ndraft: no\nshow_on_overview: true');
    files['content/stands/toml_yes.md'] =
      '+++\ntitle = "toml_yes"\ndraft = "yes"\nshow_on_overview = "no"\n+++\n';
    const { engine, id } = await indexed(files);
    expect(engine.listStands(id).map((s) => s.slug)).toEqual([
      'bare_on',
      'bare_y',
      'bare_yes',
      'draft_no',
      'list',
      'one',
      'quoted_false',
      'quoted_yes',
      'toml_yes',
    ]);
    const all = new Map(engine.listAllStands(id).map((s) => [s.slug, s]));
    for (const slug of ['draft_yes', 'draft_on', 'draft_y', 'draft_true'])
      expect(all.get(slug)).toMatchObject({ draft: true, listed: false });
    for (const slug of ['bare_no', 'bare_off', 'zero', 'empty', 'false'])
      expect(all.get(slug)).toMatchObject({ draft: false, listed: false });
  });
});
