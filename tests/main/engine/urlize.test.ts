import { describe, expect, it } from 'vitest';
import { uniqueSlug, urlize } from '../../../main/engine/urlize';

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
