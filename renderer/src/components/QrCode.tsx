import { useMemo } from 'react';
import { qrShape } from '../lib/qr';

/** A QR code of `text`, black on white whatever the colour scheme so every phone reads it. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const shape = useMemo(() => {
    try {
      return qrShape(text);
    } catch {
      // More than a QR code holds (about 2,300 bytes): a stand's link may be. Throwing here would unmount
      // the whole app, so the address is left to be read instead.
      return null;
    }
  }, [text]);
  if (!shape) return <p className="sa-muted">This address is too long for a QR code.</p>;
  const quiet = 4;
  const side = shape.size + quiet * 2;
  return (
    <svg
      className="sa-qr"
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={shape.path} transform={`translate(${quiet} ${quiet})`} fill="#000" />
    </svg>
  );
}
