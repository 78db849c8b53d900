// The bridge: one frozen `window.api` whose methods are derived from the contract's channel table. The page
// never sees ipcRenderer, an IPC event object or anything of Electron's.
import { contextBridge, ipcRenderer } from 'electron';
import {
  EVENT_CHANNEL,
  methodChannels,
  type AppEvent,
  type RequestMethod,
  type StandaloneApi,
} from './contract';
import { unwrapIpcResult } from './ipc-result';

/** The part of ipcRenderer the bridge uses (the Chromium harness supplies its own). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Builds the API object from the contract: one method per request channel, plus `onEvent`. */
export function buildApi(ipc: IpcRendererLike): StandaloneApi {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(methodChannels) as [RequestMethod, string][]) {
    api[method] = async (...args: unknown[]) => unwrapIpcResult(await ipc.invoke(channel, ...args), channel);
  }
  api.onEvent = (listener: (event: AppEvent) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function.');
    // Only the event's data reaches the page, never Electron's event object (it carries `sender`).
    const forward = (_event: unknown, data: unknown) => listener(data as AppEvent);
    ipc.on(EVENT_CHANNEL, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(EVENT_CHANNEL, forward);
    };
  };
  return Object.freeze(api) as unknown as StandaloneApi;
}

contextBridge.exposeInMainWorld('api', buildApi(ipcRenderer as unknown as IpcRendererLike));
