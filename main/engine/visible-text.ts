// Problem messages quote third-party content (file names, link targets, theme names, baseURL values).
// A bidi control in such a value can make a message read differently from what it says ("Trojan
// Source"), and a line break can forge a whole extra `file:line: severity: message` line in `check`'s
// output. Such characters are written out as `\uXXXX` instead of being acted on. Pure, no imports: the
// engine, the command line and the renderer all use it.

// Control characters (C0, DEL, C1), bidi embeddings, overrides, isolates and marks, the line and paragraph
// separators, and invisible characters that hide text or separate it unseen (zero-width space, word
// joiner and invisible operators, the deprecated format characters, the byte-order mark, interlinear
// annotation marks). Zero-width joiners stay: emoji and several scripts need them.
const INVISIBLE = /[\p{Cc}\u061C\u200B\u200E\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/gu;

/** `text` with every control, bidi and invisible character written out as `\uXXXX`, so it shows as it is. */
export function showInvisible(text: string): string {
  return text.replace(
    INVISIBLE,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
