// Entry of the engine's worker thread: opens the engine with the options the main thread passed and
// serves it over the thread's port, so indexing never blocks the app's window.
import { parentPort, workerData } from 'node:worker_threads';
import { openEngine } from './engine/index';
import { serveEngine, type EngineSetup } from './app/engine-rpc';

if (!parentPort) throw new Error('engine-worker must run as a worker thread.');
serveEngine(parentPort, openEngine, workerData as EngineSetup);
