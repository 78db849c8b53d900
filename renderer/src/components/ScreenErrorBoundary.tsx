// Keeps one screen's render error to that screen. Without a boundary React unmounts the whole app on a
// render-time exception (stand data no screen expected): the window goes blank while the renderer stays
// alive, so the main process never reloads it, and a kiosk stays blank until someone restarts it.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useAppState } from '../hooks/app-state';
import { useHashPath, useHashSearch } from '../lib/hash-location';
import { to } from '../routes';
import { RouteLink, ScreenTitle } from './common';

/** Around the routed screen, inside the shell: the header, navigation and kiosk controls stay usable. */
export function ScreenErrorBoundary({ children }: { children: ReactNode }) {
  const [path] = useHashPath();
  const search = useHashSearch();
  const { kiosk } = useAppState();
  return (
    <ScreenBoundary location={search ? `${path}?${search}` : path} kiosk={Boolean(kiosk?.enabled)}>
      {children}
    </ScreenBoundary>
  );
}

interface Props {
  /** The route shown: a new one (a link, Back, the kiosk's idle reset) tries to render again. */
  location: string;
  kiosk: boolean;
  children: ReactNode;
}

class ScreenBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // React also reports it through the root's onCaughtError, which main.tsx leaves to this one line.
    console.error(`The screen at #${this.props.location} could not be shown:`, error, info.componentStack);
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.failed && previous.location !== this.props.location) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="sa-empty" role="alert">
        <ScreenTitle title="Page could not be shown">Page could not be shown</ScreenTitle>
        <p>
          This page could not be shown. Something in the stands folder is not what Standalone expects; the
          other pages still work.
        </p>
        <p>
          {/* The kiosk's own bar already has Back, and history.back would step outside its visit. */}
          {!this.props.kiosk && (
            <>
              <button type="button" className="sa-button" onClick={() => history.back()}>
                Back
              </button>{' '}
            </>
          )}
          <RouteLink to={to.home()} className="sa-button">
            Go to the start
          </RouteLink>
        </p>
      </section>
    );
  }
}
