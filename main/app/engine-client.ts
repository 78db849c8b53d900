// The main thread's handle on the engine. The engine runs in a worker thread so indexing never freezes the
// window; tests and the Chromium harness run the same RPC against an in-process engine instead.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { IndexOutcome, Queries } from '../engine/api';
import {
  serveEngine,
  type ControlMethod,
  type EngineEvent,
  type EngineMethod,
  type EngineSetup,
  type OpenEngine,
  type PortLike,
  type RpcMessage,
  type RpcRequest,
  type WorkerQuery,
} from './engine-rpc';
import type { Collection, ListedProblem } from '../engine/types';
import { holdWatcherLibrary } from '../engine/watch';

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** Every query of the engine, asynchronously, plus its commands and a subscription to its events. */
export type EngineClient = { [K in keyof Queries]: Async<Queries[K]> } & {
  indexFolder(root: string): Promise<IndexOutcome>;
  reindex(collection: string): Promise<IndexOutcome>;
  removeCollection(collection: string): Promise<void>;
  renameCollection(collection: string, name: string): Promise<Collection>;
  /** The pictures of a collection's published stands the app will not draw, looked at on the engine's thread. */
  listPictureProblems(collection: string): Promise<ListedProblem[]>;
  /** Starts the engine's folder watching; changes arrive as `change` events. */
  startWatching(): Promise<void>;
  stopWatching(): Promise<void>;
  /** Notices from opening the store. */
  notices(): Promise<string[]>;
  /** Subscribes to progress, change and error events; returns the unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  close(): Promise<void>;
};

export type EngineSource =
  /**
   * The built app: `out/main/engine-worker.js`, which opens the engine with `setup` in a worker thread.
   * `fallback` opens the engine in-process when the worker cannot start at all (it never answered), so a
   * platform that refuses the worker still gets a working app, only without the off-thread indexing.
   */
  | { workerPath: string; setup: EngineSetup; fallback?: () => Promise<OpenEngine> }
  /** In-process (tests, the Chromium harness): the same RPC over a MessageChannel, so results are copies. */
  | { open: OpenEngine; setup: EngineSetup };

interface Transport {
  port: PortLike;
  /** Resolves when the transport dies on its own (a crashed worker), with the reason. */
  died: Promise<string>;
  terminate(): Promise<void>;
}

function startTransport(source: EngineSource, open: OpenEngine | null): Transport {
  if (open) return inProcess(open, source.setup);
  if ('workerPath' in source) {
    // Kept loaded here, so that a worker started again after a crash can load it too.
    void holdWatcherLibrary();
    const worker = new Worker(source.workerPath, { workerData: source.setup });
    const died = new Promise<string>((resolve) => {
      worker.once('error', (error) => resolve(`The indexing engine failed: ${error.message}`));
      worker.once('exit', (code) => resolve(`The indexing engine stopped (exit code ${code}).`));
    });
    return {
      port: worker,
      died,
      terminate: async () => {
        await worker.terminate();
      },
    };
  }
  return inProcess(source.open, source.setup);
}

function inProcess(open: OpenEngine, setup: EngineSetup): Transport {
  const channel = new MessageChannel();
  serveEngine(channel.port2, open, setup);
  return {
    port: channel.port1,
    died: new Promise<string>(() => undefined),
    terminate: async () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/** Starts the engine (in a worker or in-process) and returns its client. A crashed worker restarts on the next call. */
export function createEngineClient(source: EngineSource): EngineClient {
  let transport: Transport | null = null;
  let nextId = 1;
  let watching = false;
  let closed = false;
  const pending = new Map<
    number,
    { request: RpcRequest; resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  // Set once the worker could not start and the engine runs in-process instead.
  let fallbackOpen: OpenEngine | null = null;
  const listeners = new Set<(event: EngineEvent) => void>();

  const emit = (event: EngineEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // One failing listener must not keep the others from hearing about a change.
      }
    }
  };

  const connect = (): Transport => {
    if (transport) return transport;
    const current = startTransport(source, fallbackOpen);
    transport = current;
    let answered = false;
    current.port.on('message', (raw) => {
      answered = true;
      const message = raw as RpcMessage;
      if ('event' in message) return emit(message.event);
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
    });
    void current.died.then((reason) => {
      if (transport !== current) return;
      transport = null;
      if (!answered && !fallbackOpen && 'workerPath' in source && source.fallback && !closed) {
        const loadOpen = source.fallback;
        fallbackOpen = async (options) => (await loadOpen())(options);
        emit({
          type: 'error',
          message: `${reason} Indexing now runs in the app itself; large folders may pause it briefly.`,
        });
        // Nothing was answered: send every waiting request again, to the in-process engine.
        const { port } = connect();
        for (const { request } of pending.values()) port.postMessage(request);
        if (watching) void call('startWatching', []).catch(() => undefined);
        return;
      }
      for (const [id, waiter] of pending) {
        pending.delete(id);
        waiter.reject(new Error(reason));
      }
      if (!closed) emit({ type: 'error', message: `${reason} It restarts on the next request.` });
      if (watching && !closed) {
        // Keep live updates alive across a restart.
        void call('startWatching', []).catch(() => undefined);
      }
    });
    return current;
  };

  const call = (method: EngineMethod | WorkerQuery | ControlMethod, args: unknown[]): Promise<never> => {
    if (closed) return Promise.reject(new Error('The engine is closed.'));
    const { port } = connect();
    const id = nextId++;
    const request: RpcRequest = { id, method, args };
    return new Promise((resolve, reject) => {
      pending.set(id, { request, resolve: resolve as (value: unknown) => void, reject });
      try {
        port.postMessage(request);
      } catch (error) {
        pending.delete(id);
        reject(error as Error);
      }
    });
  };

  const method =
    (name: EngineMethod) =>
    (...args: unknown[]) =>
      call(name, args);

  return {
    listCollections: method('listCollections'),
    getCollection: method('getCollection'),
    listThemes: method('listThemes'),
    getTheme: method('getTheme'),
    listStands: method('listStands'),
    listAllStands: method('listAllStands'),
    getStand: method('getStand'),
    getPage: method('getPage'),
    search: method('search'),
    listProblems: method('listProblems'),
    getAsset: method('getAsset'),
    indexFolder: method('indexFolder'),
    reindex: method('reindex'),
    removeCollection: method('removeCollection'),
    renameCollection: method('renameCollection'),
    listPictureProblems: (collection: string) => call('listPictureProblems', [collection]),
    startWatching: async () => {
      watching = true;
      await call('startWatching', []);
    },
    stopWatching: async () => {
      watching = false;
      await call('stopWatching', []);
    },
    notices: () => call('notices', []),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      try {
        if (transport) await call('close', []);
      } catch {
        // Closing a dead engine is not an error.
      } finally {
        closed = true;
        const current = transport;
        transport = null;
        await current?.terminate();
        listeners.clear();
      }
    },
  } as EngineClient;
}
