// What an organiser sees once the PIN is accepted: that the kiosk is unlocked (on a trial kiosk, without a
// PIN, and why a real one needs a kiosk file), any kiosk file problem, the ways to the settings screens,
// the button that locks it again, and one that quits Standalone: a touch-only kiosk has no Ctrl+Q.
import type { KioskState } from '../../../preload/contract';
import { RouteLink } from '../components/common';
import { to } from '../routes';

export function OrganiserBar({
  kiosk,
  collection,
  onLock,
  onQuit,
}: {
  kiosk: KioskState;
  collection: string | null;
  onLock: () => void;
  onQuit: () => void;
}) {
  return (
    <aside className="sa-kiosk-organiser" aria-labelledby="sa-kiosk-organiser-title">
      <div className="sa-kiosk-organiser-row">
        <h2 id="sa-kiosk-organiser-title">Kiosk unlocked</h2>
        <p className="sa-kiosk-organiser-hint">
          It locks again by itself after {Math.round(kiosk.settings.idleTimeoutSeconds)} s without a touch.
          While unlocked, Ctrl+Q (Cmd+Q on a Mac) quits Standalone.
        </p>
        <RouteLink to={to.collections()} className="sa-button">
          Settings: collections
        </RouteLink>
        {collection && (
          <RouteLink to={to.problems(collection)} className="sa-button">
            Problems
          </RouteLink>
        )}
        <button type="button" className="sa-button" onClick={onQuit}>
          Quit Standalone
        </button>
        <button type="button" className="sa-button sa-button-primary" onClick={onLock}>
          Lock kiosk
        </button>
      </div>
      {kiosk.trial && (
        <div className="sa-kiosk-organiser-trial">
          <h3>Trial kiosk</h3>
          <p>
            This is a trial kiosk: it was started with <code>--kiosk</code> and no kiosk file, so it has no
            organiser PIN and unlocked without one. A real kiosk needs a kiosk file with a{' '}
            <code>pinHash</code> (made by <strong>Make a kiosk file…</strong> on the Collections screen of
            Standalone on a computer, or with <code>npm run kiosk:pin</code>), so that only organisers can
            unlock it.
          </p>
        </div>
      )}
      {kiosk.configError && (
        <div className="sa-kiosk-organiser-error" role="alert">
          <h3>Kiosk file problem</h3>
          <p className="sa-pre-line">{kiosk.configError}</p>
        </div>
      )}
    </aside>
  );
}
