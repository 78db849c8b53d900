// A small typed RPC between the app's main thread and the engine, over anything that posts messages
// (a worker thread's port, or one end of an in-process MessageChannel). Plain Node: no electron here.
import type { Engine, EngineOptions, IndexOutcome } from '../engine/api';
import { StoreInUseError } from '../engine/errors';
import type { IndexProgress } from '../engine/types';
import { listPictureProblems } from './picture-problems';

/** Engine methods the client may call; anything else is refused by the server. */
export const ENGINE_METHODS = [
  'listCollections',
  'getCollection',
  'listThemes',
  'getTheme',
  'listStands',
  'listAllStands',
  'getStand',
  'getPage',
  'search',
  'listProblems',
  'getAsset',
  'indexFolder',
  'reindex',
  'removeCollection',
  'renameCollection',
] as const satisfies readonly (keyof Engine)[];
export type EngineMethod = (typeof ENGINE_METHODS)[number];

const WRITE_METHODS: ReadonlySet<string> = new Set([
  'indexFolder',
  'reindex',
  'removeCollection',
  'renameCollection',
]);

/**
 * Work the engine's thread does over the engine's queries, beside them: it reads files (every picture of
 * an edition), so it must not run on the app's main thread. Answered as queries are, not queued behind
 * writes; each pauses now and then so that the other requests are answered meanwhile.
 */
export const WORKER_QUERIES = { listPictureProblems } as const;
export type WorkerQuery = keyof typeof WORKER_QUERIES;

/** Control calls that are not plain engine methods. */
export const CONTROL_METHODS = ['startWatching', 'stopWatching', 'notices', 'close'] as const;
export type ControlMethod = (typeof CONTROL_METHODS)[number];

export type RpcRequest = { id: number; method: EngineMethod | WorkerQuery | ControlMethod; args: unknown[] };
export type RpcResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };
export type EngineEvent =
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'change'; outcome: IndexOutcome }
  | { type: 'error'; message: string }
  | { type: 'warning'; message: string };
export type RpcMessage = RpcResponse | { event: EngineEvent };

/** The side of a port the RPC needs: worker_threads' MessagePort and parentPort both fit. */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off?(event: 'message', listener: (message: unknown) => void): unknown;
  close?(): void;
}

export type OpenEngine = (options: EngineOptions) => Engine | Promise<Engine>;

/** Serializable engine options (no callbacks): what the worker receives as workerData. */
export type EngineSetup = Omit<EngineOptions, 'onProgress' | 'onStoreLost' | 'onStoreWriteFailed'>;

/** How often the app tries again to open a store another writer holds. */
export const STORE_RETRY_MS = 2000;

/** What the app says while `standalone index` (or another copy of the app) holds its store. */
export function storeInUseMessage(dbFile: string | null): string {
  return `Standalone is waiting for its store ${dbFile ?? ''}: a \`standalone index\` run, or another copy of Standalone using the same data folder, is writing it. Nothing was changed. Standalone opens it by itself as soon as that has finished, or has stopped.`;
}

function isRequest(message: unknown): message is RpcRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return typeof m.id === 'number' && typeof m.method === 'string' && Array.isArray(m.args);
}

/**
 * Serves one engine on a port: opens it with `setup`, answers requests in order of arrival, forwards
 * progress and watch changes as events. Returns once the port is listening.
 */
export function serveEngine(port: PortLike, open: OpenEngine, setup: EngineSetup): void {
  const post = (message: RpcMessage) => port.postMessage(message);
  // Set by a close that comes while the store is still held by another writer: stop waiting for it.
  let closing = false;
  const closedWhileWaiting = (cause: unknown) =>
    new Error('The engine was closed before its store could be opened.', { cause });
  let wake = null as (() => void) | null;
  const openEngine = () =>
    open({
      ...setup,
      onProgress: (progress) => post({ event: { type: 'progress', progress } }),
      onStoreLost: (message) => post({ event: { type: 'error', message } }),
      onStoreWriteFailed: (message) => post({ event: { type: 'warning', message } }),
    });
  // A store another writer holds (an organiser's `standalone index` run, or a copy of the app that
  // stopped abruptly, whose hold is taken over once it is seen to be gone) is waited for, not given
  // up on: a kiosk that restarts after a crash opens by itself. Requests wait with it; the renderer is
  // told why once.
  const engineReady = (async () => {
    for (let told = false; ; told = true) {
      try {
        return await openEngine();
      } catch (error) {
        if (!(error instanceof StoreInUseError)) throw error;
        if (closing) throw closedWhileWaiting(error);
        if (!told) post({ event: { type: 'warning', message: storeInUseMessage(setup.dbFile) } });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, STORE_RETRY_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (closing) throw closedWhileWaiting(error);
      }
    }
  })();
  // An engine that cannot open answers every request with the reason, rather than hanging.
  engineReady.catch(() => undefined);
  let stopWatching: (() => Promise<void>) | null = null;
  // Commands that write the store run one at a time, in order; queries answer at once.
  let writes: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = writes.then(task, task);
    writes = run.catch(() => undefined);
    return run;
  };

  const control = async (engine: Engine, method: ControlMethod): Promise<unknown> => {
    switch (method) {
      case 'startWatching':
        if (!stopWatching) {
          stopWatching = await engine.watch(
            (outcome) => post({ event: { type: 'change', outcome } }),
            (message) => post({ event: { type: 'warning', message } }),
          );
        }
        return undefined;
      case 'stopWatching': {
        const stop = stopWatching;
        stopWatching = null;
        await stop?.();
        return undefined;
      }
      case 'notices':
        return [...engine.notices];
      case 'close': {
        const stop = stopWatching;
        stopWatching = null;
        await stop?.();
        await engine.close();
        return undefined;
      }
    }
  };

  port.on('message', (message) => {
    if (!isRequest(message)) return;
    const { id, method, args } = message;
    if (method === 'close') {
      // Quitting while still waiting for the store: stop waiting (an engine already open is closed below).
      closing = true;
      wake?.();
    }
    void (async () => {
      try {
        const engine = await engineReady;
        let value: unknown;
        if ((CONTROL_METHODS as readonly string[]).includes(method)) {
          value = await serialized(() => control(engine, method as ControlMethod));
        } else if ((ENGINE_METHODS as readonly string[]).includes(method)) {
          const fn = engine[method as EngineMethod] as (...a: unknown[]) => unknown;
          const call = async () => fn.apply(engine, args);
          value = WRITE_METHODS.has(method) ? await serialized(call) : await call();
        } else if (Object.hasOwn(WORKER_QUERIES, method)) {
          const query = WORKER_QUERIES[method as WorkerQuery] as (e: Engine, ...a: unknown[]) => unknown;
          value = await query(engine, ...args);
        } else {
          throw new Error(`Unknown engine method "${String(method)}".`);
        }
        post({ id, ok: true, value });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        post({ id, ok: false, error: { name: e.name, message: e.message } });
      }
    })();
  });
}
