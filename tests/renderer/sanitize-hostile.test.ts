// Stand HTML built to hang the sanitizer's own passes, and attributes that would reach into the app's
// interface by id: what the page may show of them.
import { describe, expect, it } from 'vitest';
import { defuseInlineAttributes } from '../../renderer/src/content/sanitize';

describe('style elements dropped before parsing', () => {
  it('passes 300,000 unclosed style tags through in one pass', () => {
    const open = `<div>${'<style'.repeat(300_000)}`;
    expect(defuseInlineAttributes(open)).toBe(open);
    const unclosed = `<p>a</p>${'<style>'.repeat(300_000)}`;
    expect(defuseInlineAttributes(unclosed)).toBe(unclosed);
  });

  it('drops each closed style element, whatever its case and spacing', () => {
    expect(
      defuseInlineAttributes('<p>a</p><STYLE media="x">p{}</style ><p>b</p><style>x</style\n><style>never'),
    ).toBe('<p>a</p><p>b</p><style>never');
    expect(defuseInlineAttributes('<style>a</style><styles>b</styles>')).toBe('<styles>b</styles>');
  });
});
