import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../main/engine/front-matter';

const parse = (text: string) => parseFrontMatter(text, 100);

describe('front matter formats', () => {
  it('reads YAML between --- lines and reports where the body starts', () => {
    const result = parse('---\ntitle: Harbour\nthemes:\n  - Boats\n---\nBody text\n');
    expect(result.format).toBe('yaml');
    expect(result.data.title).toBe('Harbour');
    expect(result.data.themes).toEqual(['Boats']);
    expect(result.body).toBe('Body text\n');
    expect(result.bodyLine).toBe(6);
    expect(result.issues).toEqual([]);
  });

  it('reads TOML between +++ lines, with dates as ISO text', () => {
    const result = parse('+++\ntitle = "Tide"\ndate = 2021-02-06T10:00:00Z\n+++\nBody\n');
    expect(result.format).toBe('toml');
    expect(result.data.title).toBe('Tide');
    expect(result.data.date).toBe('2021-02-06T10:00:00.000Z');
    expect(result.body).toBe('Body\n');
  });

  it('reads a JSON object at the top of the file', () => {
    const result = parse('{\n  "title": "Jetty",\n  "weight": 3\n}\n\nBody\n');
    expect(result.format).toBe('json');
    expect(result.data).toMatchObject({ title: 'Jetty', weight: 3 });
    expect(result.body).toBe('\nBody\n');
  });

  it('treats a file without front matter as all body', () => {
    const result = parse('# Just Markdown\n');
    expect(result.format).toBe('none');
    expect(result.body).toBe('# Just Markdown\n');
    expect(Object.keys(result.data)).toEqual([]);
  });

  it('reads keys case-insensitively like Hugo', () => {
    expect(parse('---\nTitle: Upper\n---\n').data.title).toBe('Upper');
  });

  it('accepts quoted strings whose continuation lines are not indented, as go-yaml does', () => {
    const result = parse(
      '---\ndescription: "\nFirst line: with a colon.\nSecond line\n"\ntitle: Quay\n---\n',
    );
    expect(result.issues).toEqual([]);
    expect(result.data.title).toBe('Quay');
    expect(result.data.description).toBe(' First line: with a colon. Second line ');
  });
});

describe('front matter errors', () => {
  it('reports broken YAML with its line in the file and a human message', () => {
    const result = parse('---\ntitle: Ok\nthemes: [Boats\n---\nBody\n');
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue!.code).toBe('front-matter-invalid');
    expect(issue!.line).toBe(3);
    expect(issue!.message).toMatch(
      /^The front matter of this page could not be read: .* on line 3\. Fix the YAML between the --- lines\.$/,
    );
    expect(result.body).toBe('Body\n');
  });

  it("says in plain words what contributors' most common YAML and TOML slips are", () => {
    // An unquoted ": " inside a value, and a field written twice.
    const colon = parse('---\ntitle: Debian\nshowcase: meet us: ask anything\n---\n').issues[0]!;
    expect(colon).toMatchObject({ code: 'front-matter-invalid', line: 3 });
    expect(colon.message).toContain('put that value in quotes');
    for (const twice of [
      parse('---\ntitle: A\ntitle: B\n---\n').issues[0]!,
      parse('+++\ntitle = "A"\ntitle = "B"\n+++\n').issues[0]!,
    ]) {
      expect(twice).toMatchObject({ code: 'front-matter-invalid', line: 3 });
      expect(twice.message).toContain('a field is written twice');
    }
  });

  it('reports a block that never closes', () => {
    const result = parse('---\ntitle: Open\n');
    expect(result.issues[0]!.code).toBe('front-matter-invalid');
    expect(result.issues[0]!.message).toMatch(/no line closes it/);
  });

  it('reports broken TOML and JSON with lines', () => {
    expect(parse('+++\ntitle = "a"\nbad = \n+++\n').issues[0]).toMatchObject({
      code: 'front-matter-invalid',
      line: 3,
    });
    const json = parse('{\n  "title": "a",\n  "x": oops\n}\n').issues[0];
    expect(json).toMatchObject({ code: 'front-matter-invalid', line: 3 });
    expect(json!.message).toMatch(/Fix the JSON/);
  });

  it('refuses front matter that is not a set of fields', () => {
    expect(parse('---\n- a\n- b\n---\n').issues[0]!.code).toBe('front-matter-not-object');
    expect(parse('---\njust text\n---\n').issues[0]!.code).toBe('front-matter-not-object');
  });
});

describe('front matter is data, never code', () => {
  it.each(['js', 'javascript', 'coffee', 'coffeescript', 'cson'])(
    'refuses ---%s without running it',
    (language) => {
      const marker = `__standalone_pwned_${language}`;
      const text = `---${language}\n{ title: (globalThis.${marker} = 1, "x") }\n---\nBody\n`;
      const result = parse(text);
      expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
      expect(result.issues[0]!.code).toBe('front-matter-code');
      expect(result.data.title).toBeUndefined();
      expect(result.body).toBe('Body\n');
    },
  );

  it('refuses other language tags', () => {
    expect(parse('---ruby\ntitle: x\n---\n').issues[0]!.code).toBe('front-matter-invalid');
  });

  it('does not resolve custom YAML tags', () => {
    const result = parse('---\ntitle: !!js/function "function () { return 1 }"\n---\n');
    expect(typeof result.data.title).not.toBe('function');
  });

  it('drops keys that could pollute prototypes, in every format', () => {
    const inputs = [
      '---\n__proto__:\n  polluted: yes\nconstructor: 1\nnested:\n  prototype: 2\n  ok: 3\n---\n',
      '+++\n[__proto__]\npolluted = "yes"\n+++\n',
      '{ "__proto__": { "polluted": "yes" }, "constructor": { "prototype": { "polluted": "yes" } } }\n',
    ];
    for (const input of inputs) {
      const result = parse(input);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(result.data)).toBeNull();
      expect(Object.keys(result.data)).not.toContain('__proto__');
      expect(Object.keys(result.data)).not.toContain('constructor');
      expect(result.issues.some((issue) => issue.code === 'field-invalid')).toBe(true);
    }
    expect((parse(inputs[0]!).data.nested as Record<string, unknown>).ok).toBe(3);
  });

  it('stops YAML alias expansion ("billion laughs")', () => {
    const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('---', '');
    const started = Date.now();
    const result = parse(lines.join('\n'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.issues[0]!.code).toBe('front-matter-invalid');
    expect(result.issues[0]!.message).toMatch(/alias/i);
  });

  it('caps the size of what a front matter holds', () => {
    const result = parse(`---\nlist: [${Array(25_000).fill('1').join(',')}]\n---\n`);
    expect(result.issues.some((issue) => /far too large/.test(issue.message))).toBe(true);
    expect((result.data.list as unknown[]).length).toBeLessThan(25_000);
  });
});
