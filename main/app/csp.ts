// Content-Security-Policy strings. Pure, so the Chromium harness can serve the renderer under the very
// policy the app uses.
import { ASSET_SCHEME } from '../engine/types';

/**
 * The app page's policy: scripts only from the app's own bundle (no inline script, no eval), images and
 * media only from the app and the asset protocol, nothing remote of any kind, no frames, forms or plugins.
 * Inline styles stay allowed because stands' sanitized HTML uses `style="…"` for layout; DOMPurify strips
 * any style that could load something, and img-src/font-src keep `url()` local anyway.
 * In development the Vite dev server's origin and its hot-reload socket are added, and the React refresh
 * preamble needs one inline script.
 */
export function appCsp(options: { devServerOrigin?: string | null } = {}): string {
  const dev = options.devServerOrigin ?? null;
  const self = dev ? `'self' ${dev}` : "'self'";
  const asset = `${ASSET_SCHEME}:`;
  const directives: [string, string][] = [
    ['default-src', "'none'"],
    ['script-src', dev ? `${self} 'unsafe-inline'` : self],
    ['style-src', `${self} 'unsafe-inline'`],
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
