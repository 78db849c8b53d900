// The renderer's pure helpers: routes, hash parsing, link rules, inline style, text, QR codes.
import { describe, expect, it } from 'vitest';
import { collectionOfPath, param, to } from '../../renderer/src/routes';
import { splitHash } from '../../renderer/src/lib/hash-location';
import {
  eventName,
  formatWhen,
  indexedText,
  initials,
  plural,
  splitHighlights,
} from '../../renderer/src/lib/text';
import {
  describeHost,
  internalRoute,
  isExternalUrl,
  isOwnAsset,
  isRemoteUrl,
  shareableUrl,
} from '../../renderer/src/content/links';
import { filterInlineStyle } from '../../renderer/src/content/inline-style';
import { defuseInlineAttributes } from '../../renderer/src/content/sanitize';
import { assetUrl } from '../../renderer/src/lib/asset-url';
import { qrShape } from '../../renderer/src/lib/qr';
import { columnsFor } from '../../renderer/src/components/StandGrid';

describe('routes', () => {
  it('builds every route with escaped segments and queries', () => {
    expect(to.stand('fosdem-2021', 'a b/c')).toBe('/c/fosdem-2021/stands/a%20b%2Fc');
    expect(to.page('x', 'matrix', 'Get Involved!')).toBe('/c/x/stands/matrix/Get%20Involved!');
    expect(to.search('x', 'café & co')).toBe('/c/x/search?q=caf%C3%A9+%26+co');
    expect(to.search('x')).toBe('/c/x/search');
    expect(to.problems('x', { severity: 'error', stand: '' })).toBe('/c/x/problems?severity=error');
  });

  it('decodes parameters without crashing on bad escapes', () => {
    expect(param('a%20b')).toBe('a b');
    expect(param('100%')).toBe('100%');
    expect(param(undefined)).toBe('');
  });

  it('tells the collection of a path', () => {
    expect(collectionOfPath('/c/fosdem-2021/stands/x')).toBe('fosdem-2021');
    expect(collectionOfPath('/c/a%20b')).toBe('a b');
    expect(collectionOfPath('/collections')).toBeNull();
  });

  it('splits the hash into path and query', () => {
    expect(splitHash('#/c/x/search?q=a?b')).toEqual(['/c/x/search', 'q=a?b']);
    expect(splitHash('')).toEqual(['/', '']);
    expect(splitHash('#c/x')).toEqual(['/c/x', '']);
  });
});

describe('links', () => {
  it('routes well-formed internal links only', () => {
    expect(internalRoute('standalone://stand/matrix', 'c')).toBe('/c/c/stands/matrix');
    expect(internalRoute('standalone://page/matrix/faq#top', 'c')).toBe('/c/c/stands/matrix/faq');
    expect(internalRoute('STANDALONE://theme/iot', 'c')).toBe('/c/c/themes/iot');
    expect(internalRoute('standalone://stand/a/b', 'c')).toBeNull();
    expect(internalRoute('standalone://page/a', 'c')).toBeNull();
    expect(internalRoute('standalone://stand/%2e%2e%2Fx', 'c')).toBeNull();
    expect(internalRoute('standalone://stand/%E0%A4%A', 'c')).toBeNull();
    expect(internalRoute('standalone://other/x', 'c')).toBeNull();
  });

  it('tells links out, remote resources and the collection’s own files apart', () => {
    expect(isExternalUrl('https://matrix.org')).toBe(true);
    expect(isExternalUrl('mailto:a@b.org')).toBe(true);
    expect(isExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalUrl('https://')).toBe(false);
    expect(isRemoteUrl('//cdn.example.org/x.png')).toBe(true);
    expect(isRemoteUrl('HTTP://x')).toBe(true);
    expect(isRemoteUrl('stand-asset://c/x.png')).toBe(false);
    expect(isOwnAsset('stand-asset://c/static/x.png', 'c')).toBe(true);
    expect(isOwnAsset('stand-asset://other/static/x.png', 'c')).toBe(false);
    expect(isOwnAsset('stand-asset://cc/static/x.png', 'c')).toBe(false);
  });

  it('describes hosts and finds the page worth taking away', () => {
    expect(describeHost('https://www.youtube.com/embed/x')).toBe('youtube.com');
    expect(describeHost('mailto:team@example.org?subject=hi')).toBe('team@example.org');
    expect(describeHost('not a url')).toBe('not a url');
    expect(shareableUrl('https://www.youtube-nocookie.com/embed/abcdef123?rel=0')).toBe(
      'https://www.youtube.com/watch?v=abcdef123',
    );
    expect(shareableUrl('https://player.vimeo.com/video/12345')).toBe('https://vimeo.com/12345');
    expect(shareableUrl('//video.example.org/talk.mp4')).toBe('https://video.example.org/talk.mp4');
  });

  it('escapes every segment of asset URLs', () => {
    expect(assetUrl('fosdem-2021', 'content/stands/x/Get Involved #1.png')).toBe(
      'stand-asset://fosdem-2021/content/stands/x/Get%20Involved%20%231.png',
    );
  });
});

describe('inline style', () => {
  it('keeps layout and drops everything else', () => {
    expect(
      filterInlineStyle('float: left; padding: 0 20px 5px 0; color: #333; display: inline-block !important'),
    ).toEqual([
      { property: 'float', value: 'left' },
      { property: 'padding', value: '0 20px 5px 0' },
      { property: 'display', value: 'inline-block' },
    ]);
  });

  it('refuses anything that could load, escape or overlay', () => {
    for (const style of [
      'width: expression(alert(1))',
      'background: url(https://x.invalid/a.png)',
      'width: calc(100% - var(--x))',
      'margin: 0 /* */ 1px',
      'width: \\75 rl(x)',
      'position: fixed',
      'display: contents',
      "font-family: 'x'",
      '@import "x"',
    ]) {
      expect(filterInlineStyle(style), style).toEqual([]);
    }
  });
});

describe('defuseInlineAttributes', () => {
  it('renames style and event-handler attributes inside tags only', () => {
    expect(defuseInlineAttributes('<p style="a" class=x onclick=go()>style=1 onclick=2</p>')).toBe(
      '<p data-sa-raw-style="a" class=x data-sa-raw-onclick=go()>style=1 onclick=2</p>',
    );
    expect(defuseInlineAttributes('<img/onerror=x src="a>b" OnLoad=\'y\'>')).toBe(
      '<img/data-sa-raw-onerror=x src="a>b" data-sa-raw-OnLoad=\'y\'>',
    );
    expect(defuseInlineAttributes('a < b style=1')).toBe('a < b style=1');
    expect(defuseInlineAttributes('<p>a</p><STYLE media="x">.lead { color: red }</style ><p>b</p>')).toBe(
      '<p>a</p><p>b</p>',
    );
  });
});

describe('text', () => {
  it('makes initials', () => {
    expect(initials('Quiet Garden Community')).toBe('QG');
    expect(initials('matrix')).toBe('MA');
    expect(initials('Ökologie & Co')).toBe('ÖC');
    expect(initials('')).toBe('?');
  });

  it('splits highlights, merging overlaps and ignoring ranges out of bounds', () => {
    expect(
      splitHighlights('hello world', [
        [6, 11],
        [0, 1],
        [8, 20],
        [-3, 0],
      ]),
    ).toEqual([
      { text: 'h', highlighted: true },
      { text: 'ello ', highlighted: false },
      { text: 'world', highlighted: true },
    ]);
    expect(splitHighlights('abc', [])).toEqual([{ text: 'abc', highlighted: false }]);
  });

  it('names events, counts and times', () => {
    expect(eventName('FOSDEM 2021 Stands')).toBe('FOSDEM 2021');
    expect(eventName('Stands')).toBe('Stands');
    expect(plural(1, 'stand')).toBe('1 stand');
    expect(plural(10000, 'stand')).toBe('10,000 stands');
    const now = new Date('2031-02-06T12:00:00Z');
    expect(formatWhen('2031-02-06T11:59:30Z', now)).toBe('just now');
    expect(formatWhen('2031-02-06T11:50:00Z', now)).toBe('10 min ago');
    expect(formatWhen('garbage', now)).toBe('unknown');
    expect(indexedText('2031-02-06T11:50:00Z', now)).toBe('Indexed 10 min ago');
    // A collection kept from a rebuilt store while its folder was away has no index yet.
    expect(indexedText('', now)).toBe('Not indexed yet');
  });
});

describe('layout and QR', () => {
  it('fits as many cards as the width allows', () => {
    expect(columnsFor(1000, 280, 16)).toBe(3);
    expect(columnsFor(200, 280, 16)).toBe(1);
    expect(columnsFor(1232, 296, 16)).toBe(4);
  });

  it('draws a QR code of the right version for the text', () => {
    const short = qrShape('https://example.org');
    expect(short.size).toBe(25);
    expect(short.path).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
    expect(qrShape('https://example.org').path).toBe(short.path);
    expect(qrShape(`https://example.org/${'x'.repeat(200)}`).size).toBeGreaterThan(short.size);
  });
});
