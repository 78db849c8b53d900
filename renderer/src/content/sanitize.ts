// The one place stand HTML becomes markup the page may show. Every byte of it is hostile: DOMPurify with
// a strict allowlist removes anything that can run code or clobber the page's globals, and its hooks
// make sure nothing shown can fetch from the network (remote media becomes a placeholder that offers
// the link as a QR code), rewrite links between stand pages into the app's routes, and keep only
// harmless layout from inline styles.
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { imageSize } from 'image-size';
import { MAX_IMAGE_PIXELS } from '../../../main/engine/types';
import { filterInlineStyle, formatDeclarations } from './inline-style';
import { describeHost, internalRoute, isExternalUrl, isOwnAsset, isRemoteUrl, shareableUrl } from './links';
import { href } from '../routes';

/** Attribute names the sanitizer itself writes; stand content may never set them. */
export const MARK = {
  /** Filtered inline style, applied through CSSOM after rendering. */
  style: 'data-sa-style',
  /** On links that leave the app: clicks go through the main process. */
  external: 'data-sa-external',
  /** On the buttons of placeholders: the URL to show as a QR code. */
  qr: 'data-sa-qr',
  /** On placeholders for remote media: what kind of thing is not shown. */
  remote: 'data-sa-remote',
} as const;

export interface SanitizeOptions {
  /** The collection the HTML belongs to: `standalone://` links route inside it. */
  collection: string;
  /**
   * The level the content's top headings get (the section it sits in is one above): content headings are
   * renumbered from here, in the order of the levels they use, so they nest under the app's own.
   */
  headingBase?: number;
}

// Chromium checks the page's CSP on `style` and `on…` attributes as soon as it parses them, even in the
// inert document DOMPurify parses into: nothing runs or applies, but every one logs a CSP error. Renaming
// them in the markup first keeps the console for real problems. This is cosmetic, not a defence: an
// attribute it misses is still refused by the CSP and removed by DOMPurify.
const RAW_PREFIX = 'data-sa-raw-';

/**
 * Renames `style` and `on…` attributes inside tags to `data-sa-raw-…` and drops `<style>` elements (a plain
 * scan, no parsing; DOMPurify removes style elements anyway).
 */
export function defuseInlineAttributes(input: string): string {
  const html = withoutStyleElements(input);
  let out = '';
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0 || !/[a-z]/i.test(html[open + 1] ?? '')) {
      const end = open < 0 ? html.length : open + 1;
      out += html.slice(i, end);
      i = end;
      continue;
    }
    out += html.slice(i, open);
    let j = open + 1;
    while (j < html.length && !/[\s/>]/.test(html[j]!)) j++;
    out += html.slice(open, j);
    // Attributes, tokenized the way HTML does: names, then optional quoted or unquoted values.
    while (j < html.length && html[j] !== '>') {
      if (/[\s/]/.test(html[j]!)) {
        out += html[j];
        j++;
        continue;
      }
      let k = j + 1;
      while (k < html.length && !/[\s/>=]/.test(html[k]!)) k++;
      const name = html.slice(j, k);
      out += /^(style|on[a-z]+)$/i.test(name) ? RAW_PREFIX + name : name;
      j = k;
      let m = j;
      while (m < html.length && /\s/.test(html[m]!)) m++;
      if (html[m] !== '=') continue;
      m++;
      while (m < html.length && /\s/.test(html[m]!)) m++;
      const quote = html[m];
      let end: number;
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, m + 1);
        end = close < 0 ? html.length : close + 1;
      } else {
        end = m;
        while (end < html.length && !/[\s>]/.test(html[end]!)) end++;
      }
      out += html.slice(j, end);
      j = end;
    }
    i = j;
  }
  return out;
}

const STYLE_OPEN = /<style\b/gi;
const STYLE_CLOSE = /<\/style\s*>/gi;

/**
 * What `html.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')` gives, in one pass: that regex scans
 * to the end of the text from every `<style` that is never closed (300,000 of them hang the page).
 */
function withoutStyleElements(html: string): string {
  let out = '';
  let pos = 0;
  STYLE_OPEN.lastIndex = 0;
  for (let open = STYLE_OPEN.exec(html); open; open = STYLE_OPEN.exec(html)) {
    // With no `>` or no closing tag after this one, there is none after any later one either.
    const tagEnd = html.indexOf('>', open.index + open[0].length);
    if (tagEnd === -1) break;
    STYLE_CLOSE.lastIndex = tagEnd + 1;
    const close = STYLE_CLOSE.exec(html);
    if (!close) break;
    out += html.slice(pos, open.index);
    pos = close.index + close[0].length;
    STYLE_OPEN.lastIndex = pos;
  }
  return out + html.slice(pos);
}

// DOMPurify tests every attribute that is not known to be plain text against this: values with a scheme
// must use one of ours; values without one (`50%`, `2`, `left`, `#faq`) pass, as with DOMPurify's default.
// What URL attributes may then hold is narrowed again by the hooks below (no relative links, no remote
// media, only the collection's own files).
const ALLOWED_URI = /^(?:(?:https?|mailto|stand-asset|standalone):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'script',
    'style',
    'link',
    'meta',
    'base',
    'title',
    'form',
    'input',
    'textarea',
    'select',
    'option',
    'optgroup',
    'fieldset',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'portal',
    'template',
    'noscript',
    'noembed',
    'noframes',
    'dialog',
    'slot',
    // Deprecated, distracting and inaccessible; their text stays.
    'marquee',
    'blink',
  ],
  FORBID_ATTR: [
    'action',
    'formaction',
    'form',
    'ping',
    'target',
    'background',
    'autoplay',
    'autofocus',
    'tabindex',
    'accesskey',
    'contenteditable',
    'popover',
    'popovertarget',
    'lowsrc',
    'dynsrc',
    'longdesc',
    'usemap',
    'sizes',
    // Buttons and inputs that act on another element by id (invoker commands, popovers, anchoring,
    // datalists): nothing in stand content needs them, and the id could be one of the app's.
    'command',
    'commandfor',
    'popovertargetaction',
    'interestfor',
    'anchor',
    'list',
    // Would tell screen readers that everything outside this element, the app included, is inert.
    'aria-modal',
  ],
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

// Attributes that name other elements by id. DOMPurify prefixes the content's own ids and names with
// `user-content-` (SANITIZE_NAMED_PROPS), so these references get the same prefix: a label, a table's
// headers or an aria-labelledby keep pointing at content, and can never reach the app's own elements.
const ID_REFERENCES = new Set([
  'for',
  'headers',
  'itemref',
  'aria-activedescendant',
  'aria-controls',
  'aria-describedby',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
  'aria-labelledby',
  'aria-owns',
]);
const NAMED_PROPS_PREFIX = 'user-content-';

// Elements whose URL makes the browser fetch something.
const MEDIA_TAGS = new Set([
  'img',
  'video',
  'audio',
  'source',
  'track',
  'iframe',
  'frame',
  'embed',
  'object',
  'picture',
]);

const KIND_LABEL: Record<string, string> = {
  img: 'Image',
  picture: 'Image',
  video: 'Video',
  audio: 'Audio',
  iframe: 'Embedded page',
  frame: 'Embedded page',
  embed: 'Embedded content',
  object: 'Embedded content',
};

/** The first remote URL an element (or, for players, one of its `<source>`s) would load. */
function remoteUrlOf(element: Element): string | null {
  const src = ['src', 'data'].map((name) => element.getAttribute(name)).find((v) => v && isRemoteUrl(v));
  if (src) return src;
  const tag = element.localName;
  if (tag === 'video' || tag === 'audio' || tag === 'picture') {
    for (const source of Array.from(element.querySelectorAll('source, track'))) {
      const found = remoteUrlOf(source);
      if (found) return found;
    }
  }
  const srcset = srcsetUrls(element.getAttribute('srcset') ?? '').find(isRemoteUrl);
  if (srcset) return srcset;
  const poster = element.getAttribute('poster');
  return poster && isRemoteUrl(poster) ? poster : null;
}

// Images written into the HTML itself may be pictures only: an SVG is a document Chromium draws on the
// page's own thread, and 1 KiB of `<use>` elements copying copies freezes the window for minutes.
// (SVG files of the folder are checked before the asset protocol serves them.)
const RASTER_DATA_URL = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)[;,]/i;

/**
 * Whether a data: URL is a picture Chromium can decode without freezing the page or running out of memory
 * (a few hundred KiB of PNG can declare 20,000 × 20,000 pixels, decoded whole): a raster image whose
 * size, read from its header, is within the limit the asset protocol applies to the folder's pictures.
 */
function isSafeDataImage(url: string): boolean {
  if (!RASTER_DATA_URL.test(url)) return false;
  const comma = url.indexOf(',');
  const body = url.slice(comma + 1);
  try {
    const binary = /;base64$/i.test(url.slice(0, comma))
      ? atob(body.replace(/[\t\n\f\r ]/g, ''))
      : unescape(body);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0) & 0xff);
    const info = imageSize(bytes);
    return [info, ...(info.images ?? [])].every((frame) => frame.width * frame.height <= MAX_IMAGE_PIXELS);
  } catch {
    return false;
  }
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Creates a DOMPurify instance bound to a window (the page's, or jsdom's in tests) with our hooks. */
export function createSanitizer(
  win: Window & typeof globalThis,
): (html: string, options: SanitizeOptions) => string {
  const purify: DOMPurify = createDOMPurify(win);
  // Nodes the hooks create: their marks are ours, not the content's.
  const trusted = new WeakSet<Node>();
  const pendingStyle = new WeakMap<Element, string>();
  let current: SanitizeOptions = { collection: '' };

  function placeholder(doc: Document, tag: string, url: string, insideLink: boolean): HTMLElement {
    const link = shareableUrl(url);
    const box = doc.createElement(insideLink ? 'span' : 'div');
    box.className = 'sa-remote';
    box.setAttribute(MARK.remote, tag);
    const text = doc.createElement('span');
    text.className = 'sa-remote-text';
    text.textContent = `${KIND_LABEL[tag] ?? 'Content'} on ${describeHost(link)} — needs the internet`;
    box.append(text);
    trusted.add(box);
    trusted.add(text);
    // A button inside a link would be interactive content nested in interactive content; the link
    // itself already leads out.
    if (!insideLink && isExternalUrl(link)) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'sa-remote-qr';
      button.setAttribute(MARK.qr, link);
      button.textContent = 'Show the link as a QR code';
      box.append(button);
      trusted.add(button);
    }
    return box;
  }

  purify.addHook('uponSanitizeElement', (node, data) => {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (!MEDIA_TAGS.has(data.tagName)) return;
    const url = remoteUrlOf(element);
    if (!url) return;
    if (data.tagName === 'source' || data.tagName === 'track') {
      // A remote source inside a local player or picture: drop just the source.
      element.remove();
      return;
    }
    element.replaceWith(placeholder(element.ownerDocument, data.tagName, url, element.closest('a') !== null));
  });

  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    if (name === `${RAW_PREFIX}style` || name === 'style') {
      const kept = formatDeclarations(filterInlineStyle(data.attrValue));
      if (kept) pendingStyle.set(node, kept);
      data.keepAttr = false;
      return;
    }
    if (name.startsWith('data-sa-') && !trusted.has(node)) {
      data.keepAttr = false;
      return;
    }
    if (ID_REFERENCES.has(name)) {
      const ids = data.attrValue.split(/\s+/).filter((id) => id !== '');
      if (ids.length === 0) data.keepAttr = false;
      else data.attrValue = ids.map((id) => NAMED_PROPS_PREFIX + id).join(' ');
      return;
    }
    if (name === 'class' && !trusted.has(node)) {
      // The app's own classes start with `sa-`: content may not dress up as the app.
      data.attrValue = data.attrValue
        .split(/\s+/)
        .filter((c) => c && !c.startsWith('sa-'))
        .join(' ');
      if (!data.attrValue) data.keepAttr = false;
    }
  });

  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.localName;
    const style = pendingStyle.get(element);
    if (style) element.setAttribute(MARK.style, style);

    // Whatever a resource attribute still holds after DOMPurify, only the folder's own files load.
    for (const name of ['src', 'poster']) {
      const value = element.getAttribute(name);
      if (
        value !== null &&
        !isOwnAsset(value, current.collection) &&
        !(tag === 'img' && isSafeDataImage(value))
      ) {
        element.removeAttribute(name);
      }
    }
    const srcset = element.getAttribute('srcset');
    if (srcset !== null && !srcsetUrls(srcset).every((url) => isOwnAsset(url, current.collection))) {
      element.removeAttribute('srcset');
    }
    for (const name of ['xlink:href', 'data', 'codebase', 'cite', 'manifest', 'icon'])
      element.removeAttribute(name);

    if (tag === 'img') {
      if (!element.hasAttribute('src')) {
        // Nothing of it can be shown; an empty image would only be a broken-image icon.
        element.remove();
        return;
      }
      if (!element.hasAttribute('alt')) element.setAttribute('alt', '');
      element.setAttribute('loading', 'lazy');
      element.setAttribute('decoding', 'async');
    }
    if (tag === 'video' || tag === 'audio') {
      element.setAttribute('controls', '');
      element.setAttribute('preload', 'metadata');
    }

    if (element.hasAttribute('href')) {
      const value = (element.getAttribute('href') ?? '').trim();
      if (tag !== 'a' && tag !== 'area') {
        element.removeAttribute('href');
      } else if (/^standalone:/i.test(value)) {
        const route = internalRoute(value, current.collection);
        if (route) element.setAttribute('href', href(route));
        else element.removeAttribute('href');
      } else if (isExternalUrl(value)) {
        element.setAttribute(MARK.external, describeHost(value));
        element.setAttribute('rel', 'noopener noreferrer');
      } else if (!value.startsWith('#') || value.startsWith('#/')) {
        // Files of the folder (a PDF, a full-size image) cannot be opened from a kiosk, and a `#/` in
        // content would pose as one of the app's own routes.
        element.removeAttribute('href');
      }
    }
  });

  /** Sanitizes stand HTML for display inside `collection`; returns markup safe for innerHTML. */
  return function sanitizeHtml(html: string, options: SanitizeOptions): string {
    current = options;
    try {
      const fragment = purify.sanitize(defuseInlineAttributes(html), CONFIG) as unknown as DocumentFragment;
      nameEmptyLinks(fragment);
      repairLists(fragment);
      renumberHeadings(fragment, options.headingBase ?? 2);
      directBlocks(fragment);
      const holder = fragment.ownerDocument.createElement('div');
      holder.append(fragment);
      return holder.innerHTML;
    } finally {
      current = { collection: '' };
    }
  };
}

// A link whose only content is an image without text would have no accessible name.
function nameEmptyLinks(root: DocumentFragment): void {
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    const text = (link.textContent ?? '').trim();
    if (!text && !link.querySelector('img, video, audio, .sa-remote')) {
      // Whatever it held was removed: a link to nothing is only a stray arrow. Its surroundings stay.
      link.remove();
      continue;
    }
    const alt = Array.from(link.querySelectorAll('img[alt]')).some(
      (img) => (img.getAttribute('alt') ?? '').trim() !== '',
    );
    // A label of its own that differs from the words shown ("… (opens in a new tab)", which is not even
    // true here) confuses speech input and screen readers: the words shown are the name.
    if (text) link.removeAttribute('aria-label');
    if (!text && !alt && !link.hasAttribute('aria-label')) {
      const target = link.getAttribute(MARK.external) ?? 'another page';
      link.setAttribute('aria-label', `Link to ${target}`);
    }
  }
}

// Content headings close ranks under the section they sit in, and never skip a level going down (an
// `<h5>` right under the app's `<h2>` would leave screen-reader users wondering what they missed).
function renumberHeadings(root: DocumentFragment, base: number): void {
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  const levels = [...new Set(headings.map((h) => Number(h.localName[1])))].sort((a, b) => a - b);
  let previous = base - 1;
  for (const heading of headings) {
    const wanted = base + levels.indexOf(Number(heading.localName[1]));
    const level = Math.min(6, wanted, previous + 1);
    previous = level;
    if (`h${level}` === heading.localName) continue;
    heading.replaceWith(renamed(heading, `h${level}`));
  }
}

function renamed(element: Element, tag: string): Element {
  const copy = element.ownerDocument.createElement(tag);
  for (const attr of Array.from(element.attributes)) copy.setAttribute(attr.name, attr.value);
  copy.append(...Array.from(element.childNodes));
  return copy;
}

// Lists as stands wrote them are not always lists: `<ul>` holding a `<ul>` or a `<p>`, a stray `<li>`.
// Assistive technology announces those wrongly, so each gets the wrapper it lacks.
function repairLists(root: DocumentFragment): void {
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    for (const child of Array.from(list.childNodes)) {
      const isItem = child.nodeType === 1 && (child as Element).localName === 'li';
      const isBlank = child.nodeType === 3 && !(child.textContent ?? '').trim();
      if (isItem || isBlank || child.nodeType === 8) continue;
      const item = list.ownerDocument.createElement('li');
      child.replaceWith(item);
      item.append(child);
    }
  }
  for (const item of Array.from(root.querySelectorAll('li'))) {
    const parent = item.parentElement;
    if (parent && ['ul', 'ol', 'menu'].includes(parent.localName)) continue;
    // Gather this stray item and the stray items right after it into one list.
    const list = item.ownerDocument.createElement('ul');
    item.before(list);
    let next: ChildNode | null = item;
    while (next && (next.nodeType !== 1 || (next as Element).localName === 'li')) {
      const following: ChildNode | null = next.nextSibling;
      if (next.nodeType === 1 || (next.textContent ?? '').trim() === '') list.append(next);
      else break;
      next = following;
    }
  }
}

// Blocks of text that take the direction of their own first words (`dir="auto"`, as GitHub renders
// Markdown): an Arabic or Hebrew paragraph in the app's left-to-right page would otherwise be aligned
// left with its punctuation at the wrong end. rich.css indents lists and quotes on their starting side.
const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, ul, ol, dl, blockquote, caption, th, td, figcaption';

function directBlocks(root: DocumentFragment): void {
  for (const block of Array.from(root.querySelectorAll(TEXT_BLOCKS))) {
    // A direction the stand set, on the block or around it, is kept.
    if (!block.closest('[dir]:not([dir="auto" i])')) block.setAttribute('dir', 'auto');
  }
}

let pageSanitizer: ((html: string, options: SanitizeOptions) => string) | null = null;

/** Sanitizes stand HTML with the page's own window (created on first use). */
export function sanitizeHtml(html: string, options: SanitizeOptions): string {
  pageSanitizer ??= createSanitizer(window);
  return pageSanitizer(html, options);
}
