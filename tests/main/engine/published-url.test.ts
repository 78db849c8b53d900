// A visitor can take a stand or a stand's page away on a phone: its address on the published site is
// config.toml's baseURL joined with the URL Hugo gives the page. The paths below are what Hugo 0.x
// published (`/work/shared/hugo-reference/manifest.sh`) from this very folder, with each baseURL.
// baseURL is third-party content: anything but a full http(s) address a phone can open gives no address.
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedUrl, siteBaseUrl } from '../../../main/engine/site-config';
import { engineFor, expectSameAsFresh, FIXTURES, page, tempDir, tempSite, writeTree } from './helpers';

function site(config: string | null) {
  return tempSite({
    ...(config === null ? {} : { 'config.toml': config }),
    'content/stands/lantern-os/_index.md': page('title: Lantern OS\nshow_on_overview: true'),
    'content/stands/lantern-os/Getting Started.md': page('title: Intro', 'Hi'),
    'content/stands/lantern-os/docs/install.md': page('title: Deep', 'Hi'),
    'content/stands/lantern-os/hidden.md': page('title: Hidden\n_build:\n  render: never', 'Hi'),
    'content/stands/lantern-os/wip.md': page('title: Work in progress\ndraft: true', 'Hi'),
    'content/stands/Plain_Stand.md': page('title: Plain\nshow_on_overview: true'),
    'content/stands/unpublished.md': page('title: Unpublished\nshow_on_overview: true\ndraft: true'),
  });
}

async function addresses(config: string | null) {
  const engine = await engineFor();
  const id = (await engine.indexFolder(site(config))).collection.id;
  return {
    engine,
    id,
    stand: engine.getStand(id, 'lantern-os')!.publishedUrl,
    plain: engine.getStand(id, 'plain_stand')!.publishedUrl,
    intro: engine.getPage(id, 'lantern-os', 'getting-started')!.publishedUrl,
    deep: engine.getPage(id, 'lantern-os', 'docs-install')!.publishedUrl,
    problems: engine.listProblems({ collection: id, code: 'base-url-unusable' }),
  };
}

describe("a stand's and a page's address on the published site", () => {
  it('joins baseURL with the URL Hugo publishes each at', async () => {
    const got = await addresses('baseURL = "https://stands.fosdem.org"\ntitle = "FOSDEM 2021 Stands"\n');
    expect(got.stand).toBe('https://stands.fosdem.org/stands/lantern-os/');
    expect(got.plain).toBe('https://stands.fosdem.org/stands/plain_stand/');
    expect(got.intro).toBe('https://stands.fosdem.org/stands/lantern-os/getting-started/');
    expect(got.deep).toBe('https://stands.fosdem.org/stands/lantern-os/docs/install/');
    expect(got.problems).toEqual([]);
  });

  it('keeps the path of a baseURL, with or without its trailing slash', async () => {
    for (const base of ['https://example.org/2021/', 'https://example.org/2021']) {
      const got = await addresses(`baseURL = "${base}"\n`);
      expect(got.stand).toBe('https://example.org/2021/stands/lantern-os/');
      expect(got.plain).toBe('https://example.org/2021/stands/plain_stand/');
      expect(got.deep).toBe('https://example.org/2021/stands/lantern-os/docs/install/');
    }
  });

  it('reads the key as Hugo does, whatever its case', async () => {
    expect((await addresses('baseurl = "https://example.org/"\n')).stand).toBe(
      'https://example.org/stands/lantern-os/',
    );
  });

  it('gives no address, and no warning, without a baseURL or without config.toml', async () => {
    for (const config of ['title = "No address"\n', 'baseURL = ""\n', null]) {
      const got = await addresses(config);
      expect([got.stand, got.plain, got.intro, got.deep]).toEqual([null, null, null, null]);
      expect(got.problems).toEqual([]);
    }
  });

  it('gives no address, and warns once on its line, when baseURL is not a usable web address', async () => {
    const got = await addresses('title = "x"\nbaseURL = "javascript:alert(1)//"\n');
    expect([got.stand, got.plain, got.intro, got.deep]).toEqual([null, null, null, null]);
    expect(got.problems).toHaveLength(1);
    expect(got.problems[0]).toMatchObject({ file: 'config.toml', line: 2, severity: 'warning' });
    expect(got.problems[0]!.message).toContain('baseURL');
  });

  it('keeps the address in the store, for a kiosk that starts without re-reading the folder', async () => {
    const dbFile = path.join(tempDir(), 'store.json');
    const first = await engineFor({ dbFile });
    const id = (await first.indexFolder(site('baseURL = "https://example.org/2021"\n'))).collection.id;
    await first.close();
    const second = await engineFor({ dbFile });
    expect(second.getPage(id, 'lantern-os', 'docs-install')!.publishedUrl).toBe(
      'https://example.org/2021/stands/lantern-os/docs/install/',
    );
  });

  it('offers none for a draft or for a page Hugo writes no page for', async () => {
    const { engine, id } = await addresses('baseURL = "https://example.org/"\n');
    expect(engine.getStand(id, 'unpublished')).toBeNull();
    expect(engine.getPage(id, 'lantern-os', 'wip')).toBeNull();
    expect(engine.getPage(id, 'lantern-os', 'hidden')).toBeNull();
  });

  it('refuses hostile and useless baseURL values', () => {
    for (const raw of [
      '/',
      'stands.example.org',
      '//stands.example.org/',
      'javascript:alert(1)',
      'JAVASCRIPT://example.org/%0aalert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.org/',
      'https://user:secret@example.org/',
      'https://trusted.example@evil.example/',
      'https://example.org/?q=1',
      'https://example.org/#top',
      'https://exa\tmple.org/',
      'https://example.org/\u202e/',
      'https:// example.org/',
      'http://localhost:1313/',
      'http://127.0.0.1/',
      'http://[::1]/',
      `https://example.org/${'a'.repeat(1100)}/`,
      42,
      true,
      ['https://example.org/'],
      { href: 'https://example.org/' },
    ])
      expect(siteBaseUrl(raw), String(raw)).toBeNull();
    expect(siteBaseUrl('HTTPS://Stands.Example.ORG')).toBe('https://stands.example.org/');
    expect(siteBaseUrl('http://example.org:8080/2021')).toBe('http://example.org:8080/2021/');
  });

  it('keeps every page segment inside the site: no level up, query or fragment', () => {
    const base = 'https://example.org/2021/';
    expect(publishedUrl(base, '/stands/../../x/')).toBe('https://example.org/2021/stands/x/');
    expect(publishedUrl(base, '/stands/a?b#c/')).toBe('https://example.org/2021/stands/a%3Fb%23c/');
    expect(publishedUrl(base, '/stands/café/')).toBe('https://example.org/2021/stands/caf%C3%A9/');
    expect(publishedUrl(null, '/stands/x/')).toBeNull();
  });
});

// Which file Hugo 0.111 (Debian's) reads, checked with `hugo config` on folders holding several: the first
// of hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml, config.yaml, config.yml, config.json.
describe('the site configuration file', () => {
  const configs = {
    'hugo.toml': 'title = "From hugo.toml"\nbaseURL = "https://hugo-toml.example.org/"\n',
    'hugo.yaml': 'title: From hugo.yaml\nbaseURL: https://hugo-yaml.example.org/\n',
    'hugo.json': '{\n  "title": "From hugo.json",\n  "baseURL": "https://hugo-json.example.org/"\n}\n',
    'config.toml': 'title = "From config.toml"\nbaseURL = "https://config-toml.example.org/"\n',
    'config.yaml': 'title: From config.yaml\nbaseURL: https://config-yaml.example.org/\n',
    'config.json': '{"title": "From config.json", "baseURL": "https://config-json.example.org/"}\n',
  };
  type Name = keyof typeof configs;
  const stand = { 'content/stands/lantern-os.md': page('title: Lantern OS\nshow_on_overview: true') };
  const folder = (...names: Name[]) =>
    tempSite({ ...stand, ...Object.fromEntries(names.map((name) => [name, configs[name]])) });
  async function read(root: string) {
    const engine = await engineFor();
    const outcome = await engine.indexFolder(root);
    const id = outcome.collection.id;
    return {
      engine,
      id,
      name: outcome.collection.name,
      url: engine.getStand(id, 'lantern-os')!.publishedUrl,
    };
  }

  it('is the one Hugo reads when there are several', async () => {
    for (const [names, used] of [
      [['config.toml', 'hugo.toml'], 'hugo-toml'],
      [['config.toml', 'hugo.yaml'], 'hugo-yaml'],
      [['hugo.yaml', 'hugo.json'], 'hugo-yaml'],
      [['config.json', 'hugo.json'], 'hugo-json'],
      [['config.toml', 'config.yaml', 'config.json'], 'config-toml'],
      [['config.yaml', 'config.json'], 'config-yaml'],
    ] as [Name[], string][]) {
      const got = await read(folder(...names));
      expect(got.url, names.join(' + ')).toBe(`https://${used}.example.org/stands/lantern-os/`);
      expect(got.name).toBe(`From ${used.replace('-', '.')}`);
    }
  });

  it('is read in YAML or JSON too, with its problems on the right line', async () => {
    for (const name of ['hugo.yaml', 'hugo.json', 'config.yaml', 'config.json'] as Name[])
      expect((await read(folder(name))).name).toBe(`From ${name}`);
    const got = await read(tempSite({ ...stand, 'config.yaml': 'title: x\nbaseURL: ftp://example.org/\n' }));
    expect(got.engine.listProblems({ collection: got.id, code: 'base-url-unusable' })).toMatchObject([
      { file: 'config.yaml', line: 2 },
    ]);
    const broken = await read(
      tempSite({ ...stand, 'hugo.json': '{\n  "title": "x",\n  "baseURL" "https://x.org/"\n}\n' }),
    );
    expect(broken.engine.listProblems({ collection: broken.id, code: 'field-invalid' })).toMatchObject([
      { file: 'hugo.json', line: 3 },
    ]);
    const list = await read(tempSite({ ...stand, 'hugo.yaml': '- title: x\n' }));
    expect(list.engine.listProblems({ collection: list.id, code: 'field-invalid' })).toMatchObject([
      { file: 'hugo.yaml' },
    ]);
  });

  it("is read when it is a .yml one, in its place in Hugo's order", async () => {
    const yml = (name: string) =>
      `title: From ${name}\nbaseURL: https://${name.replace('.', '-')}.example.org/\n`;
    for (const [files, used] of [
      [['config.yml'], 'config-yml'],
      [['hugo.yml'], 'hugo-yml'],
      [['hugo.yml', 'hugo.json', 'config.toml'], 'hugo-yml'],
      [['hugo.yaml', 'hugo.yml'], 'hugo-yaml'],
      [['config.yml', 'config.json'], 'config-yml'],
      [['config.yaml', 'config.yml'], 'config-yaml'],
    ] as [string[], string][]) {
      const written = Object.fromEntries(
        files.map((name) => [name, name in configs ? configs[name as Name] : yml(name)]),
      );
      const got = await read(tempSite({ ...stand, ...written }));
      expect(got.url, files.join(' + ')).toBe(`https://${used}.example.org/stands/lantern-os/`);
    }
  });

  it('changes on a re-index when hugo.toml appears beside config.toml, and back when it goes', async () => {
    const root = folder('config.toml');
    const { engine, id, url } = await read(root);
    expect(url).toBe('https://config-toml.example.org/stands/lantern-os/');
    writeFileSync(path.join(root, 'hugo.toml'), configs['hugo.toml']);
    expect((await engine.reindex(id)).collection.name).toBe('From hugo.toml');
    expect(engine.getStand(id, 'lantern-os')!.publishedUrl).toBe(
      'https://hugo-toml.example.org/stands/lantern-os/',
    );
    rmSync(path.join(root, 'hugo.toml'));
    expect((await engine.reindex(id)).collection.name).toBe('From config.toml');
    expect(engine.getStand(id, 'lantern-os')!.publishedUrl).toBe(
      'https://config-toml.example.org/stands/lantern-os/',
    );
  });
});

// Hugo's configuration directory, fixture tests/fixtures/engine/config-dir, checked with `hugo` 0.111 in
// that folder (as the site is published): the top-level file first, then every hugo.*, config.* and
// params.* of config/_default/ in the order of their names, then config/production/'s (`hugo` builds for
// production), each over what came before; config/development/ is not read.
describe("Hugo's configuration directory", () => {
  const lantern = { 'content/stands/lantern.md': page('title: Lantern\nshow_on_overview: true') };

  it('gives the title, baseURL and params Hugo publishes with, each file over the ones before', async () => {
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(path.join(FIXTURES, 'config-dir'));
    expect(collection.name).toBe('Harbour Stands 2031');
    const stand = engine.getStand(collection.id, 'lantern')!;
    expect(stand.publishedUrl).toBe('https://stands.example.org/2031/stands/lantern/');
    expect(stand.bodyHtml).toBe(
      '<p>Venue Pier 4, hall config/_default/params.toml, door config/_default/params.yaml.</p>\n',
    );
    expect(engine.listProblems({ collection: collection.id })).toEqual([]);
  });

  it('reports a file it cannot read and still reads the others, and a baseURL where it is set', async () => {
    const engine = await engineFor();
    const root = tempSite({
      ...lantern,
      'config.toml': 'title = "Top"\nbaseURL = "https://top.example.org/"\n',
      'config/_default/params.toml': 'venue = "unclosed\n',
      'config/_default/hugo.toml': 'title = "Default"\n\nbaseURL = "/2031/"\n',
    });
    const { collection } = await engine.indexFolder(root);
    expect(collection.name).toBe('Default');
    // Hugo publishes with the later, relative, baseURL: no address a phone can open.
    expect(engine.getStand(collection.id, 'lantern')!.publishedUrl).toBeNull();
    expect(engine.listProblems({ collection: collection.id })).toMatchObject([
      { file: 'config/_default/hugo.toml', code: 'base-url-unusable', line: 3 },
      { file: 'config/_default/params.toml', code: 'field-invalid', line: 1 },
    ]);
  });

  it('says of a broken params file that its params were left out, not that it cost the name', async () => {
    const engine = await engineFor();
    const root = tempSite({ ...lantern, 'config/_default/params.toml': 'venue = "unclosed\n' });
    const { collection } = await engine.indexFolder(root);
    const [broken] = engine.listProblems({ collection: collection.id });
    expect(broken).toMatchObject({ file: 'config/_default/params.toml', code: 'field-invalid' });
    expect(broken!.message).toContain('this file was left out');
    expect(broken!.message).not.toContain("the folder's name");
  });

  it('never reads its files through a link leading out of the folder', async () => {
    const outside = writeTree(tempDir(), {
      '_default/hugo.toml': 'title = "Outside"\nbaseURL = "https://outside.example.org/"\n',
    });
    const root = tempSite({ ...lantern, 'config.toml': 'title = "Inside"\n' });
    symlinkSync(outside, path.join(root, 'config'));
    const other = tempSite({ ...lantern, 'config.toml': 'title = "Inside"\n' });
    mkdirSync(path.join(other, 'config/_default'), { recursive: true });
    symlinkSync(path.join(outside, '_default/hugo.toml'), path.join(other, 'config/_default/hugo.toml'));
    for (const folder of [root, other]) {
      const engine = await engineFor();
      const { collection } = await engine.indexFolder(folder);
      expect(collection.name).toBe('Inside');
      expect(engine.getStand(collection.id, 'lantern')!.publishedUrl).toBeNull();
      expect(engine.listProblems({ collection: collection.id })).toMatchObject([
        { file: 'config/_default/hugo.toml', code: 'symlink-outside' },
      ]);
    }
  });

  it('changes on a re-index when a file appears in it, and back when it goes', async () => {
    const root = tempDir();
    cpSync(path.join(FIXTURES, 'config-dir'), root, { recursive: true });
    rmSync(path.join(root, 'config/production'), { recursive: true });
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    const id = collection.id;
    expect(engine.getStand(id, 'lantern')!.publishedUrl).toBe('https://default.example.org/stands/lantern/');
    writeTree(root, { 'config/production/hugo.toml': 'baseURL = "https://stands.example.org/2031/"\n' });
    await engine.reindex(id);
    expect(engine.getStand(id, 'lantern')!.publishedUrl).toBe(
      'https://stands.example.org/2031/stands/lantern/',
    );
    await expectSameAsFresh(engine, id, root);
    rmSync(path.join(root, 'config'), { recursive: true });
    expect((await engine.reindex(id)).collection.name).toBe('Harbour Stands (top-level)');
    expect(engine.getStand(id, 'lantern')!.publishedUrl).toBe('https://top.example.org/stands/lantern/');
    await expectSameAsFresh(engine, id, root);
  });
});
