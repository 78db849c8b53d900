// YAML front matter is read by js-yaml when it can (fast) and by `yaml` otherwise (precise errors,
// alias limits). The two must agree: every block the fast path reads gives exactly what `yaml` gives
// (the tests below also pin which corners the fast path reads, so that agreement is really checked),
// over a table of YAML's corners, our fixtures and, where it is present, the FOSDEM 2021 corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPlainYaml, parseYamlCarefully, REFUSED } from '../../../main/engine/front-matter';

const CORNERS: Record<string, string> = {
  scalars: 'a: 1\nb: 1.5\nc: 0x1F\nd: 0o17\ne: .inf\nf: -.Inf\ng: 1e3\nh: +12\ni: 007\nj: 1_000',
  booleans: 'a: true\nb: False\nc: TRUE\nd: yes\ne: no\nf: on\ng: off',
  nulls: 'a: ~\nb: null\nc: Null\nd:\ne: NULL',
  dates: 'date: 2021-02-06\nwhen: 2021-02-06T10:00:00+01:00',
  strings: `a: "tab\\tand \\u00e9"\nb: 'it''s'\nd: "#not a comment" # a comment`,
  colonInPlain: 'c: plain text: with colon',
  signedFloats: 'a: -.5\nb: +.5\nc: -.5e3\nd: 1.\ne: +1.5E-2',
  otherBases: 'a: 0b11\nb: -0x10\nc: +0o7\nd: 0o8\ne: 0xFF',
  overflow: `a: 1e400\nb: ${'9'.repeat(400)}\nc: -1e400`,
  nullKeys: '~: x\nnull: y',
  emptyKey: '? \n: x',
  collectionKeys: '[a, b]: x\n{a: 1}: y',
  longKey: `${'k'.repeat(1100)}: x`,
  quotedNullKey: '"null": x',
  literal: 'description: |\n  <p>First line</p>\n\n  <p>Second &amp; last</p>\nnext: x',
  folded: 'summary: >-\n  one\n  two\n\n  three\n',
  lists: 'themes:\n- Web\n- "Desktop Environments"\nflow: [a, b, {c: d}]\nnested:\n  - - x\n    - y',
  maps: 'params:\n  chatroom: matrix\n  links: {website: "https://example.org"}\nempty: {}\nnone: []',
  merge: 'base: &base\n  a: 1\nthing:\n  <<: *base\n  b: 2',
  mergeInline: 'thing:\n  <<: {a: 1, b: 1}\n  b: 2',
  unicode: 'title: "Café ☕ 日本語"\nemoji: 🎉',
  keys: '"quoted key": 1\n? complex\n: value\n1: number key\ntrue: bool key',
  html: `showcase: "<div class=\\"row\\"><a href='/x'>x</a></div>"`,
  proto: '__proto__: {polluted: true}\nconstructor: x\nok: 1',
  duplicate: 'a: 1\na: 2',
  tag: 'a: !!str 12\nb: !!int "7"',
  foreignTag: 'a: !!js/function "function () {}"',
  twoDocs: 'a: 1\n---\nb: 2',
  broken: 'a: [1, 2\nb: "open',
  badIndent: 'a:\n  b: 1\n c: 2',
  tabs: 'a:\n\tb: 1',
  crlf: 'title: Windows\r\nthemes:\r\n- Web\r\n',
  comments: '# only a comment\n',
  empty: '',
  anchorsOnly: 'a: &x 1\nb: 2',
  aliasBomb: 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]',
};

/** The text between a file's first two `---` lines, or null. */
function yamlBlock(text: string): string | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  return match ? match[1]! : null;
}

function filesUnder(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(full, out);
    else if (/\.(md|html)$/.test(entry.name)) out.push(full);
  }
  return out;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../fixtures');
const CORPUS = path.resolve(here, '../../../../shared/corpus/fosdem-2021/content');

/** What `yaml` gives, or the error it throws. */
function careful(input: string): unknown {
  try {
    return { value: parseYamlCarefully(input) };
  } catch (error) {
    return { error: (error as Error).name };
  }
}

function expectSameAsCareful(input: string): 'fast' | 'refused' {
  const fast = loadPlainYaml(input);
  if (fast === REFUSED) return 'refused';
  expect({ value: fast }).toEqual(careful(input));
  return 'fast';
}

describe('YAML front matter, fast path and careful path', () => {
  it.each(Object.entries(CORNERS))(
    '%s: the fast path gives what yaml gives, or leaves it to yaml',
    (_, input) => {
      expectSameAsCareful(input);
    },
  );

  it('leaves errors, duplicate keys, several documents, foreign tags and anchors to yaml', () => {
    const refused = [
      'duplicate',
      'twoDocs',
      'broken',
      'badIndent',
      'colonInPlain',
      'tabs',
      'foreignTag',
      'merge',
      'anchorsOnly',
      'aliasBomb',
      // Keys the two parsers spell differently.
      'nullKeys',
      'emptyKey',
      'collectionKeys',
      'longKey',
      'quotedNullKey',
    ];
    const fast = Object.keys(CORNERS).filter((name) => !refused.includes(name));
    // Every corner the fast path reads is one whose agreement with yaml the table above really checks.
    expect(fast).toEqual([
      'scalars',
      'booleans',
      'nulls',
      'dates',
      'strings',
      'signedFloats',
      'otherBases',
      'overflow',
      'literal',
      'folded',
      'lists',
      'maps',
      'mergeInline',
      'unicode',
      'keys',
      'html',
      'proto',
      'tag',
      'crlf',
      'comments',
      'empty',
    ]);
    for (const name of refused) expect(loadPlainYaml(CORNERS[name]!), name).toBe(REFUSED);
    for (const name of fast) expect(loadPlainYaml(CORNERS[name]!), name).not.toBe(REFUSED);
  });

  it('reads every front matter of our fixtures as yaml does', () => {
    const blocks = filesUnder(FIXTURES)
      .map((file) => yamlBlock(readFileSync(file, 'utf8')))
      .filter((block): block is string => block !== null);
    expect(blocks.length).toBeGreaterThan(10);
    const paths = blocks.map(expectSameAsCareful);
    expect(paths.filter((p) => p === 'fast').length).toBeGreaterThan(blocks.length / 2);
  });

  it.skipIf(!existsSync(CORPUS))(
    `reads every front matter of the FOSDEM 2021 corpus as yaml does (${existsSync(CORPUS) ? CORPUS : `skipped: ${CORPUS} is absent`})`,
    () => {
      const blocks = filesUnder(CORPUS)
        .map((file) => yamlBlock(readFileSync(file, 'utf8')))
        .filter((block): block is string => block !== null);
      expect(blocks.length).toBeGreaterThan(50);
      const paths = blocks.map(expectSameAsCareful);
      expect(paths.filter((p) => p === 'fast').length).toBeGreaterThan(blocks.length * 0.8);
    },
  );
});
