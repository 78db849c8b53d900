import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssetHandler, parseRange, resolveAssetRequest } from '../../../main/app/asset-protocol';
import { openCheckedFile, realFileInside } from '../../../main/app/safe-path';
import { openEngine } from '../../../main/engine/index';
import { createFakeEngine, type FakeEngine } from './fake-engine';

let tmp: string;
let root: string;
let engine: FakeEngine;
// A real 1×1 picture: the protocol reads a picture's size before serving it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC',
  'base64',
);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
const VIDEO = Buffer.from(Array.from({ length: 100 }, (_, i) => i));

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'standalone-assets-'));
  root = join(tmp, 'demo');
  const stand = join(root, 'static', 'stands', 'x');
  mkdirSync(stand, { recursive: true });
  writeFileSync(join(stand, 'logo.png'), PNG);
  writeFileSync(join(stand, 'logo.svg'), SVG);
  writeFileSync(join(stand, 'with space.png'), PNG);
  writeFileSync(join(stand, 'ünïcode.png'), PNG);
  writeFileSync(join(stand, 'tour.webm'), VIDEO);
  writeFileSync(join(stand, 'page.html'), '<script>alert(1)</script>');
  writeFileSync(join(stand, 'tool.exe'), 'MZ');
  writeFileSync(join(stand, 'brochure.pdf'), '%PDF-1.4');
  writeFileSync(join(root, 'static', 'unindexed.png'), PNG);
  writeFileSync(join(tmp, 'secret.png'), 'outside the folder');
  mkdirSync(join(tmp, 'demo-evil'));
  writeFileSync(join(tmp, 'demo-evil', 'secret.png'), 'a sibling folder');
  symlinkSync(join(tmp, 'secret.png'), join(stand, 'link-out.png'));
  symlinkSync(join(stand, 'logo.png'), join(stand, 'link-in.png'));
  mkdirSync(join(stand, 'folder.png'));

  engine = createFakeEngine();
  await engine.indexFolder(root);
  for (const file of [
    'logo.png',
    'logo.svg',
    'with space.png',
    'ünïcode.png',
    'tour.webm',
    'page.html',
    'tool.exe',
    'brochure.pdf',
  ]) {
    engine.addAsset('demo', `static/stands/x/${file}`);
  }
  engine.addAsset('demo', 'static/stands/x/link-out.png');
  engine.addAsset('demo', 'static/stands/x/link-in.png');
  engine.addAsset('demo', 'static/stands/x/folder.png');
  // An index entry pointing outside its folder (a bug elsewhere) must still not be served.
  engine.addAsset('demo', 'static/sibling.png', join(tmp, 'demo-evil', 'secret.png'));
  engine.addAsset('demo', 'static/outside.png', join(tmp, 'secret.png'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('resolveAssetRequest refuses every way out', () => {
  const attempts = [
    'stand-asset://demo/../secret.png',
    'stand-asset://demo/static/../../secret.png',
    'stand-asset://demo/static/stands/x/../../../../secret.png',
    'stand-asset://demo/%2e%2e/secret.png',
    'stand-asset://demo/%2E%2E/secret.png',
    'stand-asset://demo/.%2e/secret.png',
    'stand-asset://demo/static/%2e%2e/%2e%2e/secret.png',
    'stand-asset://demo/..%2fsecret.png',
    'stand-asset://demo/static%2f..%2f..%2fsecret.png',
    'stand-asset://demo/..%5csecret.png',
    'stand-asset://demo/static\\..\\..\\secret.png',
    'stand-asset://demo/%252e%252e/secret.png',
    'stand-asset://demo/%252e%252e%252fsecret.png',
    'stand-asset://demo/%25252e%25252e/secret.png',
    'stand-asset://demo/%c0%ae%c0%ae/secret.png',
    'stand-asset://demo/./static/stands/x/logo.png',
    'stand-asset://demo//etc/passwd',
    'stand-asset://demo/%2fetc%2fpasswd',
    'stand-asset://demo/etc/passwd',
    'stand-asset://demo/C:/Windows/win.ini',
    'stand-asset://demo/C%3A%5CWindows%5Cwin.ini',
    'stand-asset://demo/%2Ftmp%2Fsecret.png',
    'stand-asset://demo/static/stands/x/logo.png%00',
    'stand-asset://demo/static/stands/x/logo.png%00.svg',
    'stand-asset://demo/static/stands/x/%0alogo.png',
    'stand-asset://demo/%ZZ',
    'stand-asset://demo',
    'stand-asset://demo/',
    'stand-asset://unknown/static/stands/x/logo.png',
    'stand-asset://demo-evil/secret.png',
    'stand-asset://..%2fdemo-evil/secret.png',
    'stand-asset://user:pw@demo/static/stands/x/logo.png',
    'stand-asset://demo:8080/static/stands/x/logo.png',
    'https://demo/static/stands/x/logo.png',
    'file:///etc/passwd',
    'not a url',
    'stand-asset://demo/static/unindexed.png',
    'stand-asset://demo/static/stands/x/page.html',
    'stand-asset://demo/static/stands/x/tool.exe',
    // Indexed with a content type (the Problems screen names it), but a PDF would open Chromium's viewer.
    'stand-asset://demo/static/stands/x/brochure.pdf',
    'stand-asset://demo/static/stands/x/link-out.png',
    'stand-asset://demo/static/stands/x/folder.png',
    'stand-asset://demo/static/sibling.png',
    'stand-asset://demo/static/outside.png',
    'stand-asset://demo/static/stands/x/LOGO.PNG',
  ];
  it.each(attempts)('%s → 404', async (url) => {
    expect((await resolveAssetRequest(url, engine)).status).toBe(404);
  });

  it('refuses an absolute path to a real file outside, encoded', async () => {
    const url = `stand-asset://demo/${encodeURIComponent(join(tmp, 'secret.png'))}`;
    expect((await resolveAssetRequest(url, engine)).status).toBe(404);
  });
});

describe('resolveAssetRequest serves known files', () => {
  it.each([
    ['stand-asset://demo/static/stands/x/logo.png', 'image/png', 'logo.png'],
    ['stand-asset://demo/static/stands/x/logo.svg', 'image/svg+xml', 'logo.svg'],
    ['stand-asset://demo/static/stands/x/with%20space.png', 'image/png', 'with space.png'],
    [`stand-asset://demo/static/stands/x/${encodeURIComponent('ünïcode.png')}`, 'image/png', 'ünïcode.png'],
    ['stand-asset://demo/static/stands/x/tour.webm', 'video/webm', 'tour.webm'],
    ['stand-asset://demo/static/stands/x/link-in.png?v=2', 'image/png', 'logo.png'],
  ])('%s as %s', async (url, type, file) => {
    const result = await resolveAssetRequest(url, engine);
    expect(result).toMatchObject({ status: 200, contentType: type });
    if (result.status === 200) expect(result.path.endsWith(`/static/stands/x/${file}`)).toBe(true);
  });

  it('serves through a collection root that is itself a symlink', async () => {
    const alias = join(tmp, 'alias');
    symlinkSync(root, alias);
    const other = createFakeEngine();
    await other.indexFolder(alias);
    other.addAsset('demo', 'static/stands/x/logo.png', join(alias, 'static/stands/x/logo.png'));
    expect((await resolveAssetRequest('stand-asset://demo/static/stands/x/logo.png', other)).status).toBe(
      200,
    );
  });

  it('finds a collection with a non-ASCII id that Chromium sent as punycode', async () => {
    const lookups = {
      getCollection: (id: string) => (id === 'straße' ? engine.getCollection('demo') : null),
      getAsset: (c: string, f: string) => (c === 'straße' ? engine.getAsset('demo', f) : null),
    };
    expect(
      (await resolveAssetRequest('stand-asset://xn--strae-oqa/static/stands/x/logo.png', lookups)).status,
    ).toBe(200);
  });

  it('works with asynchronous lookups (the engine client)', async () => {
    const asyncQueries = {
      getCollection: async (id: string) => engine.getCollection(id),
      getAsset: async (c: string, f: string) => engine.getAsset(c, f),
    };
    expect(
      (await resolveAssetRequest('stand-asset://demo/static/stands/x/logo.png', asyncQueries)).status,
    ).toBe(200);
  });
});

describe('createAssetHandler', () => {
  const handler = () => createAssetHandler(engine);

  it('answers with the file, its type, its own CSP and nosniff', async () => {
    const response = await handler()(new Request('stand-asset://demo/static/stands/x/logo.svg'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(SVG);
  });

  it('refuses an SVG built to freeze the page while it is drawn, and serves a real one whole', async () => {
    // 1 KiB asking Chromium for a million rectangles (ten copies of ten copies of … of one).
    let defs = '<g id="l0"><rect width="1" height="1"/></g>';
    for (let i = 1; i <= 6; i++) defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
    const bomb = `<svg xmlns="http://www.w3.org/2000/svg"><defs>${defs}</defs><use href="#l6"/></svg>`;
    const stand = join(root, 'static', 'stands', 'x');
    writeFileSync(join(stand, 'bomb.svg'), bomb);
    writeFileSync(join(stand, 'utf16.svg'), Buffer.from(`\ufeff${bomb}`, 'utf16le'));
    engine.addAsset('demo', 'static/stands/x/bomb.svg');
    engine.addAsset('demo', 'static/stands/x/utf16.svg');
    for (const file of ['bomb.svg', 'utf16.svg']) {
      const response = await handler()(new Request(`stand-asset://demo/static/stands/x/${file}`));
      expect(response.status, file).toBe(404);
      expect(await response.text()).toBe('Not found');
    }
    const range = await handler()(
      new Request('stand-asset://demo/static/stands/x/logo.svg', { headers: { Range: 'bytes=5-7' } }),
    );
    expect(range.status).toBe(206);
    expect(await range.text()).toBe(SVG.slice(5, 8));
    const head = await handler()(
      new Request('stand-asset://demo/static/stands/x/logo.svg', { method: 'HEAD' }),
    );
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(SVG.length));
  });

  it('refuses a picture too large to decode (a small PNG of 20,000 × 20,000) or whose size cannot be read', async () => {
    const { deflateSync } = await import('node:zlib');
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const png = (width: number, height: number) => {
      const header = Buffer.alloc(13);
      header.writeUInt32BE(width, 0);
      header.writeUInt32BE(height, 4);
      header.set([8, 0, 0, 0, 0], 8);
      const rows = deflateSync(Buffer.alloc(Math.min(height, 64) * (width + 1)));
      return Buffer.concat([
        PNG.subarray(0, 8),
        chunk('IHDR', header),
        chunk('IDAT', rows),
        chunk('IEND', Buffer.alloc(0)),
      ]);
    };
    const stand = join(root, 'static', 'stands', 'x');
    writeFileSync(join(stand, 'huge.png'), png(20_000, 20_000));
    writeFileSync(join(stand, 'large.png'), png(8000, 6000));
    writeFileSync(join(stand, 'not-a-picture.jpg'), 'not a JPEG at all');
    for (const file of ['huge.png', 'large.png', 'not-a-picture.jpg'])
      engine.addAsset('demo', `static/stands/x/${file}`);
    for (const file of ['huge.png', 'not-a-picture.jpg']) {
      const response = await handler()(new Request(`stand-asset://demo/static/stands/x/${file}`));
      expect(response.status, file).toBe(404);
    }
    const large = await handler()(new Request('stand-asset://demo/static/stands/x/large.png'));
    expect(large.status).toBe(200);
    expect(Buffer.from(await large.arrayBuffer())).toEqual(png(8000, 6000));
    // Past the bytes its size is read from (1 MiB), a picture is read again to be served: whole, or a range.
    const long = Buffer.concat([png(800, 600), Buffer.alloc(1024 * 1024 + 10, 7)]);
    writeFileSync(join(stand, 'long.png'), long);
    engine.addAsset('demo', 'static/stands/x/long.png');
    const whole = await handler()(new Request('stand-asset://demo/static/stands/x/long.png'));
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(long)).toBe(true);
    for (const file of ['large.png', 'long.png']) {
      const bytes = file === 'long.png' ? long : png(8000, 6000);
      const range = await handler()(
        new Request(`stand-asset://demo/static/stands/x/${file}`, { headers: { Range: 'bytes=2-9' } }),
      );
      expect(range.status, file).toBe(206);
      expect(Buffer.from(await range.arrayBuffer()), file).toEqual(bytes.subarray(2, 10));
      const head = await handler()(
        new Request(`stand-asset://demo/static/stands/x/${file}`, { method: 'HEAD' }),
      );
      expect(head.headers.get('content-length'), file).toBe(String(bytes.length));
      expect(await head.text(), file).toBe('');
    }
  });

  it('answers 404 with the same protective headers', async () => {
    const response = await handler()(new Request('stand-asset://demo/%2e%2e/secret.png'));
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).not.toContain('outside');
  });

  it('serves byte ranges so videos can seek', async () => {
    const response = await handler()(
      new Request('stand-asset://demo/static/stands/x/tour.webm', { headers: { Range: 'bytes=10-19' } }),
    );
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 10-19/100');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
    const bad = await handler()(
      new Request('stand-asset://demo/static/stands/x/tour.webm', { headers: { Range: 'bytes=500-' } }),
    );
    expect(bad.status).toBe(416);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler()(
      new Request('stand-asset://demo/static/stands/x/logo.png', { method: 'HEAD' }),
    );
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(PNG.length));
    const post = await handler()(
      new Request('stand-asset://demo/static/stands/x/logo.png', { method: 'POST', body: 'x' }),
    );
    expect(post.status).toBe(405);
  });

  it('turns a failing lookup into a 404, not a crash', async () => {
    const broken = createAssetHandler({
      getCollection: () => {
        throw new Error('engine gone');
      },
      getAsset: () => null,
    });
    expect((await broken(new Request('stand-asset://demo/static/stands/x/logo.png'))).status).toBe(404);
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=50-500', 100, { start: 50, end: 99 }],
    ['bytes=100-', 100, null],
    ['bytes=9-1', 100, null],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
    [null, 100, null],
  ] as const)('%s of %d bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('opening only what was checked', () => {
  const stand = () => join(root, 'static', 'stands', 'x');

  it('refuses a file swapped for a FIFO after the check, without waiting for a writer', async () => {
    const file = join(stand(), 'swapped.png');
    writeFileSync(file, PNG);
    const checked = (await realFileInside(root, file))!;
    expect(checked.size).toBe(PNG.length);
    rmSync(file);
    execFileSync('mkfifo', [file]);
    expect(await openCheckedFile(checked.path, checked.identity, 1024)).toBeNull();
  });

  it('refuses a file replaced by another, or by a symlink, after the check', async () => {
    const file = join(stand(), 'replaced.png');
    writeFileSync(file, PNG);
    const checked = (await realFileInside(root, file))!;
    writeFileSync(join(stand(), 'other.png'), 'another file');
    renameSync(join(stand(), 'other.png'), file);
    expect(await openCheckedFile(checked.path, checked.identity, 1024)).toBeNull();
    rmSync(file);
    symlinkSync(join(tmp, 'secret.png'), file);
    expect(await openCheckedFile(checked.path, checked.identity, 1024)).toBeNull();
  });

  it('opens the checked file itself, within the size limit', async () => {
    const file = join(stand(), 'tour.webm');
    const checked = (await realFileInside(root, file))!;
    expect(await openCheckedFile(checked.path, checked.identity, 99)).toBeNull();
    const opened = (await openCheckedFile(checked.path, checked.identity, 100))!;
    expect(opened.size).toBe(100);
    const bytes = Buffer.alloc(4);
    await opened.handle.read(bytes, 0, 4, 96);
    await opened.handle.close();
    expect([...bytes]).toEqual([96, 97, 98, 99]);
  });

  it('answers 404 at once for a FIFO the index points at', async () => {
    execFileSync('mkfifo', [join(stand(), 'pipe.png')]);
    engine.addAsset('demo', 'static/stands/x/pipe.png');
    const response = await createAssetHandler(engine)(
      new Request('stand-asset://demo/static/stands/x/pipe.png'),
    );
    expect(response.status).toBe(404);
  });
});

describe('collection ids as Chromium sends them', () => {
  // Chromium lowercases the host of a standard scheme, maps it like a domain name and reads a number as an
  // IPv4 address: the handler must still find the collection whose id became that host.
  function lookupsWithId(id: string) {
    const demo = engine.getCollection('demo')!;
    return {
      getCollection: (asked: string) => (asked === id ? { ...demo, id } : null),
      getAsset: (collection: string, file: string) =>
        collection === id ? engine.getAsset('demo', file) : null,
      listCollections: () => [{ ...demo, id }],
    };
  }

  it.each([
    ['Foo', 'foo'],
    ['2021', '0.0.7.229'],
    ['ﬁle', 'file'],
    ['Straße', 'xn--strae-oqa'],
  ])('finds %s asked for as %s', async (id, host) => {
    const url = `stand-asset://${host}/static/stands/x/logo.png`;
    expect(await resolveAssetRequest(url, lookupsWithId(id))).toMatchObject({ status: 200 });
    expect((await createAssetHandler(lookupsWithId(id))(new Request(url))).status).toBe(200);
  });

  it('finds nothing for a host no id becomes', async () => {
    const url = 'stand-asset://bar/static/stands/x/logo.png';
    expect((await resolveAssetRequest(url, lookupsWithId('Foo'))).status).toBe(404);
  });

  it('serves the files of folders named like numbers, with ids the engine makes for them', async () => {
    const site = join(tmp, 'sites', '2021');
    mkdirSync(join(site, 'static', 'stands', 'x'), { recursive: true });
    writeFileSync(join(site, 'static', 'stands', 'x', 'logo.png'), PNG);
    mkdirSync(join(site, 'content', 'stands'), { recursive: true });
    writeFileSync(join(site, 'content', 'stands', 'x.md'), '---\ntitle: X\nlogo: stands/x/logo.png\n---\n');
    const real = await openEngine({ dbFile: null });
    try {
      const { collection } = await real.indexFolder(site);
      expect(collection.id).toBe('stands-2021');
      const url = new URL(`stand-asset://${collection.id}/static/stands/x/logo.png`).href;
      expect((await createAssetHandler(real)(new Request(url))).status).toBe(200);
    } finally {
      await real.close();
    }
  });
});
