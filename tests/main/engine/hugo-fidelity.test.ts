// What Hugo makes of flags and order that look alike but are not, in folders written here. Each
// expectation was checked against `hugo` 0.111 with ../shared/hugo-reference/manifest.sh.
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { engineFor, expectSameAsFresh, FIXTURES, page, tempDir, tempSite } from './helpers';

async function indexed(files: Record<string, string>) {
  const engine = await engineFor();
  const id = (await engine.indexFolder(tempSite(files))).collection.id;
  /** The files left out with a file-skipped problem, sorted. */
  const skipped = () =>
    engine
      .listProblems({ collection: id, code: 'file-skipped' })
      .map((p) => p.file)
      .sort();
  return { engine, id, skipped };
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

describe('draft written as text or a number, as Hugo reads it', () => {
  it("hides a draft only for Go's spellings of true, plain YAML yes and YAML integers, in every format", async () => {
    const files: Record<string, string> = {};
    const yaml = ['"yes"', '"on"', '"y"', '" true"', '"tRue"', '"false"', '0', 'yes', 'on', '1', '2', '"1"'];
    yaml.push('"true"', '"True"', '"TRUE"', '"t"', '"T"');
    yaml.forEach((value, i) => {
      files[`content/stands/y${i}.md`] = page(`title: Y ${value}\ndraft: ${value}\nshow_on_overview: true`);
    });
    const other = ['"yes"', '"on"', '"false"', '1', '0', '"1"', '"true"', '"t"', 'true'];
    other.forEach((value, i) => {
      files[`content/stands/t${i}.md`] =
        `+++\ntitle = 'T ${value}'\ndraft = ${value}\nshow_on_overview = true\n+++\n`;
      files[`content/stands/j${i}.md`] =
        `{"title": "J ${value.replaceAll('"', '')}", "draft": ${value}, "show_on_overview": true}\n`;
    });
    // A quoted "no" is text, which the site's template finds true; a plain no is false.
    files['content/stands/quoted_no.md'] = page('title: Quoted no\nshow_on_overview: "no"');
    files['content/stands/plain_no.md'] = page('title: Plain no\nshow_on_overview: no');
    files['content/stands/s/_index.md'] = page('title: S\nshow_on_overview: true');
    files['content/stands/s/kit/index.md'] = page('title: Kit\nheadless: "yes"');
    files['content/stands/s/box/index.md'] = page('title: Box\nheadless: yes');
    const { engine, id } = await indexed(files);
    expect(
      engine
        .listStands(id)
        .map((s) => s.title)
        .sort(),
    ).toEqual(
      [
        'Y "yes"',
        'Y "on"',
        'Y "y"',
        'Y " true"',
        'Y "tRue"',
        'Y "false"',
        'Y 0',
        ...['"yes"', '"on"', '"false"', '1', '0'].map((value) => `T ${value}`),
        ...['yes', 'on', 'false', '1', '0'].map((value) => `J ${value}`),
        'Quoted no',
        'S',
      ].sort(),
    );
    expect(engine.getStand(id, 's')!.pages.map((p) => p.title)).toEqual(['Kit']);
  });
});

describe('flags with a YAML tag or written as a float, as Hugo reads them', () => {
  it('publishes draft: !!str yes, 1.0 and !!float 1, and lists show_on_overview: !!str no', async () => {
    // Checked with manifest.sh: Hugo publishes Tagged, Floaty and Tagfloat, lists Shown, hides Plain.
    const { engine, id } = await indexed({
      'content/stands/tagged.md': page('title: Tagged\nshow_on_overview: true\ndraft: !!str yes'),
      'content/stands/floaty.md': page('title: Floaty\nshow_on_overview: true\ndraft: 1.0'),
      'content/stands/tagfloat.md': page('title: Tagfloat\nshow_on_overview: true\ndraft: !!float 1'),
      'content/stands/plain.md': page('title: Plain\nshow_on_overview: true\ndraft: yes'),
      'content/stands/shown.md': page('title: Shown\nshow_on_overview: !!str no'),
    });
    expect(engine.listStands(id).map((s) => s.slug)).toEqual(['floaty', 'shown', 'tagfloat', 'tagged']);
  });
});

describe('_build.list, as Hugo 0.111 reads it', () => {
  it('takes a stand off the overview for list: never, local, false or 0 but keeps it on its theme pages', async () => {
    const stand = (title: string, build = '') =>
      page(`title: ${title}\nshow_on_overview: true\nthemes: [Tools]\n${build}`);
    const { engine, id } = await indexed({
      'content/themes/tools/_index.md': page('title: Tools'),
      'content/stands/plain.md': stand('Plain'),
      'content/stands/never.md': stand('Never', '_build: {list: never}'),
      'content/stands/local/_index.md': stand('Local', '_build: {list: local}'),
      'content/stands/bundle/index.md': stand('Bundle', '_build: {list: false}'),
      'content/stands/zero.md': stand('Zero', '_Build: {List: 0}'),
      'content/stands/toml.md':
        '+++\ntitle = "Toml"\nshow_on_overview = true\nthemes = ["Tools"]\n[_build]\nlist = "never"\n+++\n',
      // Read as always: a spelling Hugo does not know, and newer Hugo's `build:`, which 0.111 ignores.
      'content/stands/capital.md': stand('Capital', '_build: {list: Never}'),
      'content/stands/text.md': stand('Text', "_build: {list: 'false'}"),
      'content/stands/newer.md': stand('Newer', 'build: {list: never}'),
      // The folder's own page is on the overview although the listing file is not.
      'content/stands/both.md': stand('Both', '_build: {list: never}'),
      'content/stands/both/_index.md': stand('Both folder'),
    });
    expect(engine.listStands(id).map((s) => s.slug)).toEqual(['both', 'capital', 'newer', 'plain', 'text']);
    expect(engine.getTheme(id, 'tools')!.stands.map((s) => s.slug)).toEqual([
      'both',
      'bundle',
      'capital',
      'local',
      'never',
      'newer',
      'plain',
      'text',
      'toml',
      'zero',
    ]);
    expect(engine.getStand(id, 'never')).toMatchObject({ title: 'Never', listed: false });
  });
});

describe('_build.list on a sub-page, as Hugo 0.111 reads it', () => {
  it("leaves a page with list: never (false, 0) off its stand's pages but publishes it, and keeps list: local", async () => {
    const { engine, id } = await indexed({
      'content/stands/s/_index.md': page(
        'title: S\nshow_on_overview: true',
        'See [the hidden page](hidden/).\n',
      ),
      'content/stands/s/plain.md': page('title: Plain'),
      'content/stands/s/hidden.md': page(
        'title: Hidden\n_build: {list: never}',
        'Lighthouse keeper notes.\n',
      ),
      'content/stands/s/local.md': page('title: Local\n_build: {list: local}'),
      'content/stands/s/falsy.md': page('title: Falsy\n_build: {list: false}'),
      'content/stands/s/zero.md': page('title: Zero\n_Build: {List: 0}'),
      'content/stands/s/cap.md': page('title: Cap\n_build: {list: Never}'),
      'content/stands/s/kit/index.md': page('title: Kit\n_build: {list: never}'),
      'content/stands/o.md': page('title: O\nshow_on_overview: true', '[Hidden](/stands/s/hidden/)\n'),
    });
    // From `hugo` 0.111: the stand's .Pages are Cap, Local and Plain; every page is published at its address.
    const listed = ['Cap', 'Local', 'Plain'];
    expect(engine.getStand(id, 's')!.pages.map((p) => p.title)).toEqual(listed);
    for (const slug of ['hidden', 'falsy', 'zero', 'kit', 'local']) {
      const detail = engine.getPage(id, 's', slug)!;
      expect(detail).not.toBeNull();
      expect(detail.siblings.map((p) => p.title)).toEqual(listed);
    }
    expect(engine.listProblems({ collection: id, code: 'link-broken' })).toEqual([]);
    const hits = engine.search(id, 'keeper').flatMap((group) => group.hits);
    expect(hits.map((hit) => [hit.stand, hit.page])).toEqual([['s', 'hidden']]);
  });
});

describe('_build.render, as Hugo 0.111 reads it', () => {
  // tests/fixtures/engine/build-render; every expectation is what ../shared/hugo-reference/manifest.sh
  // and the files `hugo` writes say of it.
  const renderFixture = async () => {
    const engine = await engineFor();
    const id = (await engine.indexFolder(path.join(FIXTURES, 'build-render'))).collection.id;
    return { engine, id };
  };

  it('keeps a stand with render: never, link, false or 0 on the lists, but it has no page to open', async () => {
    const { engine, id } = await renderFixture();
    // Hugo's overview and theme page list them (with no address, or one it writes nothing at).
    const overview = engine.listStands(id);
    expect(overview.map((s) => [s.slug, s.rendered])).toEqual([
      ['both', true],
      ['falsy', false],
      ['hidden', false],
      ['link', false],
      ['never', false],
      ['plain', true],
      ['s', true],
      ['shy', true],
      ['text', true],
      ['truthy', true],
      ['upper', true],
      ['zero', false],
    ]);
    expect(engine.getTheme(id, 'tools')!.stands.map((s) => s.slug)).toEqual([
      'both',
      'falsy',
      'gone',
      'hidden',
      'link',
      'never',
      'plain',
      's',
      'shy',
      'text',
      'truthy',
      'upper',
      'zero',
    ]);
    // Hugo writes no page for these; a quoted 'false', Never and true are read as always.
    for (const slug of ['falsy', 'gone', 'hidden', 'link', 'never', 'zero'])
      expect(engine.getStand(id, slug)).toBeNull();
    for (const slug of ['both', 'plain', 's', 'shy', 'text', 'truthy', 'upper'])
      expect(engine.getStand(id, slug)).not.toBeNull();
    const all = new Map(engine.listAllStands(id).map((s) => [s.slug, s]));
    expect(all.get('never')).toMatchObject({ listed: true, draft: false, rendered: false });
    expect(all.get('gone')).toMatchObject({ listed: false, draft: false, rendered: false });
    // /stands/both/ is the listing file's page when the folder's _index.md is not rendered, and the
    // folder's page when the listing file is not.
    expect(engine.getStand(id, 'both')!.bodyHtml).toContain('Both listing body.');
    expect(engine.getStand(id, 'shy')!.bodyHtml).toContain('Shy folder body.');
    // The sub-pages of a stand whose own page is not written are.
    expect(engine.getPage(id, 'hidden', 'inside')).toMatchObject({ title: 'Inside', standRendered: false });
    expect(engine.getPage(id, 'both', 'child')).toMatchObject({ title: 'Child', standRendered: true });
  });

  it("keeps a sub-page with render: never, link or false on its stand's list, but it has no page to open", async () => {
    const { engine, id } = await renderFixture();
    const listed = [
      ['falsy', false],
      ['kit', false],
      ['link', false],
      ['never', false],
      ['plain', true],
    ];
    expect(engine.getStand(id, 's')!.pages.map((p) => [p.slug, p.rendered])).toEqual(listed);
    for (const slug of ['falsy', 'kit', 'link', 'never', 'gone'])
      expect(engine.getPage(id, 's', slug)).toBeNull();
    const plain = engine.getPage(id, 's', 'plain')!;
    expect(plain.siblings.map((p) => [p.slug, p.rendered])).toEqual(listed);
    // Search finds only what can be opened.
    expect(engine.search(id, 'lighthouse')).toEqual([]);
    expect(engine.search(id, 'marmalade')).toEqual([]);
  });

  it('reports links to stands and pages Hugo writes no page for, as it does links to missing pages', async () => {
    const { engine, id } = await renderFixture();
    const broken = engine
      .listProblems({ collection: id, code: 'link-broken' })
      .map((p) => `${p.file}:${p.line} ${/"(.*?)"/.exec(p.message)![1]}`)
      .sort();
    // Hugo leaves Markdown links as they are (nothing is written there) and makes relref's an empty
    // link ('') for never, or the address nothing is written at for link. A relref's problem is on its
    // own line and names the page as the relref does, though a link on line 6 has the same address.
    const plain = ['/stands/link/', '/stands/never/', '/stands/s/link/', '/stands/s/never/'];
    const refs = ['link.md', 'never.md', 's/link.md', 's/never.md'];
    expect(broken).toEqual(
      [
        ...plain.map((ref) => `content/stands/plain.md:6 ${ref}`),
        ...refs.map((ref) => `content/stands/plain.md:8 ${ref}`),
        'content/stands/plain.md:6 /themes/quiet/',
        ...['falsy/', 'link/', 'never/'].map((ref) => `content/stands/s/_index.md:6 ${ref}`),
        ...['kit', 'link.md', 'never.md'].map((ref) => `content/stands/s/_index.md:8 ${ref}`),
      ].sort(),
    );
  });

  it("places a relref's problem on its own line though the front matter links to the same page", async () => {
    const { engine, id } = await indexed({
      'content/stands/a.md': page(
        'title: A\nshow_on_overview: true\ndescription: \'See <a href="/stands/never/">it</a>.\'',
        'Body.\n\n[Never]({{< relref "never.md" >}})\n',
      ),
      'content/stands/never.md': page('title: Never\nshow_on_overview: true\n_build:\n  render: never'),
    });
    const broken = engine
      .listProblems({ collection: id, code: 'link-broken' })
      .map((p) => `${p.file}:${p.line} ${/"(.*?)"/.exec(p.message)![1]}`);
    expect(broken.sort()).toEqual(['content/stands/a.md:4 /stands/never/', 'content/stands/a.md:8 never.md']);
  });

  it('makes a relref to a page that does not exist an error, as Hugo refuses to build over it', async () => {
    // Hugo 0.111: REF_NOT_FOUND fails the build; a plain link to the same address does not.
    const { engine, id } = await indexed({
      'content/stands/a.md': page(
        'title: A\nshow_on_overview: true',
        'Body.\n\n[Gone]({{< relref "gone.md" >}}) and [also gone](/stands/gone/)\n',
      ),
    });
    const broken = engine
      .listProblems({ collection: id, code: 'link-broken' })
      .map((p) => `${p.line} ${p.severity} ${/"(.*?)"/.exec(p.message)![1]}`)
      .sort();
    expect(broken).toEqual(['7 error gone.md', '7 warning /stands/gone/']);
  });

  it('leaves a relref in a page that is not published a warning: Hugo renders no such page and builds', async () => {
    // Hugo 0.111 (with a layout that renders .Content): a draft page's relref to nowhere, or to a draft,
    // does not fail the build; the same relref in a published page does.
    const { engine, id } = await indexed({
      'content/stands/w.md': page(
        'title: W\nshow_on_overview: true\ndraft: true',
        'Body.\n\n[Gone]({{< relref "gone.md" >}}) and [B]({{< relref "b.md" >}})\n',
      ),
      'content/stands/b.md': page('title: B\nshow_on_overview: true\ndraft: true'),
      'content/stands/x/_index.md': page('title: X\nshow_on_overview: true'),
      'content/stands/x/wip.md': page('title: WIP\ndraft: true', 'Soon: [Gone]({{< relref "gone.md" >}})\n'),
    });
    const severities = engine
      .listProblems({ collection: id, code: 'link-broken' })
      .map((p) => `${p.file} ${p.severity}`)
      .sort();
    expect(severities).toEqual([
      'content/stands/w.md warning',
      'content/stands/w.md warning',
      'content/stands/x/wip.md warning',
    ]);
  });

  it('leaves a relref in a page of a draft stand folder a warning, and makes it an error once the folder is published', async () => {
    // Hugo 0.111 publishes no page below a draft section (see the next test), so renders none of them.
    const root = tempSite({
      'content/stands/d/_index.md': page('title: D\nshow_on_overview: true\ndraft: true'),
      'content/stands/d/p.md': page(
        'title: P',
        'See [Gone]({{< relref "gone.md" >}}) and [G]({{< relref "g.md" >}})\n',
      ),
      'content/stands/g.md': page('title: G\nshow_on_overview: true\ndraft: true'),
    });
    const engine = await engineFor();
    const id = (await engine.indexFolder(root)).collection.id;
    const severities = () =>
      engine
        .listProblems({ collection: id, code: 'link-broken' })
        .map((p) => `${p.file} ${p.severity}`)
        .sort();
    expect(severities()).toEqual(['content/stands/d/p.md warning', 'content/stands/d/p.md warning']);
    writeFileSync(path.join(root, 'content/stands/d/_index.md'), page('title: D\nshow_on_overview: true'));
    await engine.reindex(id);
    expect(severities()).toEqual(['content/stands/d/p.md error', 'content/stands/d/p.md error']);
    await expectSameAsFresh(engine, id, root);
  });

  it('makes a relref to a draft, future or expired page an error, as Hugo refuses to build over it, and follows its publishing', async () => {
    // Hugo 0.111 (with a layout that renders .Content): REF_NOT_FOUND for each of the four shortcodes,
    // a page of a draft stand folder included; the plain links to the same pages build.
    const root = tempSite({
      'content/stands/a.md': page(
        'title: A\nshow_on_overview: true',
        'Body.\n\n[B]({{< relref "b.md" >}}), [C]({{< ref "c.md" >}}), [P]({{< relref "t/p.md" >}}) and [plain](/stands/b/)\n',
      ),
      'content/stands/b.md': page('title: B\nshow_on_overview: true\ndraft: true'),
      'content/stands/c.md': page('title: C\nshow_on_overview: true\ndate: 2099-01-01'),
      'content/stands/s/_index.md': page(
        'title: S\nshow_on_overview: true',
        'S [old]({{< relref "old.md" >}}) and [old](old/)\n',
      ),
      'content/stands/s/old.md': page('title: Old\nexpiryDate: 2000-01-01'),
      'content/stands/t/_index.md': page('title: T\nshow_on_overview: true\ndraft: true'),
      'content/stands/t/p.md': page('title: P'),
    });
    const engine = await engineFor();
    const id = (await engine.indexFolder(root)).collection.id;
    const broken = () =>
      engine
        .listProblems({ collection: id, code: 'link-broken' })
        .map((p) => `${p.file}:${p.line} ${p.severity} ${/"(.*?)"/.exec(p.message)![1]}`)
        .sort();
    expect(broken()).toEqual([
      'content/stands/a.md:7 error b.md',
      'content/stands/a.md:7 error c.md',
      'content/stands/a.md:7 error t/p.md',
      'content/stands/a.md:7 warning /stands/b/',
      'content/stands/s/_index.md:5 error old.md',
      'content/stands/s/_index.md:5 warning old/',
    ]);
    const error = engine
      .listProblems({ collection: id, code: 'link-broken', severity: 'error' })
      .find((p) => p.message.includes('"b.md"'))!;
    expect(error.message).toBe(
      'The relref shortcode on line 7 points at "b.md", but that page is not published (it is a draft, or its date is in the future or past its expiry date), so Hugo cannot build the site. Publish that page or change the link.',
    );
    // Publishing B and Old, then making B a draft again, updates the pages that link to them.
    const b = path.join(root, 'content/stands/b.md');
    writeFileSync(b, page('title: B\nshow_on_overview: true'));
    writeFileSync(path.join(root, 'content/stands/s/old.md'), page('title: Old'));
    await engine.reindex(id);
    expect(broken()).toEqual(['content/stands/a.md:7 error c.md', 'content/stands/a.md:7 error t/p.md']);
    await expectSameAsFresh(engine, id, root);
    writeFileSync(b, page('title: B\nshow_on_overview: true\ndraft: true'));
    await engine.reindex(id);
    expect(broken()).toContain('content/stands/a.md:7 error b.md');
    await expectSameAsFresh(engine, id, root);
  });

  it('keeps a theme whose page has render: never on the list of themes and on its stands, but it has no page to open', async () => {
    const { engine, id } = await renderFixture();
    // Hugo lists Quiet (with no address) and counts its two stands, but writes no /themes/quiet/.
    expect(engine.listThemes(id).map((t) => [t.slug, t.title, t.standCount, t.rendered])).toEqual([
      ['quiet', 'Quiet', 2, false],
      ['tools', 'Tools', 13, true],
    ]);
    expect(engine.getTheme(id, 'quiet')).toBeNull();
    expect(engine.getTheme(id, 'tools')).not.toBeNull();
    expect(engine.getStand(id, 'plain')!.themeRefs).toEqual([
      { slug: 'tools', title: 'Tools', rendered: true },
      { slug: 'quiet', title: 'Quiet', rendered: false },
    ]);
    expect(engine.listStands(id).find((s) => s.slug === 'plain')!.themes).toEqual([
      { slug: 'tools', title: 'Tools' },
      { slug: 'quiet', title: 'Quiet' },
    ]);
  });

  it('reads a plain YAML no or off in _build as false (never), as go-yaml does, and a quoted one as text', async () => {
    const stand = (title: string, build: string) =>
      page(`title: ${title}\nshow_on_overview: true\nthemes: [Tools]\n_build: ${build}`);
    const { engine, id } = await indexed({
      'content/stands/no.md': stand('No', '{render: no}'),
      'content/stands/off.md': stand('Off', '\n  Render: Off'),
      'content/stands/quoted.md': stand('Quoted', '{render: "no"}'),
      'content/stands/tagged.md': stand('Tagged', '{render: !!str no}'),
      'content/stands/yes.md': stand('Yes', '{render: yes}'),
      'content/stands/unlisted.md': stand('Unlisted', '{list: n}'),
      'content/stands/s/_index.md': page('title: S\nshow_on_overview: true'),
      'content/stands/s/no.md': page('title: No page\n_build: {render: NO}'),
      'content/stands/s/off.md': page('title: Off page\n_build: {list: off}'),
    });
    // From `hugo` 0.111: no, Off and NO give no page (an empty permalink); a quoted or tagged "no"
    // and yes do; list: n and off take the stand off the overview and the page off its stand's list.
    expect(engine.listStands(id).map((s) => [s.slug, s.rendered])).toEqual([
      ['no', false],
      ['off', false],
      ['quoted', true],
      ['s', true],
      ['tagged', true],
      ['yes', true],
    ]);
    expect(engine.getTheme(id, 'tools')!.stands.map((s) => s.slug)).toContain('unlisted');
    expect(engine.getStand(id, 's')!.pages.map((p) => [p.slug, p.rendered])).toEqual([['no', false]]);
    expect(engine.getPage(id, 's', 'no')).toBeNull();
    expect(engine.getPage(id, 's', 'off')).not.toBeNull();
  });

  it('keeps this after the store is read back, and follows a page that gets its own page on re-index', async () => {
    const root = path.join(tempDir(), 'render');
    cpSync(path.join(FIXTURES, 'build-render'), root, { recursive: true });
    const dbFile = path.join(tempDir(), 'store.json');
    const first = await engineFor({ dbFile });
    const id = (await first.indexFolder(root)).collection.id;
    await first.close();
    const engine = await engineFor({ dbFile });
    expect(engine.getStand(id, 'never')).toBeNull();
    expect(engine.listStands(id).find((s) => s.slug === 'never')!.rendered).toBe(false);
    expect(engine.getPage(id, 's', 'never')).toBeNull();
    for (const file of ['content/stands/never.md', 'content/stands/s/never.md']) {
      const text = readFileSync(path.join(root, file), 'utf8');
      writeFileSync(path.join(root, file), text.replace('_build: {render: never}\n', ''));
    }
    await engine.reindex(id);
    expect(engine.getStand(id, 'never')!.title).toBe('Never');
    expect(engine.getPage(id, 's', 'never')!.title).toBe('Never page');
    await expectSameAsFresh(engine, id, root);
  });
});

describe("the site's order", () => {
  it('puts stands on the overview by weight, then newest date, then link title, as Hugo lists them', async () => {
    const listed = (fields: string) => page(`${fields}\nshow_on_overview: true`);
    const { engine, id } = await indexed({
      'content/stands/plain.md': listed('title: Plain'),
      'content/stands/accent.md': listed('title: École'),
      'content/stands/lower.md': listed('title: lower'),
      'content/stands/heavy.md': listed('title: Heavy\nweight: 5'),
      'content/stands/light.md': listed('title: Light\nweight: -1'),
      'content/stands/dated.md': listed('title: Dated\ndate: 2020-01-01'),
      'content/stands/published.md': listed('title: Published\npublishDate: 2017-01-01'),
      'content/stands/linked.md': listed('title: Zulu\nlinkTitle: Alpha'),
      // A section without a date has its newest published page's; a draft's date does not count.
      'content/stands/section/_index.md': listed('title: Section'),
      'content/stands/section/old.md': page('title: Old\ndate: 2014-01-01'),
      'content/stands/section/draft.md': page('title: Draft\ndate: 2019-01-01\ndraft: true'),
      // A section's own date wins over its pages'.
      'content/stands/own/_index.md': listed('title: Own\ndate: 2010-01-01'),
      'content/stands/own/new.md': page('title: New\ndate: 2015-01-01'),
      // The listing file is listed: the folder's page dates do not move it.
      'content/stands/listing.md': listed('title: Listing'),
      'content/stands/listing/_index.md': page('title: Listing folder'),
      'content/stands/listing/new.md': page('title: New\ndate: 2016-01-01'),
    });
    expect(engine.listStands(id).map((s) => s.slug)).toEqual([
      'light',
      'heavy',
      'dated',
      'published',
      'section',
      'own',
      'linked',
      'accent',
      'listing',
      'lower',
      'plain',
    ]);
  });

  it("orders sub-pages by linkTitle and by a date taken from publishDate or lastmod, as Hugo's", async () => {
    const { engine, id } = await indexed({
      'content/stands/s/_index.md': page('title: S\nshow_on_overview: true'),
      'content/stands/s/bravo.md': page('title: Bravo'),
      'content/stands/s/zulu.md': page('title: Zulu\nlinkTitle: Alpha'),
      'content/stands/s/old.md': page('title: Old\ndate: 2019-01-01'),
      'content/stands/s/published.md': page('title: Published\npublishDate: 2020-01-01'),
      'content/stands/s/changed.md': page('title: Changed\nlastmod: 2018-01-01'),
    });
    expect(engine.getStand(id, 's')!.pages.map((p) => p.title)).toEqual([
      'Published',
      'Old',
      'Changed',
      'Zulu',
      'Bravo',
    ]);
  });
});

describe('titles that differ only in case, accents or punctuation', () => {
  it('orders stands on the overview and theme pages, and sub-pages, as Hugo collates them', async () => {
    // Hugo's order, from `hugo` 0.111: punctuation before digits and letters, lower case first, accents last.
    const hugoOrder = ['_under', '-dash', '(paren)', '1 one', 'a b', 'a-c', 'ab', 'apple', 'Apple', 'APPLE'];
    hugoOrder.push('Äpple', 'apple pie', 'Apple Pie', 'apple-pie', 'apple.pie', 'applepie', 'b', 'B');
    hugoOrder.push('Eclair', 'éclair', 'ecole', 'Ecole', 'École', 'zed', 'Zed');
    const files: Record<string, string> = {
      'content/themes/t/_index.md': page('title: T'),
      'content/stands/sec/_index.md': page('title: "~Sec"'),
    };
    // Files named against the order, so that no tie is broken by the file's name.
    [...hugoOrder].reverse().forEach((title, i) => {
      const name = String(i).padStart(2, '0');
      files[`content/stands/s${name}.md`] = page(
        `title: ${JSON.stringify(title)}\nshow_on_overview: true\nthemes: [T]`,
      );
      files[`content/stands/sec/p${name}.md`] = page(`title: ${JSON.stringify(title)}`);
    });
    const { engine, id } = await indexed(files);
    expect(engine.listStands(id).map((s) => s.title)).toEqual(hugoOrder);
    expect(engine.getTheme(id, 't')!.stands.map((s) => s.title)).toEqual(hugoOrder);
    expect(engine.getStand(id, 'sec')!.pages.map((p) => p.title)).toEqual(hugoOrder);
  });
});

describe('pages alike but for their file names', () => {
  it('orders them by file name as Hugo compares it, whatever the case of its letters', async () => {
    // Hugo 0.111 (compare.LessStrings on the file name): case folded, then byte by byte.
    const hugoOrder = ['1one', '_under', 'A', 'apple', 'b', 'B2', 'c', 'Zed', 'zz-last', 'Éa', 'éclair'];
    const files: Record<string, string> = { 'content/stands/s/_index.md': page('title: S') };
    for (const name of hugoOrder) {
      files[`content/stands/s/${name}.md`] = page('layout: x', 'Untitled.\n');
      files[`content/stands/${name}.md`] = page('title: Same\nshow_on_overview: true');
    }
    const { engine, id } = await indexed(files);
    expect(engine.getStand(id, 's')!.pages.map((p) => p.title)).toEqual(hugoOrder);
    expect(
      engine
        .listStands(id)
        .filter((s) => s.title === 'Same')
        .map((s) => s.slug),
    ).toEqual(hugoOrder.map((name) => name.toLowerCase()));
  });
});

describe("the site's list of themes", () => {
  it("lists themes as Hugo's layout ranges over the taxonomy: by slug, byte by byte, whatever their titles and weights", async () => {
    const { engine, id } = await indexed({
      'content/themes/zeta/_index.md': page('title: aaa first\nweight: 5'),
      'content/themes/apple/_index.md': page('title: Zulu\nweight: 1'),
      'content/themes/éclair/_index.md': page('title: Eclair'),
      'content/themes/b-c/_index.md': page('title: B-C'),
      'content/themes/bc/_index.md': page('title: bc'),
      'content/themes/_x/_index.md': page('title: (x)'),
      'content/stands/s.md': page(
        'title: S\nshow_on_overview: true\nthemes: [Zeta, apple, Éclair, B-C, bc, _x, Banana, banana2, Ápple, Kiwi, "ｚ", "𝒜", 2nd]',
      ),
    });
    // From `hugo` 0.111: the order of the keys of .Site.Taxonomies.themes (Go's order of UTF-8 bytes).
    const hugoOrder = [
      '2nd',
      '_x',
      'apple',
      'b-c',
      'banana',
      'banana2',
      'bc',
      'kiwi',
      'zeta',
      'ápple',
      'éclair',
    ];
    hugoOrder.push('ｚ', '𝒜');
    expect(engine.listThemes(id).map((t) => t.slug)).toEqual(hugoOrder);
    expect(engine.listThemes(id).find((t) => t.slug === 'apple')).toMatchObject({ title: 'Zulu' });
  });
});

describe('bundles inside a stand', () => {
  it("keeps a sub-folder with an index.md as one page, its other files the bundle's attachments, as Hugo does", async () => {
    const { engine, id, skipped } = await indexed({
      'content/stands/s/_index.md': page('title: S\nshow_on_overview: true'),
      'content/stands/s/alpha.md': page('title: Alpha'),
      'content/stands/s/kit/index.md': page('title: Kit'),
      'content/stands/s/kit/notes.md': page('title: Kit notes'),
      'content/stands/s/kit/extra/index.md': page('title: Kit extra'),
      'content/stands/s/kit/more/page.md': page('title: Kit more'),
    });
    expect(engine.getStand(id, 's')!.pages.map((p) => p.title)).toEqual(['Alpha', 'Kit']);
    expect(skipped()).toEqual([
      'content/stands/s/kit/extra/index.md',
      'content/stands/s/kit/more/page.md',
      'content/stands/s/kit/notes.md',
    ]);
  });
});

describe('headless bundles', () => {
  it('publishes no page for an index.md with headless set, as Hugo 0.111 does, and ignores it on _index.md', async () => {
    const { engine, id } = await indexed({
      'content/stands/hidden/index.md': page('title: Hidden\nheadless: true\nshow_on_overview: true'),
      'content/stands/s/_index.md': page('title: S\nshow_on_overview: true'),
      'content/stands/s/alpha.md': page('title: Alpha'),
      'content/stands/s/kit/index.md': page('title: Kit\nheadless: yes'),
      'content/stands/s/box/index.md': page('title: Box\nheadless: false'),
      'content/stands/sec/_index.md': page('title: Sec\nheadless: true\nshow_on_overview: true'),
    });
    expect(engine.listStands(id).map((s) => s.slug)).toEqual(['s', 'sec']);
    expect(engine.getStand(id, 'hidden')).toBeNull();
    expect(engine.getStand(id, 's')!.pages.map((p) => p.title)).toEqual(['Alpha', 'Box']);
    expect(engine.getPage(id, 's', 'kit')).toBeNull();
  });
});

describe('HTML files without front matter', () => {
  it('makes no page or stand of an HTML document, which Hugo copies as it is, but does of text', async () => {
    const { engine, id, skipped } = await indexed({
      'content/stands/s/_index.md': page('title: S\nshow_on_overview: true'),
      'content/stands/s/document.html': '\n  <p>A whole document</p>\n',
      'content/stands/s/old.htm': '<!DOCTYPE html>\n<p>Old</p>\n',
      'content/stands/s/words.html': 'Words first, <b>then</b> tags.\n',
      'content/stands/s/framed.html': page('title: Framed', '<p>x</p>\n'),
      'content/stands/raw/index.html': '<h1>Raw stand</h1>\n',
      'content/stands/flat.html': '<h1>Flat</h1>\n',
    });
    expect(engine.listAllStands(id).map((s) => s.slug)).toEqual(['s']);
    const stand = engine.getStand(id, 's')!;
    expect(stand.pages.map((p) => p.title)).toEqual(['words', 'Framed']);
    expect(engine.getPage(id, 's', 'document')).toBeNull();
    expect(skipped()).toEqual([
      'content/stands/flat.html',
      'content/stands/raw/index.html',
      'content/stands/s/document.html',
      'content/stands/s/old.htm',
    ]);
  });
});
