// Stand HTML built to hang the sanitizer's own passes, and attributes that would reach into the app's
// interface by id: what the page may show of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterInlineStyle } from '../../renderer/src/content/inline-style';
import { createSanitizer, defuseInlineAttributes } from '../../renderer/src/content/sanitize';

const sanitize = createSanitizer(window);

function parse(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = sanitize(html, { collection: 'c' });
  const holder = document.createElement('div');
  holder.append(template.content.cloneNode(true));
  return holder;
}

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

describe('references by id', () => {
  it('points them at the content, never at the app', () => {
    const root = parse(
      '<label for="sa-search-input">Click anywhere</label>' +
        '<div aria-owns="sa-main a" aria-labelledby="sa-main" aria-describedby=" x  y " aria-controls="z"' +
        ' aria-activedescendant="q" aria-details="d" aria-errormessage="e" aria-flowto="f" role="note">o</div>' +
        '<table><tr><th id="h">H</th></tr><tr><td headers="h sa-main">1</td></tr></table>' +
        '<p itemscope itemref="sa-main">m</p>',
    );
    const attr = (selector: string, name: string) => root.querySelector(selector)!.getAttribute(name);
    expect(attr('label', 'for')).toBe('user-content-sa-search-input');
    expect(attr('div', 'aria-owns')).toBe('user-content-sa-main user-content-a');
    expect(attr('div', 'aria-labelledby')).toBe('user-content-sa-main');
    expect(attr('div', 'aria-describedby')).toBe('user-content-x user-content-y');
    for (const name of [
      'aria-controls',
      'aria-activedescendant',
      'aria-details',
      'aria-errormessage',
      'aria-flowto',
    ])
      expect(attr('div', name)).toMatch(/^user-content-\w$/);
    expect(attr('td', 'headers')).toBe('user-content-h user-content-sa-main');
    // DOMPurify drops itemref itself; were it kept, it would be prefixed too.
    expect(attr('p', 'itemref')).toBeNull();
  });

  it('keeps them working inside the content, which gets the same prefix', () => {
    const root = parse(
      '<h3 id="who">Who</h3><p aria-labelledby="who">We are</p><table><tr><th id="n">N</th></tr><tr><td headers="n">1</td></tr></table>',
    );
    const labelled = root.querySelector('p')!.getAttribute('aria-labelledby')!;
    expect(root.querySelector(`[id="${labelled}"]`)!.textContent).toBe('Who');
    const headers = root.querySelector('td')!.getAttribute('headers')!;
    expect(root.querySelector(`[id="${headers}"]`)!.textContent).toBe('N');
  });

  it('drops the attributes that make one element act on another, and aria-modal', () => {
    const root = parse(
      '<button commandfor="sa-main" command="show-modal">c</button>' +
        '<button popovertarget="sa-menu" popovertargetaction="show" interestfor="sa-main">p</button>' +
        '<span anchor="sa-main">a</span><div role="dialog" aria-modal="true" aria-label="x">d</div>',
    );
    const names = Array.from(root.querySelectorAll('*')).flatMap((element) => element.getAttributeNames());
    for (const name of [
      'command',
      'commandfor',
      'popovertarget',
      'popovertargetaction',
      'interestfor',
      'anchor',
      'aria-modal',
    ])
      expect(names).not.toContain(name);
    expect(root.querySelector('div')!.getAttribute('aria-label')).toBe('x');
    expect(root.textContent).toBe('cpad');
  });
});

describe('content that would draw over the app', () => {
  it('keeps no negative margin, position or stacking from inline styles', () => {
    expect(
      filterInlineStyle(
        'margin-top: -10000px; margin: 0 -15px; margin-left:-1em; position: fixed; z-index: 99999; top: 0; margin-bottom: 10px; padding: 4px',
      ),
    ).toEqual([
      { property: 'margin-bottom', value: '10px' },
      { property: 'padding', value: '4px' },
    ]);
    const root = parse('<div style="margin-top:-10000px;position:absolute;z-index:9;width:50%">x</div>');
    expect(root.querySelector('div')!.getAttribute('data-sa-style')).toBe('width:50%');
  });

  it('clips whatever the content draws to its own box', () => {
    const css = readFileSync(path.join(__dirname, '../../renderer/src/styles/rich.css'), 'utf8');
    const rule = /(?:^|\n)\.rich \{([^}]*)\}/.exec(css)![1]!;
    expect(rule).toMatch(/\bcontain: paint;/);
  });
});
