// QR codes drawn as React SVG elements: no markup string to sanitize, nothing to fetch.
import { create } from 'qrcode';

export interface QrShape {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** SVG path data of the dark modules, one unit per module. */
  path: string;
}

/** The QR code of a text as path data; runs of dark modules in a row become one rectangle. */
export function qrShape(text: string): QrShape {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      parts.push(`M${start} ${row}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size, path: parts.join('') };
}
