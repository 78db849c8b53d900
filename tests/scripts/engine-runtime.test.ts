// The engine runs with a larger young generation than Node's default wherever it runs: the app's
// worker (as a resource limit), the command line and the bench (as Node's flag). One number for all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineWorkerOptions } from '../../main/app/engine-client';
import { ENGINE_SEMI_SPACE_MB } from '../../main/engine/limits';

const flag = `--max-semi-space-size=${ENGINE_SEMI_SPACE_MB}`;

describe("the engine's young generation", () => {
  it('is given to the app engine worker as a resource limit (two semi-spaces and a large-object space)', () => {
    const options = engineWorkerOptions({ dbFile: '/tmp/store.json' });
    expect(options.resourceLimits?.maxYoungGenerationSizeMb).toBe(3 * ENGINE_SEMI_SPACE_MB);
    expect(options.workerData).toEqual({ dbFile: '/tmp/store.json' });
  });

  it('is the flag the command line starts Node with, and the one the bench measures with', async () => {
    expect(readFileSync(new URL('../../bin/standalone.js', import.meta.url), 'utf8')).toContain(`'${flag}'`);
    const { ENGINE_NODE_FLAGS } = (await import('../../scripts/bench/engine.mjs')) as {
      ENGINE_NODE_FLAGS: string[];
    };
    expect(ENGINE_NODE_FLAGS).toEqual([flag]);
  });
});
