// The sanitizer under jsdom (happy-dom lets scripts through): what stand HTML may become on the page.
import { describe, expect, it } from 'vitest';
import { createSanitizer, MARK } from '../../renderer/src/content/sanitize';
import { XSS_PAYLOADS } from '../e2e/xss-payloads';

const sanitize = createSanitizer(window);
const clean = (html: string, collection = 'fosdem-2021') => sanitize(html, { collection });

/** Parses output the way the page will, inertly, to inspect it. */
function parse(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const holder = document.createElement('div');
  holder.append(template.content.cloneNode(true));
  return holder;
}

function allAttributes(root: Element): { tag: string; name: string; value: string }[] {
  return Array.from(root.querySelectorAll('*')).flatMap((element) =>
    Array.from(element.attributes).map((attr) => ({
      tag: element.localName,
      name: attr.name,
      value: attr.value,
    })),
  );
}

const FORBIDDEN_ATTRIBUTES = new Set([
  'style',
  'ping',
  'background',
  'action',
  'formaction',
  'autofocus',
  'tabindex',
  'srcdoc',
  'target',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'poster',
  'data',
  'action',
  'formaction',
  'background',
  'xlink:href',
  'ping',
  'cite',
  'longdesc',
]);

describe('sanitizeHtml against hostile markup', () => {
  it.each(XSS_PAYLOADS.map((payload) => [payload]))('neutralises %s', (payload) => {
    const root = parse(clean(payload));
    const forbidden = root.querySelectorAll(
      'script, style, iframe, frame, object, embed, form, input, base, meta, link, svg, math, template, dialog, noscript',
    );
    expect(Array.from(forbidden).map((e) => e.localName)).toEqual([]);
    for (const { tag, name, value } of allAttributes(root)) {
      expect(name, `${tag}[${name}]`).not.toMatch(/^on/i);
      expect(FORBIDDEN_ATTRIBUTES.has(name), `${tag}[${name}]`).toBe(false);
      if (URL_ATTRIBUTES.has(name)) {
        // Nothing left can run or be fetched: only app routes, in-page anchors, the collection's own
        // files, and links out that go through the main process.
        expect(value, `${tag}[${name}]`).toMatch(
          /^(#(?!\/)|#\/c\/fosdem-2021\/|stand-asset:\/\/fosdem-2021\/|https?:\/\/|mailto:)/i,
        );
        if (/^https?:/i.test(value))
          expect(tag === 'a' && name === 'href', `${tag}[${name}]=${value}`).toBe(true);
      }
      if (name === 'id' || name === 'name') expect(value).toMatch(/^user-content-/);
    }
  });

  it('keeps no trace of any payload that could run', () => {
    const out = clean(XSS_PAYLOADS.join('\n'));
    expect(out).not.toMatch(
      /<script|javascript:|vbscript:|data:text|onerror=|onload=|srcdoc|expression\(|url\(/i,
    );
  });

  it('prefixes ids and names so content cannot clobber the page', () => {
    const root = parse(
      clean(
        '<img name="api" src="stand-asset://fosdem-2021/a.png"><a id="api" href="#top">x</a><p id="top">t</p>',
      ),
    );
    expect(root.querySelector('img')!.getAttribute('name')).toBe('user-content-api');
    expect(root.querySelector('a')!.id).toBe('user-content-api');
    expect(root.querySelector('p')!.id).toBe('user-content-top');
  });

  it('strips marks and app classes the content tries to set itself', () => {
    const root = parse(
      clean(
        '<p data-sa-qr="https://evil.invalid/" data-sa-style="position:fixed" class="lead sa-header">x</p>',
      ),
    );
    const p = root.querySelector('p')!;
    expect(p.getAttribute(MARK.qr)).toBeNull();
    expect(p.getAttribute(MARK.style)).toBeNull();
    expect(p.className).toBe('lead');
  });
});

describe('remote media', () => {
  it('replaces a remote image by a placeholder that offers the link as a QR code', () => {
    const root = parse(clean('<p><img src="https://www.example.org/photo.png" alt="Team photo"></p>'));
    expect(root.querySelector('img')).toBeNull();
    const placeholder = root.querySelector(`[${MARK.remote}]`)!;
    expect(placeholder.textContent).toContain('Image on example.org — needs the internet');
    expect(placeholder.querySelector('button')!.getAttribute(MARK.qr)).toBe(
      'https://www.example.org/photo.png',
    );
  });

  it('turns a YouTube embed into a placeholder whose QR code is the video page', () => {
    const root = parse(
      clean('<iframe src="https://www.youtube.com/embed/abcdefghijk" allowfullscreen></iframe>'),
    );
    expect(root.querySelector('iframe')).toBeNull();
    expect(root.textContent).toContain('Embedded page on youtube.com — needs the internet');
    expect(root.querySelector('button')!.getAttribute(MARK.qr)).toBe(
      'https://www.youtube.com/watch?v=abcdefghijk',
    );
  });

  it('replaces a player with a remote source, and keeps a local one with controls', () => {
    const remote = parse(
      clean('<video><source src="https://cdn.example.org/talk.mp4" type="video/mp4"></video>'),
    );
    expect(remote.querySelector('video, source')).toBeNull();
    expect(remote.textContent).toContain('Video on cdn.example.org');
    const local = parse(
      clean('<video autoplay src="stand-asset://fosdem-2021/content/stands/x/demo.webm"></video>'),
    );
    const video = local.querySelector('video')!;
    expect(video.getAttribute('src')).toBe('stand-asset://fosdem-2021/content/stands/x/demo.webm');
    expect(video.hasAttribute('controls')).toBe(true);
    expect(video.hasAttribute('autoplay')).toBe(false);
  });

  it('uses an inline placeholder without a button inside a link', () => {
    const root = parse(clean('<a href="https://example.org/"><img src="https://example.org/logo.png"></a>'));
    const link = root.querySelector('a')!;
    expect(link.querySelector('button')).toBeNull();
    expect(link.querySelector(`span[${MARK.remote}]`)).not.toBeNull();
  });

  it('keeps local images, lazily, with an alt, and drops files of other collections', () => {
    const root = parse(
      clean(
        '<img src="stand-asset://fosdem-2021/static/stands/x/logo.png"><img src="stand-asset://other/secret.png"><img src="relative.png">',
      ),
    );
    // The other two have nothing left to show and are dropped.
    const images = root.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]!.getAttribute('src')).toBe('stand-asset://fosdem-2021/static/stands/x/logo.png');
    expect(images[0]!.getAttribute('alt')).toBe('');
    expect(images[0]!.getAttribute('loading')).toBe('lazy');
  });

  it('keeps pictures written into the HTML, but no SVG document (one can freeze the window)', () => {
    const bomb = encodeURIComponent(
      '<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><rect width="1" height="1"/></g>' +
        '<g id="b"><use href="#a"/><use href="#a"/></g><use href="#b"/></svg>',
    );
    for (const src of [
      `data:image/svg+xml,${bomb}`,
      `DATA:image/SVG+xml;base64,PHN2Zz4=`,
      `data:image/svg%2Bxml,${bomb}`,
      'data:text/html,<svg>',
      'data:image/,x',
    ]) {
      expect(parse(clean(`<p>a<img src="${src}" alt="logo">b</p>`)).querySelector('img'), src).toBeNull();
    }
    for (const src of [
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC',
      'data:image/gif,GIF89a%01%00%01%00%00%00%00;',
    ]) {
      expect(
        parse(clean(`<img src="${src}" alt="logo">`))
          .querySelector('img')!
          .getAttribute('src'),
      ).toBe(src);
    }
  });

  it('drops a picture written into the HTML that is too large to decode, or whose size cannot be read', () => {
    // A PNG's header: its signature and its IHDR chunk, which holds its width and height.
    const png = (width: number, height: number) => {
      const bytes = new Uint8Array(33);
      bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
      const view = new DataView(bytes.buffer);
      view.setUint32(16, width);
      view.setUint32(20, height);
      bytes.set([8, 0, 0, 0, 0], 24);
      return `data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`;
    };
    for (const src of [
      png(20_000, 20_000),
      png(65_536, 1025),
      'data:image/png;base64,iVBO',
      'data:image/png;base64,!!',
    ]) {
      expect(parse(clean(`<p>a<img src="${src}" alt="plan">b</p>`)).querySelector('img'), src).toBeNull();
    }
    expect(parse(clean(`<img src="${png(8000, 6000)}" alt="plan">`)).querySelector('img')).not.toBeNull();
  });

  it('keeps a srcset only when every candidate is a file of the collection', () => {
    const ok = parse(
      clean(
        '<img src="stand-asset://fosdem-2021/a.png" srcset="stand-asset://fosdem-2021/a.png 1x, stand-asset://fosdem-2021/b.png 2x">',
      ),
    );
    expect(ok.querySelector('img')!.getAttribute('srcset')).toContain('b.png 2x');
    const mixed = parse(
      clean(
        '<img src="stand-asset://fosdem-2021/a.png" srcset="stand-asset://fosdem-2021/a.png 1x, data:image/png;base64,AA 2x">',
      ),
    );
    expect(mixed.querySelector('img')!.hasAttribute('srcset')).toBe(false);
  });
});

describe('links', () => {
  it('routes standalone:// links inside the app', () => {
    const root = parse(
      clean(
        '<a href="standalone://stand/matrix">stand</a><a href="standalone://page/matrix/get%20involved">page</a><a href="standalone://theme/iot">theme</a>',
      ),
    );
    expect(Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      '#/c/fosdem-2021/stands/matrix',
      '#/c/fosdem-2021/stands/matrix/get%20involved',
      '#/c/fosdem-2021/themes/iot',
    ]);
  });

  it('drops malformed internal links, app-route lookalikes and relative links', () => {
    const root = parse(
      clean(
        '<a href="standalone://stand/..%2Fx">a</a><a href="standalone://nope/x">b</a><a href="#/collections">c</a><a href="../other.html">d</a>',
      ),
    );
    for (const link of Array.from(root.querySelectorAll('a'))) expect(link.hasAttribute('href')).toBe(false);
  });

  it('marks links out as external and strips targets', () => {
    const root = parse(
      clean(
        '<a href="https://matrix.org/blog" target="_blank">blog</a><a href="mailto:team@example.org">mail</a>',
      ),
    );
    const [web, mail] = Array.from(root.querySelectorAll('a'));
    expect(web!.getAttribute(MARK.external)).toBe('matrix.org');
    expect(web!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(web!.hasAttribute('target')).toBe(false);
    expect(mail!.getAttribute(MARK.external)).toBe('team@example.org');
  });

  it('drops links left with nothing in them', () => {
    const root = parse(
      clean('<p>Star us <a href="https://example.org/"><svg><path d="M0 0"/></svg></a> today</p>'),
    );
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toBe('Star us  today');
  });

  it('keeps in-page anchors and names links that only hold an image', () => {
    const root = parse(
      clean(
        '<a href="#faq">FAQ</a><a href="https://example.org/"><img src="stand-asset://fosdem-2021/a.png"></a>',
      ),
    );
    const [anchor, imageLink] = Array.from(root.querySelectorAll('a'));
    expect(anchor!.getAttribute('href')).toBe('#faq');
    expect(imageLink!.getAttribute('aria-label')).toBe('Link to example.org');
  });
});

describe('structure screen readers rely on', () => {
  const headingsOf = (html: string, base = 2) =>
    Array.from(
      parse(sanitize(html, { collection: 'c', headingBase: base })).querySelectorAll('h1,h2,h3,h4,h5,h6'),
    ).map((h) => `${h.localName}:${h.textContent}`);

  it('renumbers content headings under their section, never skipping a level', () => {
    expect(headingsOf('<h1>a</h1><h3>b</h3><h4>c</h4><h1>d</h1>')).toEqual(['h2:a', 'h3:b', 'h4:c', 'h2:d']);
    expect(headingsOf('<h5>only</h5><h5>again</h5>', 3)).toEqual(['h3:only', 'h3:again']);
    expect(headingsOf('<h4>x</h4><h2>y</h2>', 3)).toEqual(['h3:x', 'h3:y']);
    expect(headingsOf('<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>', 3)).toEqual([
      'h3:1',
      'h4:2',
      'h5:3',
      'h6:4',
      'h6:5',
      'h6:6',
    ]);
  });

  it('gives list items their list and lists their items', () => {
    const root = parse(
      clean(
        '<ul><li>a</li><ul><li>nested</li></ul><p>para</p></ul><div class="box"><li>stray 1</li> <li>stray 2</li>text</div>',
      ),
    );
    const outer = root.querySelector('ul')!;
    expect(Array.from(outer.children).map((c) => c.localName)).toEqual(['li', 'li', 'li']);
    const strays = root.querySelector('.box > ul')!;
    expect(Array.from(strays.children).map((c) => c.textContent)).toEqual(['stray 1', 'stray 2']);
    expect(root.querySelector('.box')!.lastChild!.textContent).toBe('text');
  });

  it('names links by the words they show', () => {
    const root = parse(
      clean('<a href="https://mariadb.com/kb" aria-label="Queries (opens in a new tab)">Useful queries</a>'),
    );
    expect(root.querySelector('a')!.hasAttribute('aria-label')).toBe(false);
  });
});

describe('plain attributes', () => {
  it('keeps sizes, spans, list starts and alignment', () => {
    const root = parse(
      clean(
        '<img src="stand-asset://fosdem-2021/a.png" width="50%" height="120"><table><tr><td colspan="2" rowspan="3" align="center">x</td></tr></table><ol start="3" type="a"><li>c</li></ol><p dir="rtl" lang="ar">x</p>',
      ),
    );
    const img = root.querySelector('img')!;
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['50%', '120']);
    const td = root.querySelector('td')!;
    expect([td.getAttribute('colspan'), td.getAttribute('rowspan'), td.getAttribute('align')]).toEqual([
      '2',
      '3',
      'center',
    ]);
    const ol = root.querySelector('ol')!;
    expect([ol.getAttribute('start'), ol.getAttribute('type')]).toEqual(['3', 'a']);
    expect(root.querySelector('p')!.getAttribute('dir')).toBe('rtl');
  });

  it('still refuses schemes other than ours in any attribute', () => {
    const root = parse(
      clean(
        '<img src="stand-asset://fosdem-2021/a.png" width="javascript:alert(1)" height="data:x"><td align="vbscript:x">v</td>',
      ),
    );
    const img = root.querySelector('img')!;
    expect([img.hasAttribute('width'), img.hasAttribute('height')]).toEqual([false, false]);
  });
});

describe('inline style', () => {
  it('keeps layout as data for CSSOM and drops colours and anything that loads', () => {
    const root = parse(
      clean(
        '<div style="float: left; padding: 10px; color: red; background: url(https://x.invalid/a.png); position: fixed">x</div>',
      ),
    );
    const div = root.querySelector('div')!;
    expect(div.hasAttribute('style')).toBe(false);
    expect(div.getAttribute(MARK.style)).toBe('float:left;padding:10px');
  });
});

describe('real stand HTML', () => {
  it('keeps Bootstrap structure, tables and text intact', () => {
    const html =
      '<div class="row"><div class="col-sm-12 col-md-4"><div class="card"><div class="card-body"><h5 class="card-title">Docs</h5>' +
      '<p class="card-text">Read <a href="https://docs.example.org">the docs</a>.</p></div></div></div></div>' +
      '<table><thead><tr><th>When</th></tr></thead><tbody><tr><td>Saturday</td></tr></tbody></table>';
    const root = parse(clean(html));
    expect(
      root.querySelector('.row > .col-sm-12.col-md-4 > .card > .card-body > h2.card-title')!.textContent,
    ).toBe('Docs');
    expect(root.querySelector('td')!.textContent).toBe('Saturday');
  });
});

describe('text direction', () => {
  it('lets each block of text take the direction of its own words, unless the stand set one', () => {
    const root = parse(
      clean(
        '<h2>שלום!</h2><p>مرحبا بكم!</p><ul><li>一</li></ul><ol><li>x</li></ol>' +
          '<blockquote>y</blockquote><table><caption>c</caption><tr><th>h</th><td>d</td></tr></table>' +
          '<figure><figcaption>f</figcaption></figure><dl><dt>t</dt><dd>d</dd></dl>' +
          '<div dir="rtl"><p>inside rtl</p></div><p dir="ltr">ltr</p><pre>code</pre>',
      ),
    );
    for (const selector of ['h2', 'p', 'ul', 'ol', 'blockquote', 'caption', 'th', 'td', 'figcaption', 'dl']) {
      expect(root.querySelector(selector)!.getAttribute('dir'), selector).toBe('auto');
    }
    // What the stand wrote stands: a block inside a set direction, or with its own, keeps it.
    expect(root.querySelector('div[dir="rtl"] > p')!.hasAttribute('dir')).toBe(false);
    expect([...root.querySelectorAll('p')].at(-1)!.getAttribute('dir')).toBe('ltr');
    // Code reads left to right whatever its comments are written in.
    expect(root.querySelector('pre')!.hasAttribute('dir')).toBe(false);
  });

  it('gives direction to lists it makes for stray items and to headings it renumbers', () => {
    const root = parse(clean('<li>stray</li><h5>deep</h5>'));
    expect(root.querySelector('ul')!.getAttribute('dir')).toBe('auto');
    expect(root.querySelector('h2')!.getAttribute('dir')).toBe('auto');
  });
});
