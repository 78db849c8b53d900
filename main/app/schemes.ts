// The app's two schemes and their privileges. Electron takes this list once, before the app is ready.
import type { CustomScheme } from 'electron';
import { ASSET_SCHEME } from '../engine/types';
import { APP_SCHEME } from './app-protocol';

/** Passed to `protocol.registerSchemesAsPrivileged` before `app.whenReady()`. */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    // Standard + secure give the bundle a stable origin for 'self' and module scripts.
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
  {
    scheme: ASSET_SCHEME,
    // Stream lets <video> seek through range requests; nothing else: no fetch, no CORS, no CSP bypass.
    privileges: { standard: true, secure: true, stream: true },
  },
];
