// The tests of the app's entry (main/index.ts) run it against fake engines: the worker bundle the app
// starts does not exist in the sources. Each test file mocks engine-client with this module, which runs
// the same RPC against a fake engine in-process and keeps every engine made in `engines`.
import type * as EngineClientModule from '../../../main/app/engine-client';
import { createFakeEngine, type FakeEngine } from './fake-engine';

export function fakeEngineClientModule(
  original: typeof EngineClientModule,
  engines: FakeEngine[],
  /** Changes a fake engine before the app uses it (an index that never ends, …). */
  adapt?: (engine: FakeEngine) => void,
): typeof EngineClientModule {
  return {
    ...original,
    createEngineClient: () =>
      original.createEngineClient({
        open: (options) => {
          const engine = createFakeEngine(options);
          adapt?.(engine);
          engines.push(engine);
          return engine;
        },
        setup: { dbFile: null },
      }),
  };
}
