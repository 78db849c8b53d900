import { describe, expect, it } from 'vitest';
import { ASSET_CSP, appCsp } from '../../../main/app/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('appCsp', () => {
  const csp = directives(appCsp());

  it('denies by default and allows scripts only from the app itself', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('never allows eval, inline script or style, or any remote origin', () => {
    const all = appCsp();
    expect(all).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(all).not.toMatch(/https?:|\*|wss?:/);
  });

  it('allows local stand images and media through the asset protocol only', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'stand-asset:', 'data:']);
    expect(csp.get('media-src')).toEqual(["'self'", 'stand-asset:']);
  });

  it('forbids frames, plugins, forms, base changes and being framed', () => {
    for (const name of [
      'frame-src',
      'child-src',
      'object-src',
      'base-uri',
      'form-action',
      'frame-ancestors',
      'worker-src',
    ]) {
      expect(csp.get(name), name).toEqual(["'none'"]);
    }
  });

  it('adds the dev server and its hot-reload socket only in development', () => {
    const dev = directives(appCsp({ devServerOrigin: 'http://localhost:5173' }));
    expect(dev.get('script-src')).toContain('http://localhost:5173');
    expect(dev.get('connect-src')).toContain('ws://localhost:5173');
    expect(appCsp({ devServerOrigin: null })).toBe(appCsp());
  });
});

describe('ASSET_CSP', () => {
  it('sandboxes stand files and lets nothing load or run', () => {
    expect(ASSET_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
  });
});
