// A stand or page a visitor is reading can go with them: its address on the published site (from the
// stands folder's baseURL) as a QR code, in the same dialog as a stand's links. It is offered on the
// desktop too, as a link's QR code is; without a usable baseURL there is nothing to offer.
import { QrGlyph } from './ExternalLinks';
import { useQr } from './QrDialog';

const TITLE = 'Read this on your phone';

/** The side card offering `url` (the page's published address) as a QR code, or nothing without one. */
export function ReadOnPhone({ url }: { url: string | null | undefined }) {
  const { showQr } = useQr();
  if (!url) return null;
  return (
    <section className="sa-side-card sa-read-on-phone">
      <h2>On your phone</h2>
      <button type="button" className="sa-button" onClick={() => showQr({ url, title: TITLE })}>
        <QrGlyph />
        {TITLE}
      </button>
    </section>
  );
}
