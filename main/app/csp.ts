// Content-Security-Policy strings. Pure, so the Chromium harness can serve the renderer under the very
// policy the app uses.
import { ASSET_SCHEME } from '../engine/types';

/**
 * The app page's policy: scripts only from the app's own bundle (no inline script, no eval), images and
 * media only from the app and the asset protocol, nothing remote of any kind, no frames, forms or plugins.
 * No inline styles either, as the page's own meta policy (renderer/index.html) says, and both apply: the
 * app sets its styles through the CSSOM (React's `style` prop), which the policy does not govern, and a
 * `style="…"` left in a stand's HTML stays inert. In development the Vite dev server's origin and its
 * hot-reload socket are added; the React refresh preamble needs one inline script and Vite's CSS
 * injection inline styles.
 */
export function appCsp(options: { devServerOrigin?: string | null } = {}): string {
  const dev = options.devServerOrigin ?? null;
  const self = dev ? `'self' ${dev}` : "'self'";
  const asset = `${ASSET_SCHEME}:`;
  const directives: [string, string][] = [
    ['default-src', "'none'"],
    ['script-src', dev ? `${self} 'unsafe-inline'` : self],
    ['style-src', dev ? `${self} 'unsafe-inline'` : self],
    ['img-src', `${self} ${asset} data:`],
    ['media-src', `${self} ${asset}`],
    ['font-src', self],
    ['connect-src', dev ? `${self} ${dev.replace(/^http/, 'ws')}` : self],
    ['manifest-src', "'none'"],
    ['worker-src', "'none'"],
    ['frame-src', "'none'"],
    ['child-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/**
 * Every file served from a stand folder gets this policy: nothing may load or run, and the document is
 * sandboxed, so an SVG or HTML file opened directly is inert.
 */
export const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
