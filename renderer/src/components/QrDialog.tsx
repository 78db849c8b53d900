// Links that need the internet can be taken away on a phone: one modal dialog shows any of them as a
// QR code, with the address spelt out and, outside kiosk mode, a button to open it in the browser.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api } from '../api';
import { describeHost } from '../content/links';
import { QrCode } from './QrCode';

interface QrRequest {
  url: string;
  /** Why it is shown instead of opened (kiosk mode refused), when that is the case. */
  reason?: string;
  /** What the code holds: the link as main checked it, or null for none. */
  code: string | null;
  /** The dialog's heading when the app names what the code is for ("Read this on your phone"). */
  title?: string;
}

interface QrApi {
  /** Shows a link the app itself made or checked (a remote video, a stand's own link) as a code. */
  showQr(request: { url: string; title?: string }): void;
  /** Asks main to open a link; shows the QR code when main refuses (kiosk mode) or fails. */
  openLink(url: string): Promise<void>;
}

const Context = createContext<QrApi | null>(null);

export function QrProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<QrRequest | null>(null);
  const showQr = useCallback(
    ({ url, title }: { url: string; title?: string }) =>
      setRequest({ url, code: url, ...(title ? { title } : {}) }),
    [],
  );
  const openLink = useCallback(async (url: string) => {
    try {
      const result = await api.openExternal(url);
      // Main checked the link: the code holds what it would have opened, and nothing it refused.
      if (!result.opened) setRequest({ url, reason: result.reason, code: result.url ?? null });
    } catch (error) {
      setRequest({ url, reason: error instanceof Error ? error.message : String(error), code: url });
    }
  }, []);
  const value = useMemo(() => ({ showQr, openLink }), [showQr, openLink]);
  return (
    <Context.Provider value={value}>
      {children}
      {request && <QrDialog request={request} onClose={() => setRequest(null)} />}
    </Context.Provider>
  );
}

/** Opens links and shows QR codes; only below `<QrProvider>`. */
export function useQr(): QrApi {
  const value = useContext(Context);
  if (!value) throw new Error('useQr outside QrProvider');
  return value;
}

function QrDialog({ request, onClose }: { request: QrRequest; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Focus starts on the heading, not on Close: on a short screen (1024×768, large text) the dialog
    // scrolls, and focusing Close at its bottom scrolled away what the code is for. Close is a tab away.
    heading.current?.focus();
  }, []);
  const host = describeHost(request.url);
  const mail = /^mailto:/i.test(request.url);
  return (
    <dialog
      ref={ref}
      className="sa-dialog sa-qr-dialog"
      aria-labelledby="sa-qr-title"
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) ref.current?.close();
      }}
    >
      <h2 id="sa-qr-title" ref={heading} tabIndex={-1}>
        {request.title ?? (mail ? `Write to ${host}` : `Take ${host} with you`)}
      </h2>
      <p className="sa-muted">
        {request.reason ? `${request.reason} ` : ''}
        {request.code === null
          ? 'This link is not shown as a code.'
          : 'Scan the code with a phone to open it there.'}
      </p>
      {request.code !== null && <QrCode text={request.code} label={`QR code for ${request.code}`} />}
      <p className="sa-qr-url">{request.code ?? request.url}</p>
      <div className="sa-dialog-actions">
        <button type="button" className="sa-button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
