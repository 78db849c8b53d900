// A fast path for the front matter most stand files have: top-level `key: value` lines whose values are
// plain or quoted one-line scalars, lists of such scalars, or literal blocks (`|`, `|-`). Parsing that
// with the `yaml` library took a quarter of a cold index (about 0.4 ms per file); this takes a few
// microseconds. It accepts only what it is sure to read exactly as the library's core schema does and
// returns null for anything else (comments, anchors, tags, flow collections, folded or multi-line
// scalars, nested maps, duplicate keys, escapes JSON does not share…), which then goes to the library
// as before, with its checks and error messages. A test compares both on every file it accepts.

/** The parsed mapping, or null when the block needs the full YAML parser. */
export function parseSimpleYaml(block: string): Record<string, unknown> | null {
  const lines = block.split('\n');
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const key = KEY.exec(line);
    if (!key) return null;
    const name = key[1]!;
    if (Object.hasOwn(out, name)) return null;
    const rest = line.slice(key[0].length);
    i++;
    if (rest.trim() === '') {
      // A list of scalars on the following lines, or nothing (null).
      const items: unknown[] = [];
      let indent: string | null = null;
      while (i < lines.length) {
        const item = ITEM.exec(lines[i]!);
        if (!item) break;
        if (indent === null) indent = item[1]!;
        else if (item[1] !== indent) return null;
        const value = scalar(item[2]!);
        if (value === FAIL) return null;
        items.push(value);
        i++;
      }
      if (i < lines.length && lines[i]!.trim() !== '' && /^\s/.test(lines[i]!)) return null;
      out[name] = items.length > 0 ? items : null;
      continue;
    }
    if (!rest.startsWith(' ')) return null;
    const value = rest.trim();
    if (value === '|' || value === '|-') {
      const literal = literalBlock(lines, i, value === '|-');
      if (literal === null) return null;
      out[name] = literal.text;
      i = literal.next;
      continue;
    }
    // A scalar continued on indented lines is folded: left to the library.
    if (i < lines.length && /^\s+\S/.test(lines[i]!)) return null;
    const parsed = scalar(value);
    if (parsed === FAIL) return null;
    out[name] = parsed;
  }
  return out;
}

const FAIL = Symbol('not simple');
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?=\s|$)/;
const ITEM = /^( *)- (.*)$/;
// Characters that start something other than a plain scalar, or that need the library to read.
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INT = /^[-+]?[0-9]{1,15}$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// JSON's escapes, which YAML double-quoted strings share; any other backslash goes to the library.
const JSON_ESCAPES = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;

/** One scalar written on one line: quoted, or plain and resolved by the core schema. */
function scalar(text: string): unknown {
  const value = text.trim();
  if (value === '') return null;
  if (value.startsWith('"')) {
    if (value.length < 2 || !value.endsWith('"')) return FAIL;
    const inner = value.slice(1, -1);
    if (inner.replace(JSON_ESCAPES, '').includes('\\')) return FAIL;
    // A quote inside must be escaped; an escaped backslash right before the end makes the end a quote.
    if (/(^|[^\\])(\\\\)*"/.test(inner)) return FAIL;
    try {
      const parsed: unknown = JSON.parse(value);
      return typeof parsed === 'string' ? parsed : FAIL;
    } catch {
      return FAIL;
    }
  }
  if (value.startsWith("'")) {
    if (value.length < 2 || !value.endsWith("'")) return FAIL;
    const inner = value.slice(1, -1);
    // Inside single quotes a quote is written twice.
    if (inner.replace(/''/g, '').includes("'")) return FAIL;
    return inner.replace(/''/g, "'");
  }
  if (INDICATOR.test(value) && !/^-[0-9.]/.test(value)) return FAIL;
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':') || value.includes('\t'))
    return FAIL;
  if (NULL.test(value)) return null;
  if (TRUE.test(value)) return true;
  if (FALSE.test(value)) return false;
  if (INT.test(value)) return Number(value);
  // Longer integers lose digits as numbers; the library decides what to do with them.
  if (/^[-+]?[0-9]+$/.test(value)) return FAIL;
  if (FLOAT.test(value)) return Number(value);
  // Everything the core schema reads another way (hex, octal, .inf, .nan) is left to the library.
  if (/^[-+]?(?:0x|0o|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)/.test(value)) return FAIL;
  return value;
}

/** A literal block scalar (`|` keeps one final line break, `|-` none) starting at line `from`. */
function literalBlock(lines: string[], from: number, strip: boolean): { text: string; next: number } | null {
  let indent = -1;
  const kept: string[] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      // Blank lines may hold fewer spaces than the block's indentation; more would be content. Before
      // the first line sets the indentation, spaces are left to the library (it may refuse them).
      if (indent === -1 && line !== '') return null;
      if (indent !== -1 && line.length > indent) kept.push(line.slice(indent));
      else kept.push('');
      continue;
    }
    const own = line.length - line.trimStart().length;
    if (line.slice(0, own).includes('\t')) return null;
    if (indent === -1) {
      if (own === 0) break;
      indent = own;
    }
    if (own < indent) {
      // A line less indented ends the block only when it is a new top-level key.
      if (own === 0) break;
      return null;
    }
    kept.push(line.slice(indent));
  }
  if (indent === -1) return null;
  // Trailing blank lines are not content.
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  const text = kept.join('\n');
  return { text: strip || text === '' ? text : `${text}\n`, next: i };
}
