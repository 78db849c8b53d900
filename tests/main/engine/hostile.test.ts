// Hostile folders, generated for each test: nothing outside the folder is read, nothing runs, nothing
// huge is read, and each bad file is reported while the rest is indexed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../../main/engine/limits';
import * as refs from '../../../main/engine/refs';
import { scanFolder } from '../../../main/engine/scan';
import { engineFor, expectSameAsFresh, page, PNG, tempDir, tempSite, writeTree } from './helpers';

const ok = page('title: Fine\nshow_on_overview: true', 'Still here.\n');

function codesByFile(problems: { file: string; code: string }[]) {
  return Object.fromEntries(problems.map((p) => [p.file, p.code]));
}

describe('hostile content', () => {
  it('skips symlinks that lead outside the folder, follows those that stay inside', async () => {
    const outside = tempDir();
    writeTree(outside, {
      'secret.md': page('title: Secret\nshow_on_overview: true', 'TOP SECRET'),
      'secret.png': PNG,
    });
    const root = tempSite({ 'content/stands/fine.md': ok, 'static/stands/fine/logo.png': PNG });
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'content/stands/leak.md'));
    symlinkSync(outside, path.join(root, 'content/stands/leakdir'));
    symlinkSync(path.join(outside, 'secret.png'), path.join(root, 'static/stands/fine/leak.png'));
    symlinkSync('/etc/passwd', path.join(root, 'static/passwd.png'));
    symlinkSync(
      path.join(root, 'static/stands/fine/logo.png'),
      path.join(root, 'static/stands/fine/alias.png'),
    );
    symlinkSync(path.join(root, 'content'), path.join(root, 'content/stands/loop'));
    const engine = await engineFor();
    const { collection, problems } = await engine.indexFolder(root);
    expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['fine']);
    const codes = codesByFile(problems);
    expect(codes['content/stands/leak.md']).toBe('symlink-outside');
    expect(codes['content/stands/leakdir']).toBe('symlink-outside');
    expect(codes['static/stands/fine/leak.png']).toBe('symlink-outside');
    expect(codes['static/passwd.png']).toBe('symlink-outside');
    expect(codes['content/stands/loop']).toBe('file-skipped');
    expect(engine.getAsset(collection.id, 'static/stands/fine/leak.png')).toBeNull();
    expect(engine.getAsset(collection.id, 'static/stands/fine/alias.png')!.absolutePath).toBe(
      path.join(root, 'static/stands/fine/logo.png'),
    );
    expect(JSON.stringify(engine.listAllStands(collection.id))).not.toContain('TOP SECRET');
  });

  it('reports a site configuration that is a link outside the folder, once, and never reads it', async () => {
    const outside = tempDir();
    writeTree(outside, { 'config.toml': 'title = "Secret Title"\n' });
    const root = tempSite({ 'content/stands/fine.md': ok });
    symlinkSync(path.join(outside, 'config.toml'), path.join(root, 'config.toml'));
    const engine = await engineFor();
    const { collection, problems } = await engine.indexFolder(root);
    expect(collection.name).toBe(path.basename(root));
    const configProblems = (list: typeof problems) => list.filter((p) => p.file === 'config.toml');
    expect(configProblems(problems)).toEqual([
      expect.objectContaining({ code: 'symlink-outside', severity: 'warning' }),
    ]);
    // Again with nothing changed, and after a walk of one folder (what watching does).
    expect(configProblems((await engine.reindex(collection.id)).problems)).toHaveLength(1);
    writeTree(root, { 'content/stands/other.md': ok });
    expect(configProblems((await engine.reindex(collection.id)).problems)).toHaveLength(1);
    await expectSameAsFresh(engine, collection.id, root);
    const first = scanFolder(root, 'c', DEFAULT_LIMITS);
    const partial = scanFolder(root, 'c', DEFAULT_LIMITS, first, { dirs: ['content/stands'], files: [] });
    expect(configProblems(partial.problems)).toHaveLength(1);
  });

  it('never opens pipes or other special files', async () => {
    const root = tempSite({ 'content/stands/fine.md': ok });
    execFileSync('mkfifo', [path.join(root, 'content/stands/pipe.md')]);
    const engine = await engineFor();
    const { problems } = await engine.indexFolder(root);
    expect(codesByFile(problems)['content/stands/pipe.md']).toBe('file-not-regular');
  });

  it('skips files that are too large, binary or not UTF-8', async () => {
    const root = tempSite({
      'content/stands/fine.md': ok,
      'content/stands/huge.md': page('title: Huge\nshow_on_overview: true', 'x'.repeat(5000)),
      'content/stands/binary.md': Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
      'content/stands/latin1.md': Uint8Array.from(Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1')),
      'static/stands/fine/big.png': new Uint8Array(3000),
    });
    const engine = await engineFor({ limits: { maxContentFileBytes: 1000, maxAssetBytes: 2000 } });
    const { collection, problems } = await engine.indexFolder(root);
    const codes = codesByFile(problems);
    expect(codes).toMatchObject({
      'content/stands/huge.md': 'file-too-large',
      'content/stands/binary.md': 'file-binary',
      'content/stands/latin1.md': 'file-not-utf8',
      'static/stands/fine/big.png': 'file-too-large',
    });
    expect(problems.find((p) => p.file === 'content/stands/latin1.md')!.message).toMatch(/UTF-8/);
    expect(engine.getAsset(collection.id, 'static/stands/fine/big.png')).toBeNull();
    expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['fine']);
  });

  it('says a page saved as UTF-16 (Windows "Unicode") is not UTF-8, not that it is binary', async () => {
    const text = '---\ntitle: Café\nshow_on_overview: true\n---\nBonjour.\n';
    const bigEndian = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    const root = tempSite({
      'content/stands/fine.md': ok,
      'content/stands/notepad.md': Uint8Array.from(Buffer.from(`\uFEFF${text}`, 'utf16le')),
      'content/stands/mac.md': Uint8Array.from(bigEndian),
    });
    const engine = await engineFor();
    const { collection, problems } = await engine.indexFolder(root);
    for (const file of ['content/stands/notepad.md', 'content/stands/mac.md']) {
      const found = problems.find((p) => p.file === file)!;
      expect(found.code).toBe('file-not-utf8');
      expect(found.message).toMatch(/UTF-16.*UTF-8/);
      expect(found.message).not.toMatch(/binary/);
    }
    expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['fine']);
  });

  it('names files and folders whose names are not UTF-8, asking to rename them', async () => {
    const root = tempSite({ 'content/stands/fine.md': ok, 'static/logo.png': PNG });
    // Latin-1 "café": such names come from old archives and USB sticks.
    const badName = (dir: string, suffix: string) =>
      Buffer.concat([Buffer.from(path.join(root, dir, 'caf')), Buffer.from([0xe9]), Buffer.from(suffix)]);
    writeFileSync(badName('content/stands', '.md'), ok);
    mkdirSync(badName('content/stands', ''));
    writeFileSync(Buffer.concat([badName('content/stands', ''), Buffer.from('/_index.md')]), ok);
    writeFileSync(badName('static', '.png'), PNG);
    const engine = await engineFor();
    const { collection, problems } = await engine.indexFolder(root);
    expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['fine']);
    const named = problems.filter((p) => p.file.includes('caf'));
    expect(named.map((p) => [p.file, p.code, p.severity])).toEqual([
      ['content/stands/caf\uFFFD', 'folder-unreadable', 'error'],
      ['content/stands/caf\uFFFD.md', 'file-unreadable', 'error'],
      ['static/caf\uFFFD.png', 'file-unreadable', 'error'],
    ]);
    for (const p of named)
      expect(p.message).toMatch(/name of this (file|folder) is not valid text \(UTF-8\).*Rename it\./);
  });

  it('names a long non-UTF-8 file name that grows past the system limit once decoded, and reads the rest', async () => {
    const root = tempSite({ 'content/stands/fine.md': ok, 'static/logo.png': PNG });
    // 100 Latin-1 letters: 104 bytes on disk, over 300 once each bad byte is read as U+FFFD (3 bytes).
    writeFileSync(
      Buffer.concat([Buffer.from(path.join(root, 'static/')), Buffer.alloc(100, 0xe9), Buffer.from('.png')]),
      PNG,
    );
    const engine = await engineFor();
    const { collection, problems } = await engine.indexFolder(root);
    expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['fine']);
    expect(problems.filter((p) => p.file.startsWith('static/')).map((p) => p.code)).toEqual([
      'file-unreadable',
    ]);
  });

  it('stops at absurd nesting and at too many files, saying so', async () => {
    const deep = ['content', 'stands', 'deep', ...Array.from({ length: 20 }, (_, i) => `d${i}`)].join('/');
    const root = tempSite({ 'content/stands/fine.md': ok, [`${deep}/page.md`]: ok });
    const engine = await engineFor({ limits: { maxDepth: 8 } });
    const { problems } = await engine.indexFolder(root);
    expect(problems.filter((p) => p.code === 'too-deep')).toHaveLength(1);

    const many = tempSite(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`static/f${i}.png`, PNG])),
    );
    mkdirSync(path.join(many, 'content'));
    const small = await engineFor({ limits: { maxFiles: 10 } });
    const outcome = await small.indexFolder(many);
    expect(outcome.problems.filter((p) => p.code === 'too-many-files')).toHaveLength(1);
    expect(outcome.collection.counts.assets).toBeLessThanOrEqual(10);
  });

  it('resolves logo and src tricks only inside the folder, or not at all', async () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'x.png'), PNG);
    const escape = path.relative(path.join('/tmp', 'a', 'b', 'c', 'd'), outside);
    const root = tempSite({
      'static/stands/t/logo.png': PNG,
      'content/stands/t.md': page(
        `title: Tricks\nshow_on_overview: true\nlogo: "../../../../../../../..${outside}/x.png"`,
        [
          `<img src="/../../../../../../..${outside}/x.png">`,
          '<img src="%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd">',
          '<img src="..\\..\\..\\..\\..\\..\\etc\\passwd">',
          `<img src="${outside}/x.png">`,
          '<img src="file:///etc/passwd">',
          '<img src="C:\\Windows\\win.ini">',
          '<img src="stand-asset://other/static/x.png">',
          `<img src="${escape}/x.png">`,
          '<img src="/stands/t/logo.png">',
          '',
        ].join('\n'),
      ),
    });
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    const stand = engine.getStand(collection.id, 't')!;
    expect(stand.logo).toBeNull();
    const srcs = [...stand.bodyHtml.matchAll(/src="([^"]*)"/g)].map((m) => m[1]);
    expect(srcs).toEqual([`stand-asset://${collection.id}/static/stands/t/logo.png`]);
    const codes = engine.listProblems({ collection: collection.id }).map((p) => p.code);
    expect(
      codes.filter((c) => c === 'asset-outside-folder').length +
        codes.filter((c) => c === 'asset-missing').length,
    ).toBeGreaterThanOrEqual(8);
  });

  it('reads Windows line endings and a byte order mark', async () => {
    const root = tempSite({
      'content/stands/crlf.md':
        '\ufeff---\r\ntitle: Windows\r\nshow_on_overview: true\r\ndescription: |\r\n  Line one\r\n  line two\r\n---\r\nBody\r\n',
    });
    const engine = await engineFor();
    const { collection, problems } = await engine.indexFolder(root);
    expect(problems).toEqual([]);
    const stand = engine.getStand(collection.id, 'crlf')!;
    expect(stand.title).toBe('Windows');
    expect(stand.descriptionHtml).toBe('<p>Line one\nline two</p>');
    expect(stand.bodyHtml).toBe('<p>Body</p>\n');
  });

  it('indexes everything else when one file is broken, and names that file', async () => {
    const root = tempSite({
      'content/stands/a.md': ok,
      'content/stands/b.md': page('title: [unclosed\nshow_on_overview: true'),
      'content/stands/c.md': page('title: C\nshow_on_overview: true', '{{< figure src="/x.png>}}\n'),
      'content/stands/d.md': '---js\n{ title: require("child_process").execSync("touch /tmp/pwned") }\n---\n',
    });
    const engine = await engineFor();
    const { collection, problems } = await engine.indexFolder(root);
    expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['c', 'a']);
    expect(codesByFile(problems.filter((p) => p.severity === 'error'))).toEqual({
      'content/stands/b.md': 'front-matter-invalid',
      'content/stands/c.md': 'shortcode-invalid',
      'content/stands/d.md': 'front-matter-code',
    });
    expect(collection.counts.errors).toBe(3);
  });

  it('keeps the first 50 themes of a stand that names hundreds, saying so', async () => {
    const names = Array.from({ length: 300 }, (_, index) => `Theme ${index}`);
    const root = tempSite({
      'content/stands/a.md': ok,
      'content/stands/many.md': page(`title: Many\nshow_on_overview: true\nthemes: [${names.join(', ')}]`),
    });
    const engine = await engineFor();
    const { collection, problems } = await engine.indexFolder(root);
    expect(engine.listStands(collection.id).map((s) => s.slug)).toEqual(['a', 'many']);
    expect(engine.getStand(collection.id, 'many')!.themes).toEqual(
      names.slice(0, 50).map((name) => name.toLowerCase().replace(' ', '-')),
    );
    expect(collection.counts.themes).toBe(50);
    const warning = problems.find((p) => p.file === 'content/stands/many.md' && p.code === 'field-invalid');
    expect(warning).toMatchObject({ severity: 'warning', line: 4 });
    expect(warning!.message).toContain('300 themes');
  });

  it('handles file names with spaces, punctuation and non-Latin letters', async () => {
    const root = tempSite({
      'content/stands/harbour/_index.md': page(
        'title: Harbour\nshow_on_overview: true',
        '[Q&A](<Q&A and more.md>) [again](qa-and-more/) ![x](a%20b%231.png)\n',
      ),
      'content/stands/harbour/Q&A and more.md': page('title: Q&A'),
      'content/stands/harbour/Ça va.md': page(''),
      'content/stands/harbour/a b#1.png': PNG,
    });
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    const stand = engine.getStand(collection.id, 'harbour')!;
    // Hugo sorts the untitled page first (its title is empty); the app names it after its file.
    expect(stand.pages.map((p) => [p.slug, p.title])).toEqual([
      ['ça-va', 'Ça va'],
      ['qa-and-more', 'Q&A'],
    ]);
    expect(stand.bodyHtml).toContain('<a href="standalone://page/harbour/qa-and-more">Q&amp;A</a>');
    expect(stand.bodyHtml).toContain('<a href="standalone://page/harbour/qa-and-more">again</a>');
    expect(stand.bodyHtml).toContain(
      'src="stand-asset://' + collection.id + '/content/stands/harbour/a%20b%231.png"',
    );
    expect(engine.getPage(collection.id, 'harbour', 'ça-va')).not.toBeNull();
  });

  it('keeps a page whose links end in an emoji or a broken character after #', async () => {
    const root = tempSite({
      'content/stands/party/_index.md': page(
        // A YAML escape can make half of an emoji: no URL can hold it.
        'title: Party\nshow_on_overview: true\ndescription: "Join <a href=\\"other/#\\uD83C\\">us</a> there."',
        'Before the link.\n\n<a href="other/#\u{1F389}-time">Party time</a>\n\nAfter the link.\n',
      ),
      'content/stands/party/other.md': page('title: Other'),
    });
    const engine = await engineFor();
    const { collection } = await engine.indexFolder(root);
    const stand = engine.getStand(collection.id, 'party')!;
    expect(stand.bodyHtml).toContain('Before the link.');
    expect(stand.bodyHtml).toContain(
      '<a href="standalone://page/party/other#%F0%9F%8E%89-time">Party time</a>',
    );
    expect(stand.bodyHtml).toContain('After the link.');
    expect(stand.descriptionHtml).toBe(
      'Join <a href="standalone://page/party/other#%EF%BF%BD">us</a> there.',
    );
  });

  it('reports a field or page text it had to leave out because reading it failed, and keeps the rest', async () => {
    // What an encoding bug in link resolution once did: the field came out empty and nobody was told.
    const candidatesFor = refs.candidatesFor;
    vi.spyOn(refs, 'candidatesFor').mockImplementation((refPath, base) => {
      if (refPath.startsWith('boom')) throw new URIError('URI malformed');
      return candidatesFor(refPath, base);
    });
    const root = tempSite({
      'content/stands/party/_index.md': page(
        'title: Party\nshow_on_overview: true\ndescription: "Join <a href=\\"boom/\\">us</a>."',
        'Before.\n\n<a href="boom-too/">link</a>\n',
      ),
      'content/stands/party/other.md': page('title: Other', 'Other text.\n'),
    });
    try {
      const engine = await engineFor();
      const { collection, problems } = await engine.indexFolder(root);
      const stand = engine.getStand(collection.id, 'party')!;
      expect(stand.descriptionHtml).toBe('');
      expect(stand.bodyHtml).toBe('');
      expect(engine.getPage(collection.id, 'party', 'other')!.html).toContain('Other text.');
      expect(problems.filter((p) => p.code === 'content-unreadable')).toEqual([
        expect.objectContaining({
          file: 'content/stands/party/_index.md',
          line: 4,
          severity: 'error',
          message: expect.stringMatching(/^The field "description" could not be read, so it was left out\./),
        }),
        expect.objectContaining({
          file: 'content/stands/party/_index.md',
          line: 6,
          severity: 'error',
          message: expect.stringMatching(/^The text of this page could not be read, so it was left out\./),
        }),
      ]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('folders that cannot be indexed', () => {
  it('throws a clear error for a missing folder or one without content/', async () => {
    const engine = await engineFor();
    await expect(engine.indexFolder(path.join(tempDir(), 'nope'))).rejects.toMatchObject({
      code: 'folder-missing',
    });
    await expect(engine.indexFolder(tempDir())).rejects.toMatchObject({ code: 'not-a-stands-folder' });
    expect(engine.listCollections()).toEqual([]);
  });

  it('indexes a Hugo site without content/stands/, with an error that it has no stands', async () => {
    const engine = await engineFor();
    const blog = tempSite({
      'config.toml': 'title = "A blog"\n',
      'content/posts/hello.md': page('title: Hello', 'Hi.'),
    });
    const outcome = await engine.indexFolder(blog);
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        file: 'content',
        severity: 'error',
        code: 'not-a-stands-folder',
        message: expect.stringMatching(/^This folder has no content\/stands\/ folder, so it has no stands\./),
      }),
    ]);
    // Once it has one (even empty, as an edition just begun), the error goes.
    mkdirSync(path.join(blog, 'content', 'stands'));
    writeFileSync(path.join(blog, 'content', 'stands', '_index.md'), page('title: Stands'));
    expect((await engine.reindex(outcome.collection.id)).problems).toEqual([]);
  });
});
