import { describe, expect, it } from 'vitest';
import { processHtml, type HtmlContext, type Resolution } from '../../../main/engine/html-refs';
import { assetUrl, candidatesFor, classifyRef, internalUrl } from '../../../main/engine/refs';

const base = { fileDir: 'content/stands/boat', urlDir: ['stands', 'boat'] };

describe('classifyRef', () => {
  it('tells remote, other schemes, same-page and local references apart', () => {
    expect(classifyRef('https://example.org/a.png')).toEqual({
      kind: 'remote',
      url: 'https://example.org/a.png',
    });
    expect(classifyRef('//cdn.example.org/a.png').kind).toBe('remote');
    expect(classifyRef('mailto:crew@example.org')).toEqual({ kind: 'scheme', scheme: 'mailto' });
    expect(classifyRef(' java\nscript:alert(1)')).toEqual({ kind: 'scheme', scheme: 'javascript' });
    expect(classifyRef('#top').kind).toBe('none');
    expect(classifyRef('')).toEqual({ kind: 'none' });
    expect(classifyRef('img/a%20b.png?x=1#f')).toEqual({
      kind: 'local',
      path: 'img/a b.png',
      absolute: false,
      fragment: 'f',
    });
  });

  it.each([
    'file:///etc/passwd',
    'C:\\Windows\\win.ini',
    'c:/windows/win.ini',
    '\\\\server\\share\\x.png',
    '/\\server\\x.png',
    'a.png%00.jpg',
    'a\u0000b.png',
    'stand-asset://other-collection/static/x.png',
    'standalone://stand/x',
  ])('never lets %j reach a file', (raw) => {
    expect(['outside', 'ours']).toContain(classifyRef(raw).kind);
  });
});

describe('candidatesFor', () => {
  it('looks beside the file, then under the page URL, then from the site root', () => {
    expect(candidatesFor('logo.png', base)).toEqual({
      files: [
        'content/stands/boat/logo.png',
        'static/stands/boat/logo.png',
        'static/logo.png',
        'content/logo.png',
      ],
      urls: ['stands/boat/logo.png', 'logo.png'],
    });
    expect(candidatesFor('/stands/boat/logo.png', base)!.files).toEqual([
      'static/stands/boat/logo.png',
      'content/stands/boat/logo.png',
    ]);
    expect(candidatesFor('stands/boat/logo.png', base)!.files).toContain('static/stands/boat/logo.png');
  });

  it.each([
    '../../../../etc/passwd',
    '/../../etc/passwd',
    '..%2f..%2f..%2f..%2fetc/passwd',
    '../../../../../static/x.png',
  ])('refuses %j, which climbs out of the folder', (raw) => {
    const ref = classifyRef(raw);
    if (ref.kind !== 'local') {
      expect(ref.kind).toBe('outside');
      return;
    }
    expect(candidatesFor(ref.path, base)).toBeNull();
  });

  it('keeps every candidate inside the folder even when some readings climb', () => {
    const ref = classifyRef('%2e%2e/%2e%2e/%2e%2e/secret.txt');
    expect(ref.kind).toBe('local');
    const found = candidatesFor((ref as { path: string }).path, base)!;
    for (const file of found.files) {
      expect(file.startsWith('/')).toBe(false);
      expect(file.split('/')).not.toContain('..');
    }
  });
});

describe('URLs the engine writes', () => {
  it('percent-encodes every path segment of an asset URL', () => {
    expect(assetUrl('fosdem-2021', 'static/stands/a b/#1?.png')).toBe(
      'stand-asset://fosdem-2021/static/stands/a%20b/%231%3F.png',
    );
  });

  it('routes internal links', () => {
    expect(internalUrl({ type: 'stand', stand: 'boat' })).toBe('standalone://stand/boat');
    expect(internalUrl({ type: 'page', stand: 'boat', page: 'get-involved' }, 'crew list')).toBe(
      'standalone://page/boat/get-involved#crew%20list',
    );
    expect(internalUrl({ type: 'theme', theme: 'operating-systems' })).toBe(
      'standalone://theme/operating-systems',
    );
  });
});

describe('processHtml', () => {
  function run(html: string, known: Record<string, Resolution> = {}) {
    const reported: [string, string, string][] = [];
    const ctx: HtmlContext = {
      resolve: (ref) => known[ref.path] ?? { type: 'missing' },
      report: (code, ref, tag) => reported.push([code, ref, tag]),
    };
    return { ...processHtml(html, ctx, true), reported };
  }

  it('rewrites local src, href, poster and srcset and keeps the rest byte for byte', () => {
    const known: Record<string, Resolution> = {
      '/stands/boat/a.png': { type: 'url', url: 'stand-asset://c/static/stands/boat/a.png' },
      'b.png': { type: 'url', url: 'stand-asset://c/static/stands/boat/b.png' },
      'p.jpg': { type: 'url', url: 'stand-asset://c/static/p.jpg' },
      'intro/': { type: 'url', url: 'standalone://page/boat/intro' },
    };
    const { html, reported } = run(
      '<p class="x"  data-keep = "1">Hi &amp; bye</p><img src="/stands/boat/a.png" alt="A &quot;boat&quot;" srcset="b.png 2x, /stands/boat/a.png 1x"><video poster="p.jpg"></video><a href="intro/">In</a>',
      known,
    );
    expect(html).toBe(
      '<p class="x"  data-keep = "1">Hi &amp; bye</p><img src="stand-asset://c/static/stands/boat/a.png" alt="A &quot;boat&quot;" srcset="stand-asset://c/static/stands/boat/b.png 2x, stand-asset://c/static/stands/boat/a.png 1x"><video poster="stand-asset://c/static/p.jpg"></video><a href="standalone://page/boat/intro">In</a>',
    );
    expect(reported).toEqual([]);
  });

  it('drops and reports references that are missing or lead outside the folder', () => {
    const { html, reported } = run(
      '<img src="gone.png" alt="x"><a href="nowhere/">n</a><img src="file:///etc/passwd"><img src="stand-asset://other/x.png">',
    );
    expect(html).toBe('<img alt="x"><a>n</a><img><img>');
    expect(reported).toEqual([
      ['asset-missing', 'gone.png', 'img'],
      ['link-broken', 'nowhere/', 'a'],
      ['asset-outside-folder', 'file:///etc/passwd', 'img'],
      ['asset-outside-folder', 'stand-asset://other/x.png', 'img'],
    ]);
  });

  it('reports remote images, media and frames, and keeps them for the renderer', () => {
    const { html, reported } = run(
      '<img src="https://a.example/i.png"><video src="https://a.example/v.mp4"></video><picture><source srcset="https://a.example/s.webp"></picture><video><source src="https://a.example/s.webm"></video><iframe src="https://a.example/embed"></iframe><a href="https://a.example/">site</a>',
    );
    expect(reported.map((r) => r[0])).toEqual([
      'remote-image',
      'remote-media',
      'remote-image',
      'remote-media',
      'remote-frame',
    ]);
    expect(html).toContain('<iframe src="https://a.example/embed"></iframe>');
  });

  it('removes scripts, with their contents, and reports them', () => {
    const { html, text, reported } = run(
      '<p>a</p><script>document.write("<p>b</p>")</script><p>c</p><script src="https://x.example/t.js"></script>',
    );
    expect(html).toBe('<p>a</p><p>c</p>');
    expect(text).toBe('a c');
    expect(reported.map((r) => r[0])).toEqual(['script-removed', 'script-removed']);
  });

  it('reports a page’s own styles, which are never applied, once per stylesheet link or style block', () => {
    const { html, reported } = run(
      '<link rel="stylesheet" href="/stands/boat/gone.css"><LINK REL="alternate Stylesheet" href="https://cdn.example/a.css"><link rel="icon" href="https://a.example/i.ico"><style>img { width: 4em }</style><p style="color: red">a</p>',
    );
    // A stylesheet that is not in the folder is not reported missing as well: it would not be used anyway.
    expect(reported).toEqual([
      ['style-ignored', '/stands/boat/gone.css', 'link'],
      ['style-ignored', 'https://cdn.example/a.css', 'link'],
      ['style-ignored', '', 'style'],
    ]);
    expect(html).toContain('<p style="color: red">a</p>');
    // Also where only the HTML is wanted, which skips fragments with nothing to rewrite.
    const alone: string[] = [];
    processHtml('<p>a</p><style>p { color: red }</style>', {
      resolve: () => ({ type: 'missing' }),
      report: (code) => alone.push(code),
    });
    expect(alone).toEqual(['style-ignored']);
  });

  it('removes an unclosed script up to the end', () => {
    expect(run('<p>a</p><script>var x = 1;').html).toBe('<p>a</p>');
  });

  it('reports a fragment it had to leave out because resolving a reference threw', () => {
    const reported: [string, string, string][] = [];
    const ctx: HtmlContext = {
      resolve: () => {
        throw new URIError('URI malformed');
      },
      report: (code, ref, tag) => reported.push([code, ref, tag]),
    };
    expect(processHtml('<p>Text <a href="other/">link</a></p>', ctx, true)).toEqual({ html: '', text: '' });
    expect(reported).toEqual([['content-unreadable', '', '']]);
  });

  it('extracts visible text with entities decoded and whitespace collapsed', () => {
    const { text } = run(
      '<h1>Title</h1>\n<p>One&nbsp;&amp;   two</p><style>p{}</style><ul><li>x</li><li>y</li></ul>',
    );
    expect(text).toBe('Title One & two x y');
  });
});
