// An SVG file is a program for the renderer that draws it: a few hundred bytes of `<use>` elements that
// copy groups of `<use>` elements make millions of shapes, and Chromium freezes the page for minutes
// (or runs out of memory) drawing one stand's logo. This reads an SVG before it is served as an image
// and says why it must not be drawn: too many elements, too many copies made through `<use>`, markup
// hidden in DOCTYPE entities, or another SVG (or anything but a raster image or a font) embedded in it
// as a data: URL, which would be drawn unchecked. It reads the file a piece at a time, so the caller can
// let other work run in between.
import { Parser } from 'htmlparser2';
import { MAX_SVG_ELEMENTS, MAX_SVG_USE_COPIES } from './limits';

// A data: URL whose type is not a raster image or a font: an SVG image, an XML document for `<use>`…
const NESTED_DATA =
  /data:\s*(?!image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)\s*[;,]|font\/)/i;
// htmlparser2's cost grows with the square of the nesting depth; no drawing needs more than this.
const MAX_DEPTH = 256;
// Longest entity value read: Illustrator's namespace entities are a few dozen characters.
const MAX_ENTITY_VALUE = 4096;
const STOP = Symbol('hazard found');

const HAZARD = {
  tooMany: `This SVG image has more than ${MAX_SVG_ELEMENTS.toLocaleString('en-US')} elements, too many to draw without freezing the screen, so it is not shown. Save it as PNG.`,
  copies: `This SVG image repeats its shapes more than ${MAX_SVG_USE_COPIES.toLocaleString('en-US')} times through <use> elements, which would freeze the screen while it is drawn, so it is not shown. Save it as PNG, or with fewer repeated shapes.`,
  deep: `This SVG image nests its elements more than ${MAX_DEPTH} deep, far more than any drawing needs, so it is not shown. Save it again as plain SVG, or as PNG.`,
  nested:
    'This SVG image holds another image or document inside it (a data: URL), which Standalone does not draw, so it is not shown. Save it with the picture as plain SVG shapes, or as PNG.',
  entity:
    'This SVG image builds parts of itself in its DOCTYPE (entities holding markup), which Standalone cannot check, so it is not shown. Save it again as plain SVG, or as PNG.',
} as const;

/** Checks one SVG file, fed in pieces (`write`), for what would make drawing it as an image unsafe. */
export class SvgImageCheck {
  // Elements in document order: each one's parent and the id its `<use>` refers to (`#id`).
  private readonly parents: number[] = [];
  private readonly useTargets = new Map<number, string>();
  private readonly byId = new Map<string, number>();
  private readonly open: number[] = [];
  private inStyle = 0;
  private hazard: string | null = null;
  private readonly pieces: string[] = [];
  private readonly parser: Parser;

  constructor() {
    this.parser = new Parser(
      {
        onopentag: (name, attributes) => this.onOpen(name, attributes),
        onclosetag: (name) => {
          this.open.pop();
          if (/(?:^|:)style$/i.test(name) && this.inStyle > 0) this.inStyle--;
        },
        ontext: (text) => {
          if (this.inStyle > 0 && embedsData(text)) this.stop(HAZARD.nested);
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
    return useCopies(this.parents, this.useTargets, this.byId) > MAX_SVG_USE_COPIES ? HAZARD.copies : null;
  }

  private onOpen(name: string, attributes: Record<string, string>): void {
    if (this.open.length >= MAX_DEPTH) this.stop(HAZARD.deep);
    if (this.parents.length >= MAX_SVG_ELEMENTS) this.stop(HAZARD.tooMany);
    const index = this.parents.length;
    this.parents.push(this.open.at(-1) ?? -1);
    this.open.push(index);
    for (const value of Object.values(attributes)) if (embedsData(value)) this.stop(HAZARD.nested);
    const id = attributes.id;
    if (id !== undefined && !this.byId.has(id)) this.byId.set(id, index);
    if (/(?:^|:)use$/i.test(name)) {
      const href = (attributes.href ?? attributes['xlink:href'] ?? '').trim();
      if (href.startsWith('#')) this.useTargets.set(index, href.slice(1));
    }
    if (/(?:^|:)style$/i.test(name)) this.inStyle++;
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
