// Hugo shortcodes (`{{< name args >}}`, `{{% name args %}}`, paired with `{{< /name >}}`). Built-in ones
// are rendered to what Hugo's own templates make of them, adapted for offline use: remote embeds
// (YouTube, Vimeo, gists, tweets) become plain links. A broken or unknown shortcode never shows its
// raw syntax: it is left out (an unknown paired shortcode keeps its inner text) and reported.
//
// Like Hugo, shortcodes are replaced by placeholders before Markdown runs and filled in afterwards, so
// Markdown never mangles their HTML. ref/relref produce the target's site URL, which html-refs.ts then
// turns into an internal link like any other link.
import { MAX_SHORTCODES_PER_FILE } from './limits';
import { escapeHtml, renderInlineMarkdown } from './markdown';
import type { Severity } from './types';

export interface ShortcodeContext {
  /** The site URL path of the page a ref/relref (`name`) argument names, or null when there is none. */
  resolveRef(target: string, line: number, name: string): string | null;
  /** A front-matter field of the page (dotted paths reach into maps), or undefined. */
  param(name: string): unknown;
  /** `severity` overrides the code's usual one. */
  report(code: ShortcodeProblemCode, message: string, line: number, severity?: Severity): void;
}

export type ShortcodeProblemCode =
  'shortcode-invalid' | 'shortcode-unknown' | 'remote-media' | 'remote-frame' | 'link-broken';

export interface ShortcodeExpansion {
  /** The text with every shortcode replaced by a placeholder (or removed). */
  text: string;
  outputs: string[];
}

type Params = { positional: string[]; named: Map<string, string> };

type Tag =
  | { type: 'open'; name: string; params: Params; selfClosing: boolean; start: number; end: number }
  | { type: 'close'; name: string; start: number; end: number }
  | { type: 'literal'; text: string; start: number; end: number }
  | { type: 'invalid'; reason: string; start: number; end: number };

const PAIRED_BUILTINS = new Set(['highlight', 'details']);
const BUILTINS = new Set([
  'figure',
  'ref',
  'relref',
  'youtube',
  'vimeo',
  'vimeo_simple',
  'gist',
  'tweet',
  'twitter',
  'twitter_simple',
  'x',
  'instagram',
  'highlight',
  'param',
  'details',
]);

const NONCE = Math.random().toString(36).slice(2, 8);
const PLACEHOLDER = new RegExp(`(<p>)?hugosc${NONCE}x(\\d+)y(</p>)?`, 'g');

/** Replaces shortcodes in `body` by placeholders; `bodyLine` is the body's first line in its file. */
export function expandShortcodes(body: string, bodyLine: number, ctx: ShortcodeContext): ShortcodeExpansion {
  if (!body.includes('{{')) return { text: body, outputs: [] };
  const tags = tokenize(body);
  // Tags come in order: each line count goes on from the previous one.
  let counted = 0;
  let countedLine = bodyLine;
  const lineOf = (offset: number) => {
    if (offset < counted) {
      counted = 0;
      countedLine = bodyLine;
    }
    for (let i = body.indexOf('\n', counted); i !== -1 && i < offset; i = body.indexOf('\n', i + 1))
      countedLine++;
    counted = offset;
    return countedLine;
  };
  const outputs: string[] = [];
  const place = (html: string) => {
    outputs.push(html);
    return `hugosc${NONCE}x${outputs.length - 1}y`;
  };

  // Pair opening and closing tags by name, innermost first, like Hugo.
  const closeOf = new Map<number, number>();
  const stack: number[] = [];
  const strayCloses = new Set<number>();
  tags.forEach((tag, index) => {
    if (tag.type === 'open' && !tag.selfClosing) stack.push(index);
    else if (tag.type === 'close') {
      const at = stack.findLastIndex((open) => (tags[open] as { name: string }).name === tag.name);
      if (at === -1) strayCloses.add(index);
      else {
        closeOf.set(stack[at]!, index);
        stack.length = at;
      }
    }
  });
  const wrappers = new Map<number, string>();

  let out = '';
  let pos = 0;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    out += body.slice(pos, tag.start);
    pos = tag.end;
    const line = lineOf(tag.start);
    if (tag.type === 'literal') {
      out += tag.text;
      continue;
    }
    if (tag.type === 'invalid') {
      ctx.report(
        'shortcode-invalid',
        `A Hugo shortcode on line ${line} is written incorrectly (${tag.reason}), so Hugo cannot build the site with this page. Standalone leaves it out; fix the {{< … >}} on that line.`,
        line,
      );
      continue;
    }
    if (tag.type === 'close') {
      if (strayCloses.has(i)) {
        ctx.report(
          'shortcode-invalid',
          `The closing shortcode {{< /${tag.name} >}} on line ${line} has no opening {{< ${tag.name} >}}. Remove it or add the opening one.`,
          line,
        );
      } else {
        const closing = wrappers.get(i);
        if (closing) out += place(closing);
      }
      continue;
    }
    const close = closeOf.get(i);
    const name = tag.name;
    if (!BUILTINS.has(name)) {
      ctx.report(
        'shortcode-unknown',
        `This page uses the shortcode "${name}" (line ${line}), which Standalone does not know; it is left out${close !== undefined ? ' and the text inside it is shown as it is' : ''}.`,
        line,
      );
      continue;
    }
    if (PAIRED_BUILTINS.has(name) && close === undefined && !tag.selfClosing) {
      ctx.report(
        'shortcode-invalid',
        `The shortcode "${name}" on line ${line} is never closed with {{< /${name} >}}. Add the closing shortcode.`,
        line,
      );
      continue;
    }
    if (name === 'highlight' && close !== undefined) {
      const closeTag = tags[close]!;
      const code = body.slice(tag.end, closeTag.start).replace(/^\n/, '').replace(/\n$/, '');
      const language = (tag.params.positional[0] ?? tag.params.named.get('lang') ?? '').replace(
        /[^\w+#.-]/g,
        '',
      );
      const cls = language ? ` class="language-${escapeHtml(language)}"` : '';
      out += place(`<pre><code${cls}>${escapeHtml(code)}</code></pre>`);
      i = close;
      pos = closeTag.end;
      continue;
    }
    if (name === 'details' && close !== undefined) {
      const summary = tag.params.named.get('summary') ?? tag.params.positional[0] ?? 'Details';
      const open = tag.params.named.get('open') === 'true' ? ' open' : '';
      out += place(`<details${open}><summary>${renderInlineMarkdown(summary)}</summary>`);
      wrappers.set(close, '</details>');
      continue;
    }
    out += place(renderBuiltin(name, tag.params, ctx, line));
  }
  out += body.slice(pos);
  return { text: out, outputs };
}

/** Puts shortcode output back into rendered HTML; a placeholder alone in a paragraph replaces it. */
export function fillPlaceholders(html: string, expansion: ShortcodeExpansion): string {
  if (expansion.outputs.length === 0) return html;
  return html.replace(
    PLACEHOLDER,
    (match, open: string | undefined, index: string, close: string | undefined) => {
      const output = expansion.outputs[Number(index)] ?? '';
      if (open && close) return output;
      return (open ?? '') + output + (close ?? '');
    },
  );
}

function get(params: Params, name: string, index = -1): string | undefined {
  return params.named.get(name) ?? (index >= 0 ? params.positional[index] : undefined);
}

function renderBuiltin(name: string, params: Params, ctx: ShortcodeContext, line: number): string {
  switch (name) {
    case 'figure':
      return renderFigure(params, ctx, line);
    case 'ref':
    case 'relref': {
      const target = get(params, 'path', 0);
      if (!target) {
        ctx.report(
          'shortcode-invalid',
          `The ${name} shortcode on line ${line} names no page. Give it the page's file name.`,
          line,
        );
        return '';
      }
      const url = ctx.resolveRef(target, line, name);
      if (url === null) {
        ctx.report(
          'link-broken',
          `The ${name} shortcode on line ${line} points at "${target}", but there is no such page, so Hugo cannot build the site. Fix the file name.`,
          line,
          // Unlike a plain link to nowhere, Hugo refuses to build the site over it (REF_NOT_FOUND).
          'error',
        );
        return '';
      }
      return url;
    }
    case 'youtube': {
      const id = get(params, 'id', 0) ?? '';
      return remoteVideo(ctx, line, 'YouTube', id, `https://www.youtube.com/watch?v=${id}`, 'remote-media');
    }
    case 'vimeo':
    case 'vimeo_simple': {
      const id = get(params, 'id', 0) ?? '';
      return remoteVideo(ctx, line, 'Vimeo', id, `https://vimeo.com/${id}`, 'remote-media');
    }
    case 'gist': {
      const user = get(params, 'user', 0) ?? '';
      const id = get(params, 'id', 1) ?? '';
      return remoteVideo(
        ctx,
        line,
        'GitHub gist',
        `${user}/${id}`,
        `https://gist.github.com/${user}/${id}`,
        'remote-frame',
      );
    }
    case 'tweet':
    case 'twitter':
    case 'twitter_simple':
    case 'x': {
      const user = params.named.get('user') ?? (params.positional.length > 1 ? params.positional[0] : 'i');
      const id = params.named.get('id') ?? params.positional[params.positional.length - 1] ?? '';
      return remoteVideo(
        ctx,
        line,
        'Post on X (Twitter)',
        `${user}/${id}`,
        `https://twitter.com/${user}/status/${id}`,
        'remote-frame',
      );
    }
    case 'instagram': {
      const id = get(params, 'id', 0) ?? '';
      return remoteVideo(
        ctx,
        line,
        'Instagram post',
        id,
        `https://www.instagram.com/p/${id}/`,
        'remote-frame',
      );
    }
    case 'param': {
      const key = get(params, 'name', 0);
      if (!key) {
        ctx.report('shortcode-invalid', `The param shortcode on line ${line} names no field.`, line);
        return '';
      }
      const value = ctx.param(key);
      if (value === undefined || value === null || typeof value === 'object') {
        ctx.report(
          'shortcode-invalid',
          `The param shortcode on line ${line} asks for the field "${key}", which this page does not have, so Hugo cannot build the site.`,
          line,
        );
        return '';
      }
      return escapeHtml(String(value));
    }
    default:
      return '';
  }
}

function renderFigure(params: Params, ctx: ShortcodeContext, line: number): string {
  const src = params.named.get('src');
  if (!src) {
    ctx.report(
      'shortcode-invalid',
      `The figure shortcode on line ${line} has no src, so there is no image to show. Add src="…".`,
      line,
    );
    return '';
  }
  const attr = (name: string, value: string | undefined) => (value ? ` ${name}="${escapeHtml(value)}"` : '');
  const caption = params.named.get('caption');
  const title = params.named.get('title');
  const credit = params.named.get('attr');
  const link = params.named.get('link');
  const alt = params.named.get('alt') ?? (caption ? plainCaption(caption) : '');
  let html = `<figure${attr('class', params.named.get('class'))}>`;
  if (link)
    html += `<a${attr('href', link)}${attr('target', params.named.get('target'))}${attr('rel', params.named.get('rel'))}>`;
  html += `<img${attr('src', src)} alt="${escapeHtml(alt)}"${attr('width', params.named.get('width'))}${attr('height', params.named.get('height'))} />`;
  if (link) html += '</a>';
  if (title || caption || credit) {
    html += '<figcaption>';
    if (title) html += `<h4>${escapeHtml(title)}</h4>`;
    if (caption || credit) {
      html += '<p>';
      if (caption) html += renderInlineMarkdown(caption);
      if (credit) {
        const creditLink = params.named.get('attrlink');
        html += creditLink
          ? `<a href="${escapeHtml(creditLink)}">${renderInlineMarkdown(credit)}</a>`
          : renderInlineMarkdown(credit);
      }
      html += '</p>';
    }
    html += '</figcaption>';
  }
  return `${html}</figure>`;
}

/** A caption without tags and Markdown marks, for alt text. */
function plainCaption(caption: string): string {
  // `<[^>]*>` scans to the end from every `<` that no `>` follows: those are only in the tail, left as text.
  const cut = caption.lastIndexOf('>') + 1;
  return caption.slice(0, cut).replace(/<[^>]*>|[*_`[\]]/g, '') + caption.slice(cut).replace(/[*_`[\]]/g, '');
}

function remoteVideo(
  ctx: ShortcodeContext,
  line: number,
  service: string,
  id: string,
  url: string,
  code: 'remote-media' | 'remote-frame',
): string {
  if (!/^[\w./@-]{1,200}$/.test(id) || id.includes('..') || id.startsWith('/') || id.endsWith('/')) {
    ctx.report(
      'shortcode-invalid',
      `The ${service} shortcode on line ${line} has no valid id, so nothing can be shown.`,
      line,
    );
    return '';
  }
  ctx.report(
    code,
    `This page embeds a ${service} (line ${line}), which cannot be shown offline; visitors see a link to it instead.`,
    line,
  );
  return `<p class="remote-embed"><a href="${escapeHtml(url)}" data-remote-embed="${escapeHtml(service)}">${escapeHtml(service)}: ${escapeHtml(url)}</a></p>`;
}

/** Finds every shortcode tag in `text`, in order. Broken ones become `invalid` tags spanning their text. */
function tokenize(text: string): Tag[] {
  const tags: Tag[] = [];
  const find = finders(text);
  let from = 0;
  while (tags.length < MAX_SHORTCODES_PER_FILE) {
    const start = text.indexOf('{{', from);
    if (start === -1) break;
    const delim = text[start + 2];
    if (delim !== '<' && delim !== '%') {
      from = start + 2;
      continue;
    }
    const tag = readTag(text, start, delim, find);
    tags.push(tag);
    from = Math.max(tag.end, start + 3);
  }
  return tags;
}

/** Longest quoted value read: a longer one is a broken tag, not a caption. */
const MAX_QUOTED_VALUE = 10_000;
/** Longest shortcode tag read, from `{{<` to `>}}`. */
const MAX_TAG_LENGTH = 20_000;

type Find = (needle: string, from: number) => number;

/**
 * `text.indexOf` that remembers its last answer for each needle. Broken tags look far ahead (for a `*\/`,
 * a closing quote, the end of the line); tags come in order, so all of them cost one pass over the text.
 */
function finders(text: string): Find {
  const last = new Map<string, { from: number; at: number }>();
  return (needle, from) => {
    const known = last.get(needle);
    let at: number;
    if (known && from >= known.from && (known.at === -1 || known.at >= from)) return known.at;
    if (known && from < known.from) {
      // Only the stretch before the last search is new (a tag's start, looked at after its values).
      const before = text.slice(from, known.from + needle.length - 1).indexOf(needle);
      at = before === -1 ? known.at : from + before;
    } else at = text.indexOf(needle, from);
    last.set(needle, { from, at });
    return at;
  };
}

function readTag(text: string, start: number, delim: '<' | '%', find: Find): Tag {
  const close = delim === '<' ? '>}}' : '%}}';
  // Nothing past this is read for this tag: broken tags overlap the next ones, which read it again.
  const limit = Math.min(text.length, start + MAX_TAG_LENGTH);
  let i = start + 3;
  const skipSpace = () => {
    i = spaceEnd(text, i, limit);
  };
  const invalid = (reason: string): Tag => ({
    type: 'invalid',
    reason,
    start,
    end: recoveryEnd(text, start, find),
  });
  skipSpace();
  if (text.startsWith('/*', i)) {
    const end = find('*/', i + 2);
    if (end === -1) return invalid('an escaped shortcode that never ends');
    if (end >= limit) return invalid('a shortcode that is far too long');
    const j = spaceEnd(text, end + 2, limit);
    if (!text.startsWith(close, j)) return invalid('an escaped shortcode that never ends');
    // `{{</* x */>}}` is how Hugo pages show shortcode syntax itself: keep it as text.
    const literal = `{{${delim}${text.slice(i + 2, end)}${close}`;
    return { type: 'literal', text: escapeHtml(literal), start, end: j + close.length };
  }
  let closing = false;
  if (text[i] === '/') {
    closing = true;
    i++;
    skipSpace();
  }
  const nameMatch = /^[A-Za-z_][\w./-]*/.exec(text.slice(i, i + 200));
  if (!nameMatch) return invalid('no shortcode name');
  const name = nameMatch[0].replace(/\/+$/, '');
  i += name.length;
  if (closing) {
    skipSpace();
    if (!text.startsWith(close, i)) return invalid(`the closing ${name} does not end with ${close}`);
    return { type: 'close', name, start, end: i + close.length };
  }
  const params: Params = { positional: [], named: new Map() };
  let unreadable = 'an unterminated quoted value';
  for (let count = 0; count < 100; count++) {
    skipSpace();
    if (i >= text.length) return invalid('it never ends');
    if (i >= limit) return invalid('a shortcode that is far too long');
    if (text.startsWith(close, i))
      return { type: 'open', name, params, selfClosing: false, start, end: i + close.length };
    if (text[i] === '/' && text.startsWith(close, i + 1)) {
      return { type: 'open', name, params, selfClosing: true, start, end: i + 1 + close.length };
    }
    const first = readValue();
    if (first === null) return invalid(unreadable);
    if (text[i] === '=') {
      i++;
      const value = readValue();
      if (value === null) return invalid(unreadable);
      if (params.positional.length > 0) return invalid('named and positional values mixed');
      params.named.set(first, value);
    } else {
      if (params.named.size > 0) return invalid('named and positional values mixed');
      params.positional.push(first);
    }
  }
  return invalid('too many values');

  function readValue(): string | null {
    const quote = text[i];
    if (quote === '"') {
      // Only a value that closes on its line, within MAX_QUOTED_VALUE, is read character by character.
      const lineEnd = find('\n', i + 1);
      const quoteAt = find('"', i + 1);
      if (quoteAt === -1 || (lineEnd !== -1 && quoteAt > lineEnd)) return null;
      let value = '';
      const end = Math.min(lineEnd === -1 ? text.length : lineEnd, i + 1 + MAX_QUOTED_VALUE);
      for (let j = i + 1; j < end; j++) {
        const c = text[j]!;
        if (c === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\')) {
          value += text[j + 1];
          j++;
        } else if (c === '"') {
          i = j + 1;
          return value;
        } else value += c;
      }
      if (end < (lineEnd === -1 ? text.length : lineEnd)) unreadable = 'a quoted value that is far too long';
      return null;
    }
    if (quote === '`') {
      const end = find('`', i + 1);
      if (end === -1) return null;
      const value = text.slice(i + 1, end);
      i = end + 1;
      return value;
    }
    const match = /^[^\s="`]+/.exec(text.slice(i, i + 2000));
    let value = match ? match[0] : '';
    // A bare value stops before the closing delimiter.
    const closeAt = value.indexOf(close[0]! + '}}');
    if (closeAt !== -1) value = value.slice(0, closeAt);
    if (value.endsWith('/') && text.startsWith(close, i + value.length)) value = value.slice(0, -1);
    i += value.length;
    return value === '' ? null : value;
  }
}

const SPACES = /\s*/y;

/** Where the run of white space at `from` ends, looking no further than `limit`. */
function spaceEnd(text: string, from: number, limit: number): number {
  SPACES.lastIndex = 0;
  SPACES.exec(text.slice(from, limit));
  return from + SPACES.lastIndex;
}

/** Where a broken shortcode's text ends: its first `}}` on the same line, else the end of that line. */
function recoveryEnd(text: string, start: number, find: Find): number {
  const lineEnd = find('\n', start);
  const limit = lineEnd === -1 ? text.length : lineEnd;
  const braces = find('}}', start + 3);
  return braces !== -1 && braces < limit ? braces + 2 : limit;
}
