// Hugo's `cascade`: a section's front matter giving values to the pages below it (and to itself). A site
// that sets show_on_overview or themes once in content/stands/_index.md must show the same stands in the
// app as on the site. Every expectation here was checked against what Hugo 0.111 publishes from the same
// folder (../shared/hugo-reference/manifest.sh).
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineFor, expectSameAsFresh, page, tempSite } from './helpers';

const site = (files: Record<string, string> = {}) =>
  tempSite({
    'config.toml': 'title = "Cascade"\n',
    'content/_index.md': page('title: Home\ncascade:\n  show_on_overview: false\n  themes: [Alpha]'),
    'content/stands/_index.md': page('title: Stands\ncascade:\n  show_on_overview: true'),
    'content/stands/plain.md': page('title: Plain'),
    'content/stands/own.md': page('title: Own\nshow_on_overview: false\nthemes: [Beta]'),
    'content/themes/alpha/_index.md': page('title: Alpha'),
    ...files,
  });

function rewrite(root: string, rel: string, text: string): void {
  const file = path.join(root, rel);
  writeFileSync(file, text);
  const later = new Date(Date.now() + 120_000);
  utimesSync(file, later, later);
}

describe('cascade', () => {
  it('gives a stand the values its sections cascade, the nearest section first, its own keys before both', async () => {
    const engine = await engineFor();
    const id = (await engine.indexFolder(site())).collection.id;
    expect(engine.listStands(id).map((s) => [s.slug, s.themes.map((t) => t.slug)])).toEqual([
      ['plain', ['alpha']],
    ]);
    expect(engine.getStand(id, 'own')!.themeRefs.map((t) => t.slug)).toEqual(['beta']);
  });

  it("applies a stand folder's cascade to the stand itself and to its pages", async () => {
    const engine = await engineFor();
    const root = site({
      'content/stands/sec/_index.md': page('title: Sec\ncascade:\n  draft: true'),
      'content/stands/sec/child.md': page('title: Child'),
      'content/stands/named/_index.md': page('title: Named\ncascade:\n  _build:\n    list: never'),
      'content/stands/named/child.md': page('title: Child'),
      'content/stands/named/listed.md': page('title: Listed\n_build:\n  list: always'),
    });
    const id = (await engine.indexFolder(root)).collection.id;
    // The stand folder's own _index.md takes its cascade too: a draft, and its page a draft with it.
    expect(engine.getStand(id, 'sec')).toBeNull();
    expect(engine.getPage(id, 'sec', 'child')).toBeNull();
    expect(engine.getStand(id, 'named')!.pages.map((p) => p.slug)).toEqual(['listed']);
  });

  it('follows _target: a path glob below content/ (file name included) and a kind', async () => {
    const engine = await engineFor();
    const root = site({
      'content/stands/tgt/_index.md': page(
        [
          'title: Tgt',
          'cascade:',
          '  - _target:',
          '      path: "/stands/tgt/a*"',
          '    title: Targeted',
          '  - _target:',
          '      path: "/stands/*"',
          '    weight: 7',
          '  - _target:',
          '      kind: section',
          '    layout: secself',
        ].join('\n'),
      ),
      'content/stands/tgt/alpha.md': page('weight: 1'),
      'content/stands/tgt/beta.md': page('weight: 2'),
    });
    const id = (await engine.indexFolder(root)).collection.id;
    const stand = engine.getStand(id, 'tgt')!;
    expect(stand.pages.map((p) => [p.slug, p.title])).toEqual([
      ['alpha', 'Targeted'],
      ['beta', 'beta'],
    ]);
    expect(stand.layout).toBe('secself');
    expect(engine.getPage(id, 'tgt', 'alpha')!.weight).toBe(1);
  });

  it('re-reads what a changed cascade reaches, and only then', async () => {
    const engine = await engineFor();
    const root = site({
      'content/stands/sec/_index.md': page('title: Sec\ncascade:\n  title: From the stand'),
      'content/stands/sec/child.md': page('weight: 1'),
    });
    const id = (await engine.indexFolder(root)).collection.id;
    expect(engine.getStand(id, 'sec')!.pages.map((p) => p.title)).toEqual(['From the stand']);

    rewrite(
      root,
      'content/stands/_index.md',
      page('title: Stands, renamed\ncascade:\n  show_on_overview: true'),
    );
    expect((await engine.reindex(id)).reread).toEqual([]);

    rewrite(root, 'content/stands/_index.md', page('title: Stands'));
    await engine.reindex(id);
    expect(engine.listStands(id).map((s) => s.slug)).toEqual([]);
    await expectSameAsFresh(engine, id, root);

    rewrite(root, 'content/stands/sec/_index.md', page('title: Sec\ncascade:\n  title: Changed'));
    await engine.reindex(id);
    expect(engine.getStand(id, 'sec')!.pages.map((p) => p.title)).toEqual(['Changed']);
    await expectSameAsFresh(engine, id, root);
  });

  it('ignores what it cannot use, and never lets a cascade reach an object prototype', async () => {
    const engine = await engineFor();
    const root = site({
      'content/stands/_index.md': page(
        [
          'title: Stands',
          'cascade:',
          '  - _target: "not a map"',
          '    themes: [Wrong]',
          '  - _target:',
          `      path: "${'{a,'.repeat(200)}"`,
          '    title: Never',
          '  - "just a string"',
          '  - __proto__:',
          '      polluted: true',
          '    show_on_overview: true',
        ].join('\n'),
      ),
    });
    const id = (await engine.indexFolder(root)).collection.id;
    expect(engine.listStands(id).map((s) => s.slug)).toEqual(['plain']);
    // Neither the entry with an unusable _target nor the one whose glob is too long reached it.
    expect(engine.getStand(id, 'plain')!.title).toBe('Plain');
    expect(engine.getStand(id, 'plain')!.themeRefs.map((t) => t.slug)).toEqual(['alpha']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
