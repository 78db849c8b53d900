// A stand's links out of the app. They need the internet, so each says so and offers its address as a
// QR code; opening goes through the main process (which refuses in kiosk mode: then the QR code shows).
import type { StandLink } from '../../../main/engine/types';
import { describeHost } from '../content/links';
import { useQr } from './QrDialog';

const KIND_LABEL: Record<StandLink['kind'], string> = {
  website: 'Website',
  chat: 'Chat room',
  video: 'Videos',
  events: 'Events',
  other: 'Link',
};

export function ExternalLinks({ links }: { links: StandLink[] }) {
  const { openLink, showQr } = useQr();
  return (
    <ul className="sa-links">
      {links.map((link, index) => (
        <li key={`${index}-${link.url}`} className="sa-link-row">
          <a
            href={link.url}
            className="sa-external"
            rel="noopener noreferrer"
            onClick={(event) => {
              event.preventDefault();
              void openLink(link.url);
            }}
          >
            <span className="sa-link-kind">{KIND_LABEL[link.kind]}</span>
            <span className="sa-link-label" dir="auto">
              {link.label || describeHost(link.url)}
            </span>
            <span className="sa-net">needs the internet</span>
          </a>
          <button
            type="button"
            className="sa-icon-button"
            onClick={() => showQr({ url: link.url })}
            aria-label={`QR code for ${link.label || describeHost(link.url)}`}
          >
            <QrGlyph />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The QR code icon of the buttons that show one. */
export function QrGlyph() {
  return (
    <svg viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M1 1h6v6H1zM2 2v4h4V2zM9 1h6v6H9zm1 1v4h4V2zM1 9h6v6H1zm1 1v4h4v-4zM3 3h2v2H3zm8 0h2v2h-2zM3 11h2v2H3zm6-2h2v2H9zm2 2h2v2h-2zm2-2h2v2h-2zm-4 4h2v2H9zm4 0h2v2h-2z"
        fill="currentColor"
      />
    </svg>
  );
}
