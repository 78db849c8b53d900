import { domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectionId, uniqueSlug, urlize } from '../../../main/engine/urlize';

describe('urlize', () => {
  // Expected values checked with Hugo 0.111's `urlize` (see main/engine/urlize.ts).
  it.each([
    ['XWiki & CryptPad', 'xwiki-cryptpad'],
    ['Operating Systems', 'operating-systems'],
    ["What's New", 'whats-new'],
    ['Get Involved!', 'get-involved'],
    ['a  b', 'a-b'],
    ['a - b', 'a-b'],
    ['foo_bar.baz', 'foo_bar.baz'],
    ['50% off', '50-off'],
    ['Ham Radio #1', 'ham-radio-#1'],
    ['Tab\tx', 'tab-x'],
    ['Q&A', 'qa'],
  ])('%s → %s', (input, expected) => {
    expect(urlize(input)).toBe(expected);
  });

  it('keeps letters of any script instead of percent-encoding them', () => {
    expect(urlize('Éducation Ça')).toBe('éducation-ça');
  });

  it('never returns a path or nothing', () => {
    expect(urlize('C++ / Rust')).toBe('c++-rust');
    expect(urlize('..')).toBe('untitled');
    expect(urlize('!!!', 'fallback')).toBe('fallback');
  });

  it('finds a free slug with a numeric suffix', () => {
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(uniqueSlug('b', new Set(['a']))).toBe('b');
  });
});

describe('collectionId', () => {
  // What Chromium makes of `stand-asset://<id>/` must be the id itself, or the collection's files 404.
  const hostOf = (id: string) => new URL(`http://${encodeURIComponent(id)}/`).host;

  it.each([
    ['fosdem-2021', 'fosdem-2021'],
    ['FOSDEM 2021', 'fosdem-2021'],
    ['2021', 'stands-2021'],
    ['0x10', 'stands-0x10'],
    ['fosdem.2021', 'fosdem-2021'],
    ['C# Stands', 'c-stands'],
    ['C++ & co', 'c-co'],
    ['xn--abc', 'xn-abc'],
    ['ﬁle', 'file'],
    ['ＦＯＳＤＥＭ', 'fosdem'],
    ['Straße', 'straße'],
    ['...', 'stands'],
  ])('%s → %s', (name, id) => {
    expect(collectionId(name)).toBe(id);
  });

  it('gives ids that are their own host, or its Unicode form', () => {
    for (const name of [
      '2021',
      'fosdem.2021',
      'C# Stands',
      'a~b+c',
      'ＦＯＳＤＥＭ',
      'ﬁle',
      'Foo',
      'x--y',
      '10.0.0.1',
    ]) {
      const id = collectionId(name);
      expect(hostOf(id)).toBe(id);
    }
    expect(domainToUnicode(hostOf(collectionId('Σοφίας Straße')))).toBe('σοφίας-straße');
  });
});
