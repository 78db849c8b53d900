// A link that does not open (a kiosk, or one main refused) is shown as a QR code to take away. The code
// holds the link as main checked it, and no code at all for a link main refused: a mailto asking the
// phone's mail program to attach a file is no more taken away than opened.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenExternalResult } from '../../preload/contract';

const answer = vi.hoisted(() => ({ result: { opened: true } as OpenExternalResult }));
vi.mock('../../renderer/src/api', () => ({
  hasApi: true,
  api: {
    openExternal: async () => answer.result,
  },
}));

const { QrProvider, useQr } = await import('../../renderer/src/components/QrDialog');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let open: (url: string) => Promise<void>;

function Opener() {
  open = useQr().openLink;
  return null;
}

beforeEach(() => {
  // jsdom has <dialog> but not its modal display.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root.render(
      <QrProvider>
        <Opener />
      </QrProvider>,
    ),
  );
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('the QR dialog of a link that did not open', () => {
  it('shows the link as main checked it', async () => {
    answer.result = {
      opened: false,
      reason: 'Links do not open on this kiosk.',
      url: 'mailto:team@example.org?subject=Hello%20stand',
    };
    await act(() => open('MAILTO:team@example.org?subject=Hello stand'));
    const dialog = container.querySelector('dialog')!;
    expect(dialog.querySelector('[aria-label]')?.getAttribute('aria-label')).toBe(
      'QR code for mailto:team@example.org?subject=Hello%20stand',
    );
    expect(dialog.querySelector('.sa-qr-url')?.textContent).toBe(
      'mailto:team@example.org?subject=Hello%20stand',
    );
  });

  it('shows no code for a link main refused, only the address as text', async () => {
    answer.result = {
      opened: false,
      reason: 'The e-mail link asks the mail program for more than an address, subject and text.',
    };
    const hostile = 'mailto:team@example.org?attach=/home/visitor/.ssh/id_ed25519';
    await act(() => open(hostile));
    const dialog = container.querySelector('dialog')!;
    expect(dialog.textContent).toContain('This link is not shown as a code.');
    expect(dialog.querySelector('[aria-label^="QR code"]')).toBeNull();
    expect(dialog.querySelector('.sa-qr-url')?.textContent).toBe(hostile);
  });
});
