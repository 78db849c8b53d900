// An SVG file is a program for the renderer that draws it: a few hundred bytes of `<use>` elements that
// copy groups of `<use>` elements make millions of shapes, and Chromium freezes the page for minutes
// (or runs out of memory) drawing one stand's logo. This reads an SVG before it is served as an image
// and says why it must not be drawn: too many elements, too many copies made through `<use>`, markup
// hidden in DOCTYPE entities, another SVG (or anything but a raster image or a font) embedded in it
// as a data: URL, which would be drawn unchecked, or filter effects that would take Chromium minutes (300
// chained blurs, or a few over an enormous region, on one shape, or a few drawn on thousands). It reads the file a piece at a time, so the caller can
// let other work run in between.
import { Parser } from 'htmlparser2';
import { MAX_SVG_ELEMENTS, MAX_SVG_FILTER_WORK, MAX_SVG_USE_COPIES } from './limits';

// A data: URL whose type is not a raster image or a font: an SVG image, an XML document for `<use>`…
const NESTED_DATA =
  /data:\s*(?!image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)\s*[;,]|font\/)/i;
// htmlparser2's cost grows with the square of the nesting depth; no drawing needs more than this.
const MAX_DEPTH = 256;
// Longest entity value read: Illustrator's namespace entities are a few dozen characters.
const MAX_ENTITY_VALUE = 4096;
const STOP = Symbol('hazard found');
// A reference Chromium expands from the DOCTYPE (`&f;`), which the parser here leaves as it is.
const ENTITY_REFERENCE = /&[A-Za-z_:][\w.:-]*;/;
// Attributes where Illustrator writes its namespace entities; anywhere else an entity could hide a filter.
const ENTITY_ATTRIBUTE = /^(?:xmlns(?::.*)?|requiredextensions)$/i;
// Chromium's default filter region: 10% beyond the element's box on every side.
const DEFAULT_REGION = 1.2 * 1.2;

const HAZARD = {
  tooMany: `This SVG image has more than ${MAX_SVG_ELEMENTS.toLocaleString('en-US')} elements, too many to draw without freezing the screen, so it is not shown. Save it as PNG.`,
  copies: `This SVG image repeats its shapes more than ${MAX_SVG_USE_COPIES.toLocaleString('en-US')} times through <use> elements, which would freeze the screen while it is drawn, so it is not shown. Save it as PNG, or with fewer repeated shapes.`,
  deep: `This SVG image nests its elements more than ${MAX_DEPTH} deep, far more than any drawing needs, so it is not shown. Save it again as plain SVG, or as PNG.`,
  nested:
    'This SVG image holds another image or document inside it (a data: URL), which Standalone does not draw, so it is not shown. Save it with the picture as plain SVG shapes, or as PNG.',
  entity:
    'This SVG image builds parts of itself in its DOCTYPE (entities holding markup), which Standalone cannot check, so it is not shown. Save it again as plain SVG, or as PNG.',
  filters: `This SVG image asks for filter effects (blurs, shadows, …) that are too much work to draw without freezing the screen (over ${MAX_SVG_FILTER_WORK.toLocaleString('en-US')} passes over the picture), so it is not shown. Save it as PNG, or with fewer or simpler effects.`,
} as const;

/** A `<filter>`: the cost of its effects, its region as written, and the filter it takes them from. */
interface FilterSpec {
  weight: number;
  userSpace: boolean;
  width: string | undefined;
  height: string | undefined;
  template: string | undefined;
}

/** Filters one element (or the whole style sheet) is drawn with: `url(#id)`s and CSS filter functions. */
interface Applied {
  ids: string[];
  functions: number;
}

/** Checks one SVG file, fed in pieces (`write`), for what would make drawing it as an image unsafe. */
export class SvgImageCheck {
  // Elements in document order: each one's parent and the id its `<use>` refers to (`#id`).
  private readonly parents: number[] = [];
  private readonly useTargets = new Map<number, string>();
  private readonly byId = new Map<string, number>();
  private readonly open: number[] = [];
  private inStyle = 0;
  private styleText = '';
  // What filter effects need: every element a reference draws again (`url(#id)`, `<use>`, `<feImage>`),
  // the filters by element, the filters each element is drawn with, and those the style sheet gives.
  private readonly drawTargets = new Map<number, string[]>();
  private readonly filters = new Map<number, FilterSpec>();
  private readonly applied = new Map<number, Applied>();
  private readonly sheet: Applied & { refs: string[] } = { ids: [], functions: 0, refs: [] };
  private viewport = Infinity;
  private entityReferences = false;
  private hazard: string | null = null;
  private readonly pieces: string[] = [];
  private readonly parser: Parser;

  constructor() {
    this.parser = new Parser(
      {
        onopentag: (name, attributes) => this.onOpen(name, attributes),
        onclosetag: (name) => {
          this.open.pop();
          if (/(?:^|:)style$/i.test(name) && this.inStyle > 0) {
            this.inStyle--;
            this.readStyleSheet(this.styleText);
            this.styleText = '';
          }
        },
        ontext: (text) => {
          if (this.inStyle === 0) return;
          if (embedsData(text)) this.stop(HAZARD.nested);
          this.styleText += text;
        },
      },
      { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
    );
  }

  /** Reads the next piece of the file (characters as its bytes: latin1). */
  write(piece: string): void {
    if (this.hazard !== null) return;
    this.pieces.push(piece);
    try {
      this.parser.write(piece);
    } catch (error) {
      if (error !== STOP) throw error;
    }
  }

  /** Why the file must not be drawn as an image, in words for organisers; null when it may be. */
  end(): string | null {
    if (this.hazard !== null) return this.hazard;
    try {
      this.parser.end();
    } catch (error) {
      if (error !== STOP) throw error;
    }
    if (this.hazard !== null) return this.hazard;
    const entity = entityHazard(this.pieces.join(''));
    if (entity) return entity;
    const copies = useCopies(this.parents, this.useTargets, this.byId);
    if (copies > MAX_SVG_USE_COPIES) return HAZARD.copies;
    if (this.entityReferences && /<!ENTITY/i.test(this.pieces.join(''))) return HAZARD.entity;
    return this.filterWork(copies) > MAX_SVG_FILTER_WORK ? HAZARD.filters : null;
  }

  /**
   * Passes of filter effects drawing the image takes, worked out from above (more, never fewer): each
   * element's filters, times each time it is drawn (itself, and every copy a reference makes of it and of
   * what holds it). The style sheet's filters are taken to reach every element, as its selectors are not
   * matched here.
   */
  private filterWork(copies: number): number {
    const cost = new Map<string, number>();
    const filterCost = (id: string): number => {
      const known = cost.get(id);
      if (known !== undefined) return known;
      let spec: FilterSpec | undefined;
      let weight = 0;
      // A filter without effects of its own takes its template's (`href`), as SVG 1.1 allowed.
      for (let next: string | undefined = id, hops = 0; next !== undefined && hops < 16; hops++) {
        const found = this.byId.get(next);
        const candidate = found === undefined ? undefined : this.filters.get(found);
        if (!candidate) break;
        spec ??= candidate;
        weight = candidate.weight;
        if (weight > 0) break;
        next = candidate.template;
      }
      const total = spec ? weight * regionFactor(spec, this.viewport) : 0;
      cost.set(id, total);
      return total;
    };
    const own = new Float64Array(this.parents.length);
    for (const [element, { ids, functions }] of this.applied) {
      own[element] = functions + ids.reduce((sum, id) => sum + filterCost(id), 0);
    }
    const cap = MAX_SVG_FILTER_WORK + 1;
    const { total, work } = drawnWork(this.parents, this.drawTargets, this.byId, own, cap);
    if (total >= cap) return total;
    const sheetCost =
      this.sheet.functions +
      this.sheet.ids.reduce((sum, id) => sum + filterCost(id), 0) +
      this.sheet.refs.reduce((sum, id) => sum + Math.max(0, work[this.byId.get(id) ?? -1] ?? 0), 0);
    return Math.min(cap, total + sheetCost * (this.parents.length + copies));
  }

  /** A `<style>` block's filters and references, which may reach any element. */
  private readStyleSheet(text: string): void {
    if (ENTITY_REFERENCE.test(text)) this.entityReferences = true;
    const css = cssText(text);
    for (const value of filterDeclarations(css)) {
      const { ids, functions } = filterValue(value);
      this.sheet.ids.push(...ids);
      this.sheet.functions += functions;
    }
    this.sheet.refs.push(...urlTargets(css));
  }

  /** What one element means for filter effects: a filter, an effect, filters it is drawn with, references. */
  private readFilters(index: number, name: string, attributes: Record<string, string>): void {
    const local = name.slice(name.lastIndexOf(':') + 1).toLowerCase();
    const attribute = new Map<string, string>();
    for (const [key, value] of Object.entries(attributes)) {
      attribute.set(key.slice(key.lastIndexOf(':') + 1).toLowerCase(), value);
      if (!ENTITY_ATTRIBUTE.test(key) && ENTITY_REFERENCE.test(value)) this.entityReferences = true;
    }
    if (local === 'svg') this.viewport = Math.min(this.viewport, viewportArea(attribute));
    if (local === 'filter') {
      this.filters.set(index, {
        weight: 0,
        userSpace: /^\s*userspaceonuse\s*$/i.test(attribute.get('filterunits') ?? ''),
        width: attribute.get('width'),
        height: attribute.get('height'),
        template: hrefTarget(attribute.get('href')),
      });
    }
    const parent = this.filters.get(this.parents[index]!);
    if (parent && local.startsWith('fe')) parent.weight += effectWeight(local, attribute);
    const targets: string[] = [];
    if (local === 'use' || local === 'feimage') {
      const target = hrefTarget(attribute.get('href'));
      if (target !== undefined) targets.push(target);
    }
    const applied: Applied = { ids: [], functions: 0 };
    for (const [key, value] of attribute) {
      const css = cssText(value);
      targets.push(...urlTargets(css));
      const values = key === 'filter' ? [css] : key === 'style' ? filterDeclarations(css) : [];
      for (const filter of values) {
        const { ids, functions } = filterValue(filter);
        applied.ids.push(...ids);
        applied.functions += functions;
      }
    }
    if (targets.length > 0) this.drawTargets.set(index, targets);
    if (applied.ids.length > 0 || applied.functions > 0) this.applied.set(index, applied);
  }

  private onOpen(name: string, attributes: Record<string, string>): void {
    if (this.open.length >= MAX_DEPTH) this.stop(HAZARD.deep);
    if (this.parents.length >= MAX_SVG_ELEMENTS) this.stop(HAZARD.tooMany);
    const index = this.parents.length;
    this.parents.push(this.open.at(-1) ?? -1);
    this.open.push(index);
    for (const value of Object.values(attributes)) if (embedsData(value)) this.stop(HAZARD.nested);
    // `ID` and `xml:id` too: whatever Chromium makes of them, counting them can only count more.
    const id = Object.entries(attributes).find(([key]) => /^(?:.*:)?id$/i.test(key))?.[1];
    if (id !== undefined && !this.byId.has(id)) this.byId.set(id, index);
    if (/(?:^|:)use$/i.test(name)) {
      const href = (attributes.href ?? attributes['xlink:href'] ?? '').trim();
      if (href.startsWith('#')) this.useTargets.set(index, href.slice(1));
    }
    if (/(?:^|:)style$/i.test(name)) this.inStyle++;
    this.readFilters(index, name, attributes);
  }

  private stop(hazard: string): never {
    this.hazard = hazard;
    this.parser.pause();
    throw STOP;
  }
}

/** Why this SVG text must not be drawn as an image; null when it may be. */
export function svgImageHazard(svg: string): string | null {
  const check = new SvgImageCheck();
  check.write(svg);
  return check.end();
}

/**
 * The DOCTYPE's entities: one whose value holds markup adds elements the parser here never sees
 * (Chromium expands it); those that only spell a namespace (Illustrator's) are fine. One pass.
 */
function entityHazard(text: string): string | null {
  const declaration = /<!ENTITY\s+(?:%\s+)?[^\s"']+\s+(["'])/gi;
  for (let match = declaration.exec(text); match; match = declaration.exec(text)) {
    const start = declaration.lastIndex;
    const close = text.indexOf(match[1]!, start);
    if (close === -1 || close - start > MAX_ENTITY_VALUE) return HAZARD.entity;
    const value = text.slice(start, close);
    if (/<|&#/.test(value) || embedsData(value)) return HAZARD.entity;
    declaration.lastIndex = close + 1;
  }
  return null;
}

/** CSS escapes (`\75 rl(`) and percent-encoding undone, then: does the text embed a data: URL we refuse? */
function embedsData(text: string): boolean {
  if (!/[dD\\%]/.test(text)) return false;
  const unescaped = text.replace(/\\(?:([0-9a-fA-F]{1,6})\s?|([^\n]))/g, (_, hex: string, char: string) =>
    hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : char,
  );
  const decoded = unescaped.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return NESTED_DATA.test(unescaped) || NESTED_DATA.test(decoded);
}

/** CSS as Chromium reads it: comments dropped, escapes (`f\\69lter`, `\\23 id`) undone. */
function cssText(text: string): string {
  return unescapeCss(text.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' '));
}

function unescapeCss(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(?:([0-9a-fA-F]{1,6})\s?|([^\n]))/g, (_, hex: string, char: string) =>
    hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : char,
  );
}

/** The values of `filter` (and `-webkit-filter`) declarations in CSS text. */
function filterDeclarations(css: string): string[] {
  const values: string[] = [];
  const declaration = /(?:^|[^\w-])(?:-webkit-)?filter\s*:([^;}]*)/gi;
  for (let match = declaration.exec(css); match; match = declaration.exec(css)) values.push(match[1]!);
  return values;
}

/** A filter value's `url(#id)`s, and its CSS filter functions (`blur(2px)`, `drop-shadow(…)`), one pass each. */
function filterValue(value: string): Applied {
  const ids = urlTargets(value);
  const functions = value.replace(/url\([^)]*\)/gi, '').match(/[a-z-]+\s*\(/gi)?.length ?? 0;
  return { ids, functions };
}

/** The ids `url(…#id)` references name: whatever the address before `#`, the document may be its own. */
function urlTargets(css: string): string[] {
  const ids: string[] = [];
  const url = /url\(\s*(["']?)([^"')]*)\1\s*\)/gi;
  for (let match = url.exec(css); match; match = url.exec(css)) {
    const hash = match[2]!.indexOf('#');
    if (hash !== -1) ids.push(match[2]!.slice(hash + 1).trim());
  }
  return ids;
}

function hrefTarget(href: string | undefined): string | undefined {
  const value = href?.trim();
  return value?.startsWith('#') ? value.slice(1) : undefined;
}

/** Passes one filter effect costs: most one; large morphology radii, many octaves, large kernels more. */
function effectWeight(local: string, attribute: Map<string, string>): number {
  const numbers = (name: string) =>
    (attribute.get(name) ?? '')
      .split(/[\s,]+/)
      .map(Number)
      .filter((n) => Number.isFinite(n) && n > 0);
  if (local === 'femorphology') return Math.max(1, Math.min(4096, ...numbers('radius'), 0) / 4);
  if (local === 'feturbulence') return Math.max(1, Math.min(255, numbers('numoctaves')[0] ?? 1) / 4);
  if (local === 'feconvolvematrix') {
    const [x = 3, y = x] = numbers('order');
    return Math.max(1, (Math.min(x, 1e4) * Math.min(y, 1e4)) / 9);
  }
  return 1;
}

/** A length in CSS pixels (user units), or a fraction for a percentage; NaN when unreadable. */
function length(value: string | undefined): { size: number; fraction: boolean } {
  const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(%|[a-z]*)\s*$/i.exec(value ?? '');
  if (!match) return { size: NaN, fraction: false };
  const unit = match[2]!.toLowerCase();
  const scale: Record<string, number> = {
    '': 1,
    px: 1,
    in: 96,
    cm: 96 / 2.54,
    mm: 96 / 25.4,
    pt: 4 / 3,
    pc: 16,
  };
  const size = Number(match[1]) * (unit === '%' ? 0.01 : (scale[unit] ?? 16));
  return { size, fraction: unit === '%' };
}

/** An `<svg>`'s drawing area in user units: its viewBox, else its width and height (300 × 150 unsaid). */
function viewportArea(attribute: Map<string, string>): number {
  const box = (attribute.get('viewbox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box.length === 4 && box[2]! > 0 && box[3]! > 0) return box[2]! * box[3]!;
  const width = length(attribute.get('width'));
  const height = length(attribute.get('height'));
  const w = width.size > 0 && !width.fraction ? width.size : 300;
  const h = height.size > 0 && !height.fraction ? height.size : 150;
  return w * h;
}

/**
 * How many times larger than the default region (its element's box and 10% around) a filter works on:
 * Chromium draws each effect over all of it that the effects after it need, so a region of thousands of
 * boxes (or of the image) makes each effect thousands of times the work.
 */
function regionFactor(spec: FilterSpec, viewport: number): number {
  const side = (value: string | undefined) => {
    const parsed = length(value);
    if (!(parsed.size > 0)) return 1.2;
    return parsed.fraction || !spec.userSpace ? parsed.size : parsed.size / Math.sqrt(viewport);
  };
  const area = side(spec.width) * side(spec.height);
  return Number.isFinite(area) ? Math.max(1, area / DEFAULT_REGION) : MAX_SVG_FILTER_WORK + 1;
}

/**
 * Filter work drawing the document takes: each element's own, once for itself and once more for each
 * time a reference draws it (or what holds it) again. Worked out once per element (memoised, without
 * recursion); a reference that leads back to itself draws nothing and counts nothing. Stops at `cap`.
 */
function drawnWork(
  parents: number[],
  targets: Map<number, string[]>,
  byId: Map<string, number>,
  own: Float64Array,
  cap: number,
): { total: number; work: Float64Array } {
  const count = parents.length;
  const children: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < count; i++) if (parents[i]! >= 0) children[parents[i]!]!.push(i);
  const referenced = (element: number) =>
    (targets.get(element) ?? []).map((id) => byId.get(id)).filter((t): t is number => t !== undefined);
  const work = new Float64Array(count).fill(-1);
  const visiting = new Uint8Array(count);
  const stack: number[] = [];
  for (let i = 0; i < count; i++) if (parents[i] === -1) stack.push(i);
  const roots = [...stack];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const element = item >= 0 ? item : ~item;
    if (work[element]! >= 0) continue;
    if (item >= 0) {
      visiting[element] = 1;
      stack.push(~element);
      for (const next of [...children[element]!, ...referenced(element)])
        if (work[next]! < 0 && !visiting[next]) stack.push(next);
      continue;
    }
    visiting[element] = 0;
    let total = own[element]!;
    for (const next of [...children[element]!, ...referenced(element)]) total += Math.max(0, work[next]!);
    work[element] = Math.min(total, cap);
  }
  const total = roots.reduce((sum, root) => sum + Math.max(0, work[root]!), 0);
  return { total: Math.min(total, cap), work };
}

/**
 * Elements made by `<use>` when the document is drawn: each `<use>` adds a copy of its target with
 * everything in it, copies included. Each element's drawn size is worked out once (memoised, without
 * recursion); a `<use>` that leads back to itself draws nothing in Chromium and counts nothing here.
 */
function useCopies(parents: number[], useTargets: Map<number, string>, byId: Map<string, number>): number {
  const count = parents.length;
  const children: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < count; i++) if (parents[i]! >= 0) children[parents[i]!]!.push(i);
  const cap = MAX_SVG_USE_COPIES + 1;
  const size = new Float64Array(count).fill(-1);
  const visiting = new Uint8Array(count);
  let copies = 0;
  const work: number[] = [];
  for (let i = 0; i < count; i++) if (parents[i] === -1) work.push(i);
  while (work.length > 0) {
    const item = work.pop()!;
    const element = item >= 0 ? item : ~item;
    if (size[element]! >= 0) continue;
    const id = useTargets.get(element);
    const target = id === undefined ? undefined : byId.get(id);
    if (item >= 0) {
      visiting[element] = 1;
      work.push(~element);
      for (const child of children[element]!) if (size[child]! < 0 && !visiting[child]) work.push(child);
      if (target !== undefined && size[target]! < 0 && !visiting[target]) work.push(target);
      continue;
    }
    visiting[element] = 0;
    let total = 1;
    for (const child of children[element]!) total += Math.max(0, size[child]!);
    if (target !== undefined && size[target]! > 0) {
      total += size[target]!;
      copies = Math.min(cap, copies + size[target]!);
      if (copies > MAX_SVG_USE_COPIES) return copies;
    }
    size[element] = Math.min(total, cap);
  }
  return copies;
}
