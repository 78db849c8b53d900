// The front-matter fast path must read every block it accepts exactly as the YAML library's core schema
// does: compared here on hand-written cases, on generated ones and on every front matter of our
// fixtures and of the 2021 corpus (when present).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSimpleYaml } from '../../../main/engine/simple-yaml';
import { FIXTURES } from './helpers';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/fosdem-2021');

function library(block: string): unknown {
  return parse(block, { schema: 'core', customTags: [], merge: true });
}

/** Compares the fast path with the library; returns whether the fast path accepted the block. */
function check(block: string): boolean {
  const fast = parseSimpleYaml(block);
  if (fast === null) return false;
  expect({ ...fast }, JSON.stringify(block)).toStrictEqual(library(block) ?? {});
  return true;
}

function yamlBlocks(root: string): string[] {
  const blocks: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(md|html)$/.test(name)) {
        const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
        const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(\n|$)/.exec(text);
        if (match) blocks.push(`${match[1]}\n`);
      }
    }
  };
  walk(root);
  return blocks;
}

describe('the simple YAML fast path', () => {
  it('reads what it accepts exactly as the library does', () => {
    const accepted = [
      'title: "Kernel Hackers"\n',
      "title: 'It''s here'\nweight: 3\ndraft: false\nshow_on_overview: True\n",
      'title: Plain title with spaces  \nwebsite: https://example.org/a?b=c#d\nchatroom: kernel\n',
      'n: 12\nf: 1.5\ne: 1e3\nneg: -4\nplus: +7\nlead: 007\ndot: .5\nz: -0\nnothing:\nnul: null\ntilde: ~\n',
      'themes:\n- Networking\n- "Open Data"\n- \'C++\'\nnext: 1\n',
      'themes:\n  - One\n  - Two\n',
      'description: |\n  First line.\n\n  Second paragraph\n    indented more.\n\nshowcase: "<p>A <strong>b</strong></p>"\n',
      'new_this_year: |-\n  <ul>\n  <li>x</li>\n  </ul>\n',
      'body: |\n  last\n',
      'q: "a \\"quoted\\" word and \\\\ backslash \\u00e9"\n',
      'date: 2021-02-06\nversion: 1.2.3\nyes: yes\nc: C#\n',
      'title: ""\nempty: \'\'\n',
      '\ntitle: leading blank line\n',
    ];
    for (const block of accepted) expect(check(block), block).toBe(true);
  });

  it('leaves everything else to the library', () => {
    const refused = [
      'title: a # comment\n',
      '# comment\ntitle: x\n',
      'title: &a x\nother: *a\n',
      'title: !tag x\n',
      'list: [a, b]\n',
      'map: {a: 1}\n',
      'text: >\n  folded\n',
      'text: |+\n  keep\n\n',
      'text: |2\n    indented\n',
      'title: x\ntitle: y\n',
      'nested:\n  key: value\n',
      'multi: first\n  continued\n',
      '"quoted key": 1\n',
      'q: "unterminated\n  line"\n',
      'q: "yaml \\x41 escape"\n',
      'q: "tab\there"\n',
      'hex: 0x1F\n',
      'inf: .inf\n',
      'big: 12345678901234567890\n',
      '<<: {a: 1}\n',
      'items:\n- a: 1\n',
      'items:\n- a\n  - b\n',
      'key: value: with colon\n',
      '- just a list\n',
    ];
    for (const block of refused) expect(parseSimpleYaml(block), block).toBeNull();
  });

  it('agrees with the library on generated blocks', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const values = [
      'plain',
      'Two words',
      '"dq"',
      "'sq'",
      '12',
      '-3.5',
      'true',
      'FALSE',
      'null',
      '~',
      '',
      'a:b',
      'C++',
      '"<p>x</p>"',
      'https://x.org/',
      '.5',
      '1e5',
      "'a''b'",
      '"\\"x\\""',
      '-x',
      'x-',
      '#x',
      'x #y',
      '|',
      '[1]',
      '@x',
      '%x',
      '"a\\\\"',
      '0o7',
      '00',
      '+1',
    ];
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const lines: string[] = [];
      const keys = 1 + Math.floor(random() * 5);
      for (let k = 0; k < keys; k++) {
        const key = pick(['title', 'a', 'b', 'c', 'd_e', 'themes']);
        const form = random();
        if (form < 0.6) lines.push(`${key}: ${pick(values)}`);
        else if (form < 0.8) {
          lines.push(`${key}:`);
          const indent = pick(['', '  ']);
          for (let j = 0; j < Math.floor(random() * 3); j++) lines.push(`${indent}- ${pick(values)}`);
        } else {
          lines.push(`${key}: ${pick(['|', '|-'])}`);
          for (let j = 0; j < 1 + Math.floor(random() * 3); j++)
            lines.push(pick(['  text', '    more', '', '  ', '  <b>x</b>']));
        }
      }
      const block = `${lines.join('\n')}\n`;
      let expected: unknown;
      try {
        expected = library(block);
      } catch {
        // The library refuses it: so must the fast path.
        expect(parseSimpleYaml(block), block).toBeNull();
        continue;
      }
      const fast = parseSimpleYaml(block);
      if (fast === null) continue;
      accepted++;
      expect({ ...fast }, block).toStrictEqual(expected ?? {});
    }
    expect(accepted).toBeGreaterThan(500);
  });

  it('agrees with the library on every front matter of our fixtures', () => {
    const blocks = yamlBlocks(FIXTURES);
    expect(blocks.length).toBeGreaterThan(20);
    for (const block of blocks) {
      try {
        library(block);
      } catch {
        expect(parseSimpleYaml(block)).toBeNull();
        continue;
      }
      check(block);
    }
  });

  it.skipIf(!existsSync(CORPUS))('agrees with the library on the 2021 corpus (skipped where absent)', () => {
    const blocks = yamlBlocks(CORPUS);
    let accepted = 0;
    for (const block of blocks) {
      try {
        library(block);
      } catch {
        expect(parseSimpleYaml(block)).toBeNull();
        continue;
      }
      if (check(block)) accepted++;
    }
    expect(accepted).toBeGreaterThan(blocks.length / 3);
  });
});
