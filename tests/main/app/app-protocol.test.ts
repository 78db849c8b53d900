import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createAppBundleHandler, resolveAppRequest } from '../../../main/app/app-protocol';
import { appCsp } from '../../../main/app/csp';
import { PRIVILEGED_SCHEMES } from '../../../main/app/schemes';

let tmp: string;
let dir: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'standalone-bundle-'));
  dir = join(tmp, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="./assets/index.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'index.css'), 'body{}');
  writeFileSync(join(dir, 'assets', 'payload.exe'), 'MZ');
  writeFileSync(join(tmp, 'secret.js'), 'outside');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the app bundle protocol', () => {
  it('serves the page under the app CSP', async () => {
    const response = await createAppBundleHandler(dir)(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(appCsp());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts and styles with their types', async () => {
    expect(await resolveAppRequest('standalone-app://app/assets/index.js', dir)).toMatchObject({
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(await resolveAppRequest('standalone-app://app/assets/index.css', dir)).toMatchObject({
      contentType: 'text/css; charset=utf-8',
    });
    expect(await resolveAppRequest('standalone-app://app/', dir)).toMatchObject({
      path: expect.stringMatching(/index\.html$/),
    });
  });

  it.each([
    'standalone-app://app/../secret.js',
    'standalone-app://app/%2e%2e/secret.js',
    'standalone-app://app/assets%2f..%2f..%2fsecret.js',
    'standalone-app://app/assets/payload.exe',
    'standalone-app://other/index.html',
    'stand-asset://app/index.html',
    'standalone-app://app/missing.js',
  ])('refuses %s', async (url) => {
    expect(await resolveAppRequest(url, dir)).toBeNull();
  });
});

describe('PRIVILEGED_SCHEMES', () => {
  it('registers the bundle and asset schemes as standard and secure, without CSP bypass', () => {
    const byName = new Map(PRIVILEGED_SCHEMES.map((s) => [s.scheme, s.privileges ?? {}]));
    expect(byName.get('standalone-app')).toMatchObject({ standard: true, secure: true });
    expect(byName.get('stand-asset')).toMatchObject({ standard: true, secure: true, stream: true });
    for (const privileges of byName.values()) {
      expect(privileges.bypassCSP).toBeFalsy();
      expect(privileges.allowServiceWorkers).toBeFalsy();
    }
    expect(byName.get('stand-asset')!.supportFetchAPI).toBeFalsy();
    expect(byName.get('stand-asset')!.corsEnabled).toBeFalsy();
  });
});
