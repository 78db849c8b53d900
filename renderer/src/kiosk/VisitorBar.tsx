// The visitor's bar along the bottom of a kiosk: a big back button, the way to the start, and the
// switch for large text and high contrast. Everything is a large touch target; nothing depends on hover.
import { useRef, useState, type ReactNode } from 'react';
import { useHeightProperty } from '../hooks/use-height-property';
import type { KioskSettings } from '../../../preload/contract';

export type TextSize = KioskSettings['textSize'];

// Each button shows its own size, so the choice is visible before it is made.
const SIZES: { value: TextSize; label: string }[] = [
  { value: 'normal', label: 'Normal text' },
  { value: 'large', label: 'Large text' },
  { value: 'larger', label: 'Largest text' },
];

export function VisitorBar({
  canGoBack,
  onBack,
  onStart,
  textSize,
  onTextSize,
  highContrast,
  onHighContrast,
  children,
}: {
  canGoBack: boolean;
  onBack: () => void;
  onStart: () => void;
  textSize: TextSize;
  onTextSize: (size: TextSize) => void;
  highContrast: boolean;
  onHighContrast: (on: boolean) => void;
  /** The freshness stamp, at the bar's end. */
  children?: ReactNode;
}) {
  const [displayOpen, setDisplayOpen] = useState(false);
  const ref = useRef<HTMLElement>(null);
  // The bar wraps onto more lines with larger text, and grows with its display panel: what it covers is
  // measured (--kiosk-bar-space), so the page's end and a stand's side column stay above it.
  useHeightProperty(ref, '--kiosk-bar-space');
  return (
    <footer className="sa-kiosk-bar" ref={ref}>
      <nav className="sa-kiosk-nav" aria-label="Kiosk">
        <button
          type="button"
          className="sa-kiosk-button sa-kiosk-back"
          onClick={onBack}
          disabled={!canGoBack}
        >
          <span aria-hidden="true">←</span> Back
        </button>
        <button type="button" className="sa-kiosk-button" onClick={onStart}>
          <span aria-hidden="true">⌂</span> Start
        </button>
        <button
          type="button"
          className="sa-kiosk-button"
          aria-expanded={displayOpen}
          aria-controls="sa-kiosk-display"
          onClick={() => setDisplayOpen((open) => !open)}
        >
          <span aria-hidden="true">Aa</span> Text &amp; contrast
        </button>
      </nav>
      {displayOpen && (
        <div id="sa-kiosk-display" className="sa-kiosk-display">
          <div role="group" aria-label="Text size" className="sa-kiosk-segment">
            {SIZES.map((size) => (
              <button
                key={size.value}
                type="button"
                className={`sa-kiosk-button sa-kiosk-size-${size.value}`}
                aria-pressed={textSize === size.value}
                onClick={() => onTextSize(size.value)}
              >
                {size.label}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="sa-kiosk-button"
            aria-pressed={highContrast}
            onClick={() => onHighContrast(!highContrast)}
          >
            High contrast
          </button>
        </div>
      )}
      {children}
    </footer>
  );
}
