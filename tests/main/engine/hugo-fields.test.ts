// Front-matter fields written in forms Hugo reads its own way (a quoted weight, a date in some other
// format), in folders written here. Each expectation was checked against `hugo` 0.111 with
// ../shared/hugo-reference/manifest.sh.
import { describe, expect, it } from 'vitest';
import { engineFor, page, tempSite } from './helpers';

async function indexed(files: Record<string, string>) {
  const engine = await engineFor();
  const id = (await engine.indexFolder(tempSite(files))).collection.id;
  return { engine, id };
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
