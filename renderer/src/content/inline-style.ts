// Stand HTML leans on inline style for layout (`float`, `padding`, widths). The page's CSP forbids
// style attributes, so the sanitizer keeps only harmless layout declarations, and the renderer applies
// them through CSSOM (which CSP allows). Nothing that can load a resource, position over the app's own
// interface or change colours (dark mode would lose contrast) survives.

const ALLOWED_PROPERTIES = new Set([
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'margin',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'float',
  'clear',
  'text-align',
  'vertical-align',
  'width',
  'min-width',
  'max-width',
  'height',
  'min-height',
  'max-height',
  'display',
  'white-space',
  'font-weight',
  'font-style',
  'text-decoration',
  'line-height',
  'list-style-type',
  'border-collapse',
  'flex-direction',
  'flex-wrap',
  'justify-content',
  'align-items',
  'gap',
]);

const ALLOWED_DISPLAY = new Set([
  'block',
  'inline',
  'inline-block',
  'flex',
  'inline-flex',
  'grid',
  'none',
  'table',
  'table-cell',
  'list-item',
]);

// No parentheses (url(), expression(), image-set(), var()), quotes, slashes, backslashes or at-signs:
// a value is words, numbers, units, percentages, hex and commas, and short.
const SAFE_VALUE = /^[-+a-z0-9#%., ]{1,80}$/i;

/** One allowed declaration. */
export interface StyleDeclaration {
  property: string;
  value: string;
}

/** Keeps the harmless layout declarations of a style attribute's text. */
export function filterInlineStyle(text: string): StyleDeclaration[] {
  if (text.length > 2000 || /[\\@]|\/\*/.test(text)) return [];
  const kept: StyleDeclaration[] = [];
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    const value = part
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, '')
      .trim();
    if (!ALLOWED_PROPERTIES.has(property) || !SAFE_VALUE.test(value)) continue;
    if (property === 'display' && !ALLOWED_DISPLAY.has(value.toLowerCase())) continue;
    // A negative margin pulls content over what is around it (the app's own controls, were it not
    // clipped to its column).
    if (property.startsWith('margin') && /(?:^|\s)-/.test(value)) continue;
    kept.push({ property, value });
  }
  return kept;
}

/** Serialises declarations for the `data-sa-style` attribute the renderer applies. */
export function formatDeclarations(declarations: StyleDeclaration[]): string {
  return declarations.map((d) => `${d.property}:${d.value}`).join(';');
}

/** Reads a `data-sa-style` value back, re-checking each declaration (the attribute is just text). */
export function parseDeclarations(text: string): StyleDeclaration[] {
  return filterInlineStyle(text);
}
