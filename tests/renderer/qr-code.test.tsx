// A stand's link can be longer than any QR code holds (about 2,300 bytes): showing it must not take the
// app down (a render error with no boundary unmounts every screen, and a kiosk stays blank).
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QrCode } from '../../renderer/src/components/QrCode';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container, { onUncaughtError: vi.fn() });
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('QrCode', () => {
  it('draws a link as a QR code', () => {
    act(() => root.render(<QrCode text="https://example.org/stand" label="QR code" />));
    expect(container.querySelector('svg[role="img"] path')).not.toBeNull();
  });

  it.each([
    ['a link too long for any QR code', `https://example.org/${'a'.repeat(3000)}`],
    ['a link of many non-ASCII characters', `https://example.org/${'漢'.repeat(900)}`],
  ])('says so for %s instead of failing', (_name, text) => {
    act(() => root.render(<QrCode text={text} label="QR code" />));
    expect(container.textContent).toMatch(/too long for a QR code/);
    expect(container.querySelector('svg')).toBeNull();
  });
});
