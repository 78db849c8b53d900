// Stands in for `electron` when the real preload (preload/index.ts) is bundled for the Chromium harness.
// `contextBridge.exposeInMainWorld` sets a frozen, non-writable global; `ipcRenderer.invoke` forwards to
// the harness's `__standaloneInvoke` binding, which calls the real main-process handlers in Node; events
// the harness pushes arrive through `__standaloneEmit`.
type Listener = (event: unknown, ...args: unknown[]) => void;

interface HarnessWindow {
  __standaloneInvoke?: (channel: string, args: unknown[]) => Promise<unknown>;
}

const listeners = new Map<string, Set<Listener>>();
const invoke = (window as unknown as HarnessWindow).__standaloneInvoke;

export const contextBridge = {
  exposeInMainWorld(key: string, value: unknown): void {
    Object.defineProperty(window, key, {
      value: Object.freeze(value),
      writable: false,
      configurable: false,
      enumerable: true,
    });
  },
};

export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    if (!invoke) return Promise.reject(new Error('The harness binding is missing.'));
    // The harness answers with JSON text (see harness.ts). Each call is measured (performance
    // entries named `ipc <channel>`), so the bench can tell the harness's transport from the renderer.
    const start = performance.now();
    return invoke(channel, args).then((text) => {
      const value = JSON.parse(text as string) as unknown;
      performance.measure(`ipc ${channel}`, { start, end: performance.now() });
      return value;
    });
  },
  on(channel: string, listener: Listener): void {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
  },
  removeListener(channel: string, listener: Listener): void {
    listeners.get(channel)?.delete(listener);
  },
};

Object.defineProperty(window, '__standaloneEmit', {
  value: (channel: string, data: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, data);
  },
  enumerable: false,
});

export default { contextBridge, ipcRenderer };
