// An on-screen keyboard for touch kiosks without a physical one. It appears while a text or search field
// has focus and types into that field as if a key had been pressed, so the field's own code (the
// header's search box) needs no change.
import { useEffect, useRef, useState } from 'react';
import { useHeightProperty } from '../hooks/use-height-property';

const ROWS = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', '-'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm', '.', "'", '@'],
];

/** Fields the keyboard serves: plain text and search boxes, never PINs or passwords. */
export function isTypingTarget(element: Element | null): element is HTMLInputElement | HTMLTextAreaElement {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  if (!(element instanceof HTMLInputElement)) return false;
  return ['text', 'search'].includes(element.type) && !element.readOnly && !element.disabled;
}

// React tracks an input's value through its own property; the prototype's setter plus an `input` event
// is what makes React see a change as typing.
function setFieldValue(field: HTMLInputElement | HTMLTextAreaElement, value: string, caret: number): void {
  const prototype =
    field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.setSelectionRange(caret, caret);
}

/** Types `text` at the caret (replacing a selection), or deletes before it when `text` is null. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string | null): void {
  const value = field.value;
  const start = field.selectionStart ?? value.length;
  const end = field.selectionEnd ?? value.length;
  if (text === null) {
    if (start !== end) setFieldValue(field, value.slice(0, start) + value.slice(end), start);
    else if (start > 0) setFieldValue(field, value.slice(0, start - 1) + value.slice(end), start - 1);
    return;
  }
  setFieldValue(field, value.slice(0, start) + text + value.slice(end), start + text.length);
}

export function OnScreenKeyboard() {
  const [field, setField] = useState<HTMLInputElement | HTMLTextAreaElement | null>(null);

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Element | null;
      if (target?.closest('.sa-osk')) return;
      if (isTypingTarget(target)) {
        // No system keyboard on top of ours (Windows tablets, Linux on-screen keyboards).
        target.inputMode = 'none';
        setField(target);
      } else {
        setField(null);
      }
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Element | null;
      if (next?.closest('.sa-osk') || isTypingTarget(next)) return;
      setField(null);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);

  // What the keyboard covers is measured (--kiosk-keyboard-space), as the bar's is, so the page's end can
  // be scrolled above it: without it the last search results stayed under the keys while typing.
  const ref = useRef<HTMLElement>(null);
  useHeightProperty(ref, '--kiosk-keyboard-space', Boolean(field?.isConnected));

  if (!field || !field.isConnected) return null;

  const key = (label: string, text: string | null, name?: string, wide?: string) => (
    <button
      key={name ?? label}
      type="button"
      className={`sa-osk-key ${wide ?? ''}`}
      aria-label={name}
      // Keep the focus (and the caret) in the field.
      onPointerDown={(event) => event.preventDefault()}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        typeInto(field, text);
        field.focus();
      }}
    >
      {label}
    </button>
  );

  return (
    <section className="sa-osk" aria-label="On-screen keyboard" ref={ref}>
      {ROWS.map((row, index) => (
        <div key={index} className="sa-osk-row">
          {row.map((letter) => key(letter, letter))}
          {index === 0 && key('⌫', null, 'Delete', 'sa-osk-wide')}
        </div>
      ))}
      <div className="sa-osk-row">
        {key('Space', ' ', 'Space', 'sa-osk-space')}
        <button
          type="button"
          className="sa-osk-key sa-osk-wide"
          onPointerDown={(event) => event.preventDefault()}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            field.blur();
            setField(null);
          }}
        >
          Done
        </button>
      </div>
    </section>
  );
}
