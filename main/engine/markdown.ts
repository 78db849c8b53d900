// Markdown to HTML the way Hugo's Goldmark renders stand pages: CommonMark plus tables, strikethrough and
// autolinked URLs, `{#id}` heading attributes and automatic heading ids. Raw HTML is kept: the renderer
// sanitizes it with DOMPurify, and html-refs.ts rewrites its references first.
import MarkdownIt, { type StateCore } from 'markdown-it';

const md = new MarkdownIt('commonmark', { html: true, linkify: true });
md.enable(['table', 'strikethrough', 'linkify']);
md.core.ruler.push('heading_ids', headingIds);

/** Renders a Markdown document to HTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Renders one line of Markdown (a figure caption) without a wrapping paragraph. */
export function renderInlineMarkdown(source: string): string {
  return md.renderInline(source);
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// A tag's start only: with `[^>]*>` after it, each of many unclosed tags would scan to the end of the text.
const HTML_TAG_START =
  /<\/?(p|div|br|hr|ul|ol|li|h[1-6]|table|tr|td|th|a|img|span|strong|em|b|i|u|section|article|blockquote|pre|code|iframe|video|audio|figure|center|font|small|sup|sub|dl|dt|dd)\b/i;

/** Whether a front-matter field is written as HTML rather than Markdown (the site accepted both). */
export function looksLikeHtml(value: string): boolean {
  // A known tag that closes somewhere: if any does, the first one found does too.
  const start = HTML_TAG_START.exec(value);
  return start !== null && value.indexOf('>', start.index + start[0].length) !== -1;
}

/**
 * A rich front-matter field (description, showcase, new_this_year) as HTML. HTML passes through as it
 * is; Markdown is rendered. YAML folding often indents continuation lines, which CommonMark would turn
 * into code blocks, so lines are dedented first: nobody writes code blocks in a stand's description.
 */
export function renderRichField(value: string): string {
  if (value.trim() === '') return '';
  if (looksLikeHtml(value)) return value.trim();
  const dedented = value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimStart())
    .join('\n');
  return md.render(dedented).trim();
}

/** Sets heading ids: an explicit trailing `{#id}` wins, otherwise one made from the heading's text. */
function headingIds(state: StateCore): void {
  const used = new Map<string, number>();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length - 1; i++) {
    const open = tokens[i]!;
    if (open.type !== 'heading_open') continue;
    const inline = tokens[i + 1]!;
    if (inline.type !== 'inline') continue;
    let id: string | null = null;
    const explicit = explicitId(inline.content);
    const last = inline.children?.[inline.children.length - 1];
    if (explicit && last && last.type === 'text' && last.content.endsWith(explicit.suffix)) {
      id = explicit.id;
      last.content = last.content.slice(0, last.content.length - explicit.suffix.length).trimEnd();
      inline.content = inline.content.slice(0, explicit.index);
    }
    if (!id) {
      const text = (inline.children ?? [])
        .filter((child) => child.type === 'text' || child.type === 'code_inline')
        .map((child) => child.content)
        .join('');
      id = headingSlug(text);
    }
    const seen = used.get(id);
    used.set(id, (seen ?? 0) + 1);
    if (seen !== undefined) id = `${id}-${seen}`;
    open.attrSet('id', id);
  }
}

/**
 * A trailing `{#id}`: the id, the text from `{#` on, and where the spaces before it start. What
 * `/\s*\{#([\w.:-]+)\}\s*$/` finds, without its retrying at every space of a long run of them.
 */
function explicitId(content: string): { id: string; suffix: string; index: number } | null {
  const end = content.trimEnd().length;
  if (content[end - 1] !== '}') return null;
  const open = content.lastIndexOf('{#', end - 2);
  if (open === -1) return null;
  const id = content.slice(open + 2, end - 1);
  if (!/^[\w.:-]+$/.test(id)) return null;
  let index = open;
  while (index > 0 && /\s/.test(content[index - 1]!)) index--;
  return { id, suffix: content.slice(open), index };
}

/** Goldmark's automatic heading id: lowercase, letters and digits kept, spaces to hyphens. */
function headingSlug(text: string): string {
  const slug = text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-');
  return slug || 'heading';
}
