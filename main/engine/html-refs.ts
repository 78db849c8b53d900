// Every stored HTML field goes through here once: a real HTML parser (htmlparser2) finds each reference
// (src, href, poster, srcset, data), local ones are resolved inside the folder and rewritten to
// `stand-asset:` or `standalone:` URLs, broken ones are dropped and reported, remote ones reported
// (they will not show offline), and scripts are removed. Only tags that hold references are
// re-serialized; the rest of the HTML is kept byte for byte for the renderer's DOMPurify. The same pass
// collects the plain text that card summaries use (search reads the stored HTML: plain-text.ts).
import { Parser } from 'htmlparser2';
import { escapeHtml } from './markdown';
import { classifyRef, type RefClass } from './refs';

/** What a reference resolved to. */
export type Resolution = { type: 'url'; url: string } | { type: 'missing' } | { type: 'outside' };

export interface HtmlContext {
  /** Resolves a local reference; `link` is true for `<a href>` (pages allowed), false for embedded files. */
  resolve(ref: Extract<RefClass, { kind: 'local' }>, link: boolean): Resolution;
  report(code: HtmlProblemCode, ref: string, tag: string): void;
}

export type HtmlProblemCode =
  | 'asset-missing'
  | 'asset-outside-folder'
  | 'link-broken'
  | 'remote-image'
  | 'remote-media'
  | 'remote-frame'
  | 'script-removed'
  /** A `<style>` block or a stylesheet `<link>`: the renderer never applies a stand's own styles. */
  | 'style-ignored'
  /** Something inside threw: the fragment was left out (ref and tag are empty). */
  | 'content-unreadable';

export interface HtmlResult {
  html: string;
  /** Visible text, whitespace collapsed. */
  text: string;
}

const URL_ATTRIBUTES = new Set(['src', 'href', 'poster', 'srcset', 'data', 'xlink:href', 'background']);
const HIDDEN_TEXT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'svg',
  'head',
  'title',
]);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'hr',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'dt',
  'dd',
  'img',
]);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

interface Edit {
  start: number;
  end: number;
  text: string;
}

// Tags and attributes that make an HTML fragment worth parsing for references. (`<\s*\/?\s*script`
// would try every split of a long run of spaces between its two `\s*`.)
const INTERESTING = /\b(?:src|href|poster|srcset|data|background)\s*=|<\s*(?:\/\s*)?(?:script|style)/i;
const STYLESHEET = /(?:^|\s)stylesheet(?:\s|$)/i;

// htmlparser2 keeps open elements in an array it shifts and searches at every tag, so a page of 300,000
// unclosed tags takes minutes. Real pages nest a few dozen deep (browsers stop nesting at 512): past this
// depth, parsing starts afresh at the tag, which keeps every reference rewritten and the work linear.
const MAX_DEPTH = 256;

/**
 * Rewrites the references of one HTML fragment and, when `withText` is set, extracts its text.
 * Never throws: if anything inside does, the fragment is left out and reported as content-unreadable.
 */
export function processHtml(html: string, ctx: HtmlContext, withText = false): HtmlResult {
  if (!withText && !INTERESTING.test(html)) return { html, text: '' };
  if (!html.includes('<') && !html.includes('&')) return { html, text: collapse(html) };
  const edits: Edit[] = [];
  const text: string[] = [];
  const stack: string[] = [];
  let hidden = 0;
  let scriptStart = -1;
  // Where the current parser's input starts in `html`, and where the next one must start (see MAX_DEPTH).
  let base = 0;
  let restartAt = -1;

  const handler = {
    onopentag(name: string, attribs: Record<string, string>) {
      const start = base + parser.startIndex;
      const end = base + parser.endIndex + 1;
      if (!VOID.has(name) && stack.length >= MAX_DEPTH) {
        restartAt = start;
        parser.pause();
        return;
      }
      const parent = stack[stack.length - 1] ?? '';
      if (!VOID.has(name)) stack.push(name);
      if (HIDDEN_TEXT.has(name)) hidden++;
      if (withText && BLOCK.has(name)) text.push(' ');
      if (name === 'script') {
        scriptStart = start;
        ctx.report('script-removed', attribs.src ?? '', name);
        return;
      }
      if (name === 'style') ctx.report('style-ignored', '', name);
      if (name === 'link' && STYLESHEET.test(attribs.rel ?? '')) {
        // Not resolved either: a stylesheet missing from the folder would not be used anyway.
        ctx.report('style-ignored', attribs.href ?? '', name);
        return;
      }
      let touched = false;
      for (const key of Object.keys(attribs)) {
        if (!URL_ATTRIBUTES.has(key) && !(key === 'href' && (name === 'image' || name === 'use'))) continue;
        touched = true;
        const value = attribs[key]!;
        const rewritten =
          key === 'srcset' ? rewriteSrcset(value, name, ctx) : rewriteOne(value, name, key, parent, ctx);
        if (rewritten === null) delete attribs[key];
        else attribs[key] = rewritten;
      }
      if (touched) {
        const original = html.slice(start, end);
        const selfClosing = original.endsWith('/>');
        edits.push({ start, end, text: serializeTag(name, attribs, selfClosing) });
      }
    },
    onclosetag(name: string) {
      if (!VOID.has(name)) {
        const at = stack.lastIndexOf(name);
        if (at !== -1) stack.length = at;
      }
      if (HIDDEN_TEXT.has(name) && hidden > 0) hidden--;
      if (withText && BLOCK.has(name)) text.push(' ');
      if (name === 'script' && scriptStart !== -1) {
        edits.push({ start: scriptStart, end: Math.min(base + parser.endIndex + 1, html.length), text: '' });
        scriptStart = -1;
      }
    },
    ontext(data: string) {
      if (withText && hidden === 0) text.push(data);
    },
  };
  const options = {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    recognizeSelfClosing: true,
  };
  let parser = new Parser(handler, options);
  try {
    parser.write(html);
    while (restartAt !== -1) {
      base = restartAt;
      restartAt = -1;
      stack.length = 0;
      parser = new Parser(handler, options);
      parser.write(html.slice(base));
    }
    parser.end();
  } catch {
    // htmlparser2 does not throw on bad markup; this only guards against the unexpected (a resolver
    // that threw), which must not take the other fields down, nor go unsaid.
    ctx.report('content-unreadable', '', '');
    return { html: '', text: '' };
  }
  if (scriptStart !== -1) edits.push({ start: scriptStart, end: html.length, text: '' });
  return { html: applyEdits(html, edits), text: withText ? collapse(text.join('')) : '' };
}

function rewriteOne(
  value: string,
  tag: string,
  attribute: string,
  parent: string,
  ctx: HtmlContext,
): string | null {
  const ref = classifyRef(value);
  switch (ref.kind) {
    case 'none':
    case 'scheme':
      return value;
    case 'remote': {
      const code = remoteCode(tag, attribute, parent);
      if (code) ctx.report(code, value, tag);
      return value;
    }
    case 'ours':
    case 'outside':
      ctx.report('asset-outside-folder', value, tag);
      return null;
    case 'local': {
      const link = (tag === 'a' || tag === 'area') && attribute === 'href';
      const resolution = ctx.resolve(ref, link);
      if (resolution.type === 'url') return resolution.url;
      if (resolution.type === 'outside') ctx.report('asset-outside-folder', value, tag);
      else ctx.report(link ? 'link-broken' : 'asset-missing', value, tag);
      return null;
    }
  }
}

function rewriteSrcset(value: string, tag: string, ctx: HtmlContext): string | null {
  const out: string[] = [];
  // Candidates are trimmed anyway; `/\s*,\s*/` would retry at every space of a long run of them.
  for (const candidate of value.split(',')) {
    const trimmed = candidate.trim();
    if (!trimmed) continue;
    const space = trimmed.search(/\s/);
    const url = space === -1 ? trimmed : trimmed.slice(0, space);
    const descriptor = space === -1 ? '' : trimmed.slice(space);
    const rewritten = rewriteOne(url, tag === 'source' ? 'img' : tag, 'src', '', ctx);
    if (rewritten !== null) out.push(rewritten + descriptor);
  }
  return out.length > 0 ? out.join(', ') : null;
}

function remoteCode(tag: string, attribute: string, parent: string): HtmlProblemCode | null {
  if (tag === 'a' || tag === 'area' || tag === 'link' || tag === 'base') return null;
  if (tag === 'iframe' || tag === 'frame' || tag === 'embed' || tag === 'object') return 'remote-frame';
  if (tag === 'video' || tag === 'audio' || tag === 'track')
    return attribute === 'poster' ? 'remote-image' : 'remote-media';
  if (tag === 'source') return parent === 'video' || parent === 'audio' ? 'remote-media' : 'remote-image';
  return 'remote-image';
}

function serializeTag(name: string, attribs: Record<string, string>, selfClosing: boolean): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attribs)) {
    // Attribute names come from the parser; anything odd is dropped rather than re-emitted.
    // eslint-disable-next-line no-control-regex
    if (!/^[^\s"'>/=\u0000-\u001f]+$/.test(key)) continue;
    out += value === '' ? ` ${key}` : ` ${key}="${escapeHtml(value)}"`;
  }
  return out + (selfClosing ? ' />' : '>');
}

function applyEdits(html: string, edits: Edit[]): string {
  if (edits.length === 0) return html;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const edit of edits) {
    if (edit.start < pos) {
      // A tag inside a removed script: the script's removal already covers it.
      if (edit.end > pos) pos = edit.end;
      continue;
    }
    out += html.slice(pos, edit.start) + edit.text;
    pos = edit.end;
  }
  return out + html.slice(pos);
}

/** Collapses runs of whitespace into single spaces and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
