// Front matter is data, never code. gray-matter splits the block off, but only ever with the engines
// given here: YAML through js-yaml (core schema with merge keys, no custom tags) and, for blocks it
// refuses or that use anchors, through `yaml` (precise errors, few aliases); TOML through smol-toml,
// JSON through JSON.parse. Language tags that would run code (`---js`, `---coffee`) are refused before
// gray-matter sees the text, and its own JavaScript engines are replaced by ones that throw, so no path
// can evaluate anything. The parsed value is copied into null-prototype objects, refusing keys that
// could pollute prototypes, and capped in size.
import matter from 'gray-matter';
import * as jsYaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import {
  Composer,
  isMap,
  isScalar,
  LineCounter,
  Parser,
  parseDocument,
  type Scalar,
  visit,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type ErrorCode,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { DEFAULT_LIMITS, MAX_FRONT_MATTER_NODES } from './limits';

export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'none';

/** A parsed front-matter value: plain data with null-prototype objects and lowercased top-level keys. */
export type FrontMatterData = Record<string, unknown>;

export interface FrontMatterIssue {
  code: 'front-matter-invalid' | 'front-matter-not-object' | 'front-matter-code' | 'field-invalid';
  message: string;
  line: number | null;
}

export interface FrontMatterResult {
  format: FrontMatterFormat;
  data: FrontMatterData;
  /** The text after the front matter. */
  body: string;
  /** 1-based line of `body`'s first line in the file. */
  bodyLine: number;
  issues: FrontMatterIssue[];
}

const CODE_LANGUAGES = new Set(['js', 'javascript', 'coffee', 'coffeescript', 'cson']);
/** Keys never copied out of parsed data: they would reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function refuseCode(): never {
  throw new Error('Front matter that runs code is not allowed.');
}

/**
 * Parses one file's front matter; `text` has LF line endings. A block larger than `maxFrontMatterBytes` is
 * not parsed. Never throws.
 */
export function parseFrontMatter(
  text: string,
  maxYamlAliases: number,
  maxFrontMatterBytes: number = DEFAULT_LIMITS.maxFrontMatterBytes,
): FrontMatterResult {
  const limits = { maxYamlAliases, maxFrontMatterBytes };
  const issues: FrontMatterIssue[] = [];
  const firstLineEnd = text.indexOf('\n');
  const firstLine = (firstLineEnd === -1 ? text : text.slice(0, firstLineEnd)).trimEnd();

  if (firstLine.startsWith('---') && !firstLine.startsWith('----')) {
    const language = firstLine.slice(3).trim().toLowerCase();
    if (CODE_LANGUAGES.has(language)) {
      const closing = findClosing(text, '---');
      issues.push({
        code: 'front-matter-code',
        message: `The front matter is marked as "${language}" code, which Standalone never runs. Write it as YAML between plain --- lines.`,
        line: 1,
      });
      return { format: 'none', data: emptyData(), ...bodyAfter(text, closing), issues };
    }
    if (
      language !== '' &&
      language !== 'yaml' &&
      language !== 'yml' &&
      language !== 'toml' &&
      language !== 'json'
    ) {
      const closing = findClosing(text, '---');
      issues.push({
        code: 'front-matter-invalid',
        message: `The front matter is marked as "${language.slice(0, 40)}", a format Standalone does not read. Use YAML between plain --- lines.`,
        line: 1,
      });
      return { format: 'none', data: emptyData(), ...bodyAfter(text, closing), issues };
    }
    const format: FrontMatterFormat = language === 'toml' ? 'toml' : language === 'json' ? 'json' : 'yaml';
    return parseDelimited(text, '---', format, limits);
  }
  if (firstLine === '+++') return parseDelimited(text, '+++', 'toml', limits);
  if (text.startsWith('{')) return parseJsonObject(text, maxFrontMatterBytes);
  return { format: 'none', data: emptyData(), body: text, bodyLine: 1, issues };
}

/** Index of the line that closes the block (a line that is exactly the delimiter), or -1. */
function findClosing(text: string, delimiter: string): number {
  let at = text.indexOf('\n');
  while (at !== -1) {
    const next = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, next === -1 ? text.length : next);
    if (line.trimEnd() === delimiter) return at + 1;
    at = next;
  }
  return -1;
}

function bodyAfter(text: string, closing: number): { body: string; bodyLine: number } {
  if (closing === -1) return { body: '', bodyLine: 1 };
  const lineEnd = text.indexOf('\n', closing);
  const bodyStart = lineEnd === -1 ? text.length : lineEnd + 1;
  return { body: text.slice(bodyStart), bodyLine: countLines(text, bodyStart) };
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function parseDelimited(
  text: string,
  delimiter: '---' | '+++',
  format: 'yaml' | 'toml' | 'json',
  limits: { maxYamlAliases: number; maxFrontMatterBytes: number },
): FrontMatterResult {
  const issues: FrontMatterIssue[] = [];
  const closing = findClosing(text, delimiter);
  const kind = format === 'yaml' ? 'YAML' : format === 'toml' ? 'TOML' : 'JSON';
  if (closing === -1) {
    issues.push({
      code: 'front-matter-invalid',
      message: `The front matter starts with ${delimiter} on line 1 but no line closes it with ${delimiter}. Add a closing ${delimiter} line after the ${kind}.`,
      line: 1,
    });
    return { format, data: emptyData(), body: '', bodyLine: 1, issues };
  }
  const { body, bodyLine } = bodyAfter(text, closing);
  const tooLarge = sizeIssue(text.slice(0, closing), limits.maxFrontMatterBytes);
  if (tooLarge) return { format, data: emptyData(), body, bodyLine, issues: [tooLarge] };
  // gray-matter only ever sees the block as we delimited it, with engines that cannot run code.
  const block = text.slice(0, closing) + delimiter + '\n';
  let raw: unknown;
  try {
    raw = matter(block, {
      delimiters: delimiter,
      language: format,
      engines: safeEngines(limits.maxYamlAliases),
    }).data;
  } catch (error) {
    issues.push(describeParseError(error, kind, delimiter));
    return { format, data: emptyData(), body, bodyLine, issues };
  }
  return finish(raw, format, body, bodyLine, issues, block);
}

/** Hugo's JSON front matter: the file starts with a JSON object; the body follows its closing brace. */
function parseJsonObject(text: string, maxFrontMatterBytes: number): FrontMatterResult {
  const issues: FrontMatterIssue[] = [];
  const end = endOfJsonObject(text);
  if (end === -1) {
    issues.push({
      code: 'front-matter-invalid',
      message: 'The JSON front matter that starts on line 1 never closes. Check its braces and quotes.',
      line: 1,
    });
    return { format: 'json', data: emptyData(), body: '', bodyLine: 1, issues };
  }
  const source = text.slice(0, end);
  let rest = text.slice(end);
  let bodyStart = end;
  const newline = rest.indexOf('\n');
  if (newline !== -1 && rest.slice(0, newline).trim() === '') {
    bodyStart += newline + 1;
    rest = rest.slice(newline + 1);
  }
  const tooLarge = sizeIssue(source, maxFrontMatterBytes);
  if (tooLarge)
    return {
      format: 'json',
      data: emptyData(),
      body: rest,
      bodyLine: countLines(text, bodyStart),
      issues: [tooLarge],
    };
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    issues.push(describeParseError(error, 'JSON', '{ }', source));
    return { format: 'json', data: emptyData(), body: rest, bodyLine: countLines(text, bodyStart), issues };
  }
  return finish(raw, 'json', rest, countLines(text, bodyStart), issues, source);
}

/** Offset just after the brace closing the object that opens `text`, or -1. */
function endOfJsonObject(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

// Parsers are only worth their time below this: a block larger than this is refused unread.
function sizeIssue(block: string, maxBytes: number): FrontMatterIssue | null {
  // A character is at most 3 UTF-8 bytes (4 for a surrogate pair, which is 2 characters).
  if (block.length * 3 <= maxBytes) return null;
  const bytes = Buffer.byteLength(block, 'utf8');
  if (bytes <= maxBytes) return null;
  const size = (n: number) =>
    n < 10 * 1024
      ? `${n.toLocaleString('en-US')} bytes`
      : `${Math.ceil(n / 1024).toLocaleString('en-US')} KiB`;
  return {
    code: 'front-matter-invalid',
    message: `The front matter is too large to read (${size(bytes)}; at most ${size(maxBytes)}), so none of its fields were used. Move long text into the page itself.`,
    line: 1,
  };
}

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: [],
  merge: true,
  // The library compares every key with every other (minutes for 60,000 keys): duplicates are found
  // in one pass afterwards instead.
  uniqueKeys: false,
  prettyErrors: true,
  logLevel: 'error',
};

function safeEngines(maxYamlAliases: number): Record<string, (input: string) => object> {
  const yaml = (input: string): object => {
    const fast = loadPlainYaml(input);
    return withYaml11Flags(
      input,
      (fast !== REFUSED ? fast : parseYamlCarefully(input, maxYamlAliases)) as object,
    );
  };
  return {
    yaml,
    yml: yaml,
    toml: (input: string) => parseToml(input) as object,
    json: (input: string) => JSON.parse(input) as object,
    javascript: refuseCode,
    js: refuseCode,
    coffee: refuseCode,
    coffeescript: refuseCode,
    cson: refuseCode,
  };
}

// YAML 1.1's other spellings of true and false. Hugo's YAML parser (go-yaml) reads a plain `yes`, `on`
// or `n` as a boolean where YAML 1.2, which our parsers follow, keeps the text; a quoted "yes" stays
// text for Hugo too (and is not a draft). For the flags that decide what is published and listed, plain
// ones are made booleans here, where quoting can still be seen (checked with `hugo`).
const YAML11_BOOLEANS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((text): [string, boolean] => [text, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((text): [string, boolean] => [text, false]),
]);
const YAML11_FLAGS = new Set(['draft', 'headless', 'show_on_overview']);
// `_build`'s options that Hugo reads false for (never).
const YAML11_BUILD_OPTIONS = new Set(['list', 'render']);

/**
 * The block's top-level flags as go-yaml reads them: a plain `yes`, `on`, `no`… is a boolean (a quoted or
 * `!!str`-tagged one stays text), and a number written as a float (`1.0`, `!!float 1`) is not the
 * integer our parsers make of it: Hugo's cast reads a float as false for `draft` and `headless` (checked
 * with `hugo`). The same for `_build`'s `list` and `render`: a plain `render: no` is false, which Hugo
 * reads as never.
 */
export function withYaml11Flags(input: string, value: object): object {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const data = value as Record<string, unknown>;
  const keys = Object.keys(data).filter((key) => {
    const item = data[key];
    return (
      YAML11_FLAGS.has(key.toLowerCase()) &&
      ((typeof item === 'string' && (YAML11_BOOLEANS.has(item) || /^[-+.\d]/.test(item))) ||
        typeof item === 'number')
    );
  });
  const buildKey = Object.keys(data).find((key) => key.toLowerCase() === '_build');
  const build = buildKey === undefined ? undefined : data[buildKey];
  const buildKeys =
    build !== null && typeof build === 'object' && !Array.isArray(build)
      ? Object.keys(build).filter((key) => {
          const item = (build as Record<string, unknown>)[key];
          return (
            YAML11_BUILD_OPTIONS.has(key.toLowerCase()) &&
            typeof item === 'string' &&
            YAML11_BOOLEANS.has(item)
          );
        })
      : [];
  if (keys.length === 0 && buildKeys.length === 0) return value;
  // Rare, so the block is read once more for how each flag is written; a flag not found as written at
  // the top (one brought in by a merge key) is taken as plain.
  const doc = parseDocument(input, { ...YAML_OPTIONS, prettyErrors: false });
  const written = scalarsOf(doc.contents);
  const buildNode = isMap(doc.contents)
    ? doc.contents.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === buildKey)?.value
    : undefined;
  const writtenBuild = scalarsOf(buildNode);
  for (const key of buildKeys) {
    const options = build as Record<string, unknown>;
    const node = writtenBuild.get(key);
    const plain = !node || (node.type === 'PLAIN' && (node.tag === undefined || node.tag === BOOL_TAG));
    if (plain) options[key] = YAML11_BOOLEANS.get(options[key] as string);
  }
  for (const key of keys) {
    const node = written.get(key);
    const item = data[key];
    if (node && isFloat(node)) {
      // Hugo's cast takes a float for false, whatever its value (our careful parser keeps a tagged
      // number as its text, "1", which would read as true).
      if (key.toLowerCase() !== 'show_on_overview') data[key] = false;
    } else if (typeof item === 'string' && YAML11_BOOLEANS.has(item)) {
      const plain = !node || (node.type === 'PLAIN' && (node.tag === undefined || node.tag === BOOL_TAG));
      if (plain) data[key] = YAML11_BOOLEANS.get(item);
    }
  }
  return value;
}

const BOOL_TAG = 'tag:yaml.org,2002:bool';

/** The scalar values of a YAML map node by their keys (none when it is not a map). */
function scalarsOf(node: unknown): Map<string, Scalar> {
  const written = new Map<string, Scalar>();
  if (isMap(node))
    for (const pair of node.items)
      if (isScalar(pair.key) && isScalar(pair.value)) written.set(String(pair.key.value), pair.value);
  return written;
}

/** Whether a YAML number is a float for go-yaml: tagged `!!float`, or written `1.0`, `1e3`, `.inf`. */
function isFloat(node: Scalar): boolean {
  if (node.tag === 'tag:yaml.org,2002:float') return true;
  if (node.type !== 'PLAIN' || node.tag !== undefined || typeof node.value !== 'number') return false;
  const text = node.source;
  return text !== undefined && !/^[-+]?0x/i.test(text) && /[.eE]|inf|nan/i.test(text);
}

// js-yaml exports its types, which its type definitions leave out.
const { types: yamlTypes } = jsYaml as typeof jsYaml & {
  types: { null: jsYaml.Type; bool: jsYaml.Type; merge: jsYaml.Type };
};
// Numbers as `yaml`'s YAML 1.2 core schema reads them. js-yaml's own core schema reads some others
// (`-.5` stays a string, `0b11` and `-0x10` become numbers), and a field must mean the same whichever
// parser reads its block.
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT_NAMED = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|\.[0-9]+|[0-9]+\.[0-9]*)$/;
const coreInt = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && INT.test(data),
  construct: (data: string) =>
    data.startsWith('0o')
      ? parseInt(data.slice(2), 8)
      : data.startsWith('0x')
        ? parseInt(data.slice(2), 16)
        : parseInt(data, 10),
});
const coreFloat = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && (FLOAT_NAMED.test(data) || FLOAT.test(data)),
  construct: (data: string) =>
    !FLOAT_NAMED.test(data)
      ? parseFloat(data)
      : data.slice(-3).toLowerCase() === 'nan'
        ? Number.NaN
        : data.startsWith('-')
          ? -Infinity
          : Infinity,
});
const FAST_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [yamlTypes.null, yamlTypes.bool, coreInt, coreFloat, yamlTypes.merge],
});
/** Longest implicit key `yaml` accepts (YAML's own limit); js-yaml reads longer ones. */
const MAX_IMPLICIT_KEY = 1024;
export const REFUSED = Symbol('not read by the fast path');
const ANCHOR = Symbol('anchor');
// Called as each node opens and closes; a node that closes with an anchor is refused.
const refuseAnchors = (_event: string, state: jsYaml.State): void => {
  if ((state as jsYaml.State & { anchor?: unknown }).anchor != null) throw ANCHOR;
};

/**
 * A YAML block read by js-yaml, about ten times faster than `yaml` (at 10,000 stands its front matter
 * took a quarter of a cold index), with the same schema: YAML 1.2's core schema as `yaml` reads it, and
 * merge keys. Blocks it refuses (errors, duplicate keys, several documents, keys it spells differently)
 * and blocks with anchors, whose aliases need
 * `yaml`'s expansion limit, give REFUSED: `yaml` then reads them and reports errors with their lines.
 */
export function loadPlainYaml(input: string): unknown {
  let value: unknown;
  try {
    value = jsYaml.load(input, { schema: FAST_SCHEMA, listener: refuseAnchors }) ?? null;
  } catch {
    return REFUSED;
  }
  return hasDoubtfulKeys(value) ? REFUSED : value;
}

/**
 * Keys the two parsers spell differently: js-yaml turns a null key into "null" and a list or map used as
 * a key into "a,b" or "[object Object]" (`yaml` into "" and "[ a, b ]"), and reads implicit keys longer
 * than YAML allows. Real front matter has none; blocks with them go to `yaml`.
 */
function hasDoubtfulKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasDoubtfulKeys);
  if (value === null || typeof value !== 'object') return false;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'null' || key === '[object Object]' || key.includes(',') || key.length > MAX_IMPLICIT_KEY)
      return true;
    if (hasDoubtfulKeys(item)) return true;
  }
  return false;
}

/** A YAML block read by `yaml`, as every block the fast path refuses is. */
export function parseYamlCarefully(input: string, maxAliases = DEFAULT_LIMITS.maxYamlAliases): unknown {
  try {
    return parseYamlBlock(input, YAML_OPTIONS, maxAliases);
  } catch (error) {
    // Hugo's YAML parser (go-yaml) accepts quoted strings whose continuation lines are not indented,
    // and real stand files rely on it; retry with those lines indented, which does not change the
    // string's value (YAML folds continuation lines' leading spaces away).
    const indented = indentQuotedContinuations(input);
    if (indented === input) throw error;
    try {
      return parseYamlBlock(indented, YAML_OPTIONS, maxAliases);
    } catch {
      throw error;
    }
  }
}

const STOP = Symbol('first YAML error');

/**
 * `yaml.parse`, except that it stops at the first error (the library goes on to the end, and a hostile
 * block can hold a hundred thousand errors, each costing an Error object) and finds duplicate keys in one
 * pass. Throws a YAMLParseError with its line, like `yaml.parse`.
 */
function parseYamlBlock(
  input: string,
  options: ParseOptions & DocumentOptions & SchemaOptions,
  maxAliases: number,
): unknown {
  const lines = new LineCounter();
  const composer = new Composer(options);
  // The composer reports every error through this (private) handler; throwing from it ends composing.
  // Should a later version of the library change that, errors are merely slower to find, not missed.
  const hook = composer as unknown as {
    onError?: (source: unknown, code: ErrorCode, message: string, warning?: boolean) => void;
  };
  const report = hook.onError;
  if (typeof report === 'function') {
    hook.onError = (source, code, message, warning) => {
      report(source, code, message, warning);
      if (!warning) throw STOP;
    };
  }
  let doc: Document.Parsed | null = null;
  try {
    for (const next of composer.compose(new Parser(lines.addNewLine).parse(input), true, input.length)) {
      if (doc)
        throw located(
          new YAMLParseError(
            [next.range[0], next.range[1]],
            'MULTIPLE_DOCS',
            'Source contains multiple documents',
          ),
          lines,
        );
      doc = next;
    }
  } catch (error) {
    if (error !== STOP) throw error;
  }
  const first = doc?.errors[0] ?? composer.streamInfo().errors[0];
  if (first) throw located(first, lines);
  if (!doc) return null;
  const duplicate = firstDuplicateKey(doc);
  if (duplicate !== null)
    throw located(
      new YAMLParseError([duplicate, duplicate + 1], 'DUPLICATE_KEY', 'Map keys must be unique'),
      lines,
    );
  return doc.toJS({ maxAliasCount: maxAliases });
}

function located(error: YAMLParseError, lines: LineCounter): YAMLParseError {
  if (error.pos[0] !== -1) error.linePos = [lines.linePos(error.pos[0])];
  return error;
}

const NULL_KEY = Symbol('null key');

/**
 * Offset of the first key that repeats an earlier key of its map (-1 when it has no position), or null.
 * Keys are equal as the library's `uniqueKeys` compares them: scalars by value, others only to themselves.
 */
function firstDuplicateKey(doc: Document.Parsed): number | null {
  let first: number | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key: unknown = pair.key;
        let value: unknown;
        if (key === null) value = NULL_KEY;
        else if (isScalar(key)) value = key.value;
        else continue;
        if (typeof value === 'number' && Number.isNaN(value)) continue;
        if (!seen.has(value)) {
          seen.add(value);
          continue;
        }
        const at = isScalar(key) && key.range ? key.range[0] : (map.range?.[0] ?? -1);
        if (first === null || first === -1 || (at !== -1 && at < first)) first = at;
      }
    },
  });
  return first;
}

/** Indents the continuation lines of multi-line quoted scalars past their key's indentation. */
export function indentQuotedContinuations(yaml: string): string {
  const lines = yaml.split('\n');
  let quote: '"' | "'" | null = null;
  let indent = 0;
  let changed = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let from: number;
    if (quote === null) {
      const start = /^(\s*)(?:-\s+)?[^\s#'"][^:#]*:\s+(["'])/.exec(line);
      if (!start) continue;
      quote = start[2] as '"' | "'";
      indent = start[1]!.length;
      from = start[0].length;
    } else {
      const own = line.length - line.trimStart().length;
      if (own <= indent && line.trim() !== '') {
        lines[n] = ' '.repeat(indent + 2) + line.trimStart();
        changed = true;
      }
      from = lines[n]!.length - line.trimStart().length;
    }
    if (closesQuote(lines[n]!, from, quote)) quote = null;
  }
  return changed ? lines.join('\n') : yaml;
}

/** Whether a quoted scalar that is open at `from` closes on this line. */
function closesQuote(line: string, from: number, quote: '"' | "'"): boolean {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === "'" && line[i + 1] === "'") {
        i++;
        continue;
      }
      return true;
    }
  }
  return false;
}

/** Where JSON.parse gives up: the longest prefix that is still a valid start of a document. */
function jsonErrorOffset(source: string): number {
  let low = 0;
  let high = source.length;
  const validStart = (length: number) => {
    try {
      JSON.parse(source.slice(0, length));
      return true;
    } catch (error) {
      const message = String((error as Error).message);
      if (/end of (JSON )?input|Unterminated/i.test(message)) return true;
      const position = /position (\d+)/.exec(message);
      return position !== null && Number(position[1]) >= length - 1;
    }
  };
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (validStart(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Where a YAML (`linePos`) or TOML (`line`) parser gave up, 1-based, or null. */
export function parseErrorLine(error: unknown): number | null {
  const err = error as { linePos?: { line?: unknown }[]; line?: unknown };
  if (Array.isArray(err.linePos) && typeof err.linePos[0]?.line === 'number') return err.linePos[0].line;
  return typeof err.line === 'number' ? err.line : null;
}

/** Where JSON.parse gave up on `source`, as a 1-based line. */
export function jsonErrorLine(error: unknown, source: string): number {
  const position = /position (\d+)/.exec(String((error as Error).message ?? error));
  return countLines(source, position ? Number(position[1]) : jsonErrorOffset(source));
}

/** The parser's words for contributors' commonest slips, said plainly, or null. */
function plainHint(error: unknown, reason: string): string | null {
  const code = (error as { code?: unknown }).code;
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    return 'a value with a colon and a space in it reads as a new field: put that value in quotes';
  }
  if (code === 'DUPLICATE_KEY' || /redefine an already defined/.test(reason)) {
    return 'a field is written twice: keep one';
  }
  return null;
}

function describeParseError(
  error: unknown,
  kind: string,
  delimiter: string,
  source?: string,
): FrontMatterIssue {
  const err = error as { message?: string };
  let line = parseErrorLine(error);
  let reason = String(err.message ?? error)
    .split('\n')[0]!
    .replace(/\s+at line \d+, column \d+:?$/, '')
    .replace(/^Invalid TOML document: /, '')
    .trim();
  if (kind === 'JSON' && source) {
    line = jsonErrorLine(error, source);
    reason = reason
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+/, '')
      .replace(/, (?:\.\.\.)?".*$/s, '')
      .replace(/ is not valid JSON$/, '');
  }
  // gray-matter keeps the newline after the opening delimiter, so parsers already count file lines.
  if (reason.length > 160) reason = `${reason.slice(0, 157)}…`;
  const hint = plainHint(error, reason);
  const where = (line !== null ? ` on line ${line}` : '') + (hint ? ` (${hint})` : '');
  const fix =
    kind === 'JSON'
      ? 'Fix the JSON at the top of the file.'
      : `Fix the ${kind} between the ${delimiter} lines.`;
  return {
    code: 'front-matter-invalid',
    message: `The front matter of this page could not be read: ${reason}${where}. ${fix}`,
    line,
  };
}

function finish(
  raw: unknown,
  format: FrontMatterFormat,
  body: string,
  bodyLine: number,
  issues: FrontMatterIssue[],
  source: string,
): FrontMatterResult {
  if (raw === null || raw === undefined) return { format, data: emptyData(), body, bodyLine, issues };
  if (typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Date) {
    issues.push({
      code: 'front-matter-not-object',
      message:
        'The front matter is not a list of fields (like "title: My stand"). Write one "name: value" field per line.',
      line: 1,
    });
    return { format, data: emptyData(), body, bodyLine, issues };
  }
  const budget = { nodes: MAX_FRONT_MATTER_NODES };
  const refused: string[] = [];
  const data = copyData(raw, budget, refused, 0) as FrontMatterData;
  for (const key of new Set(refused)) {
    issues.push({
      code: 'field-invalid',
      message: `The front matter field "${key}" is not allowed and was ignored. Rename it.`,
      line: lineOfKey(source, key),
    });
  }
  if (budget.nodes < 0) {
    issues.push({
      code: 'front-matter-invalid',
      message: `The front matter is far too large (more than ${MAX_FRONT_MATTER_NODES} values); only its beginning was read. Shorten it.`,
      line: 1,
    });
  }
  // Hugo reads front-matter keys case-insensitively; the first spelling of a key wins.
  const lowered = emptyData();
  for (const [key, value] of Object.entries(data)) {
    const lower = key.toLowerCase();
    if (!(lower in lowered)) lowered[lower] = value;
  }
  return { format, data: lowered, body, bodyLine, issues };
}

/**
 * A string that holds its own characters. Parsers hand out slices of the file's text, and V8 keeps a
 * slice's whole parent alive: a stand's title kept for years would keep its whole file in memory.
 */
export function ownString(text: string): string {
  // Short strings are always copied by V8; a longer one is copied when a prefix is added and dropped.
  return text.length < 13 ? text : (' ' + text).slice(1);
}

function emptyData(): FrontMatterData {
  return Object.create(null) as FrontMatterData;
}

function lineOfKey(source: string, key: string): number | null {
  const at = source.indexOf(key);
  return at === -1 ? null : countLines(source, at);
}

/** Deep copy into plain data; drops forbidden keys and stops when the node budget runs out. */
function copyData(value: unknown, budget: { nodes: number }, refused: string[], depth: number): unknown {
  budget.nodes--;
  if (budget.nodes < 0 || depth > 64) return null;
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return ownString(value);
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (budget.nodes < 0) break;
      out.push(copyData(item, budget, refused, depth + 1));
    }
    return out;
  }
  if (ArrayBuffer.isView(value)) return null;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value as object)) {
    if (budget.nodes < 0) break;
    if (FORBIDDEN_KEYS.has(key)) {
      refused.push(key);
      continue;
    }
    out[key] = copyData((value as Record<string, unknown>)[key], budget, refused, depth + 1);
  }
  return out;
}
