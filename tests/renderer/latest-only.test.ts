// Search as you type asks one question at a time and shows only the newest answer.
import { describe, expect, it } from 'vitest';
import { createLatestOnly, type Outcome } from '../../renderer/src/lib/latest-only';

/** An `ask` whose answers the test releases by hand, in any order. */
function controlledAsk() {
  const asked: string[] = [];
  const waiting = new Map<string, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  return {
    asked,
    ask: (q: string) =>
      new Promise<string>((resolve, reject) => {
        asked.push(q);
        waiting.set(q, { resolve, reject });
      }),
    async answer(q: string) {
      waiting.get(q)!.resolve(`answer to ${q}`);
      waiting.delete(q);
      await new Promise((r) => setTimeout(r, 0));
    },
    async fail(q: string) {
      waiting.get(q)!.reject(new Error(`no ${q}`));
      waiting.delete(q);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

const same = (a: string, b: string) => a === b;

/** A latest-only runner over a controlled `ask`: the questions it reported (`heard`) and their outcomes. */
function latestOverControlledAsk() {
  const engine = controlledAsk();
  const heard: string[] = [];
  const outcomes: Outcome<string>[] = [];
  const latest = createLatestOnly(engine.ask, same, (q, o) => {
    heard.push(q);
    outcomes.push(o);
  });
  return { engine, heard, outcomes, latest };
}

describe('createLatestOnly', () => {
  it('asks at once when nothing runs, and reports the answer', async () => {
    const { engine, heard, outcomes, latest } = latestOverControlledAsk();
    latest.want('kernel');
    expect(engine.asked).toEqual(['kernel']);
    await engine.answer('kernel');
    expect(heard).toEqual(['kernel']);
    expect(outcomes).toEqual([{ ok: true, value: 'answer to kernel' }]);
  });

  it('never asks the texts typed while a search runs, only the newest, and drops the stale answer', async () => {
    const { engine, heard, latest } = latestOverControlledAsk();
    latest.want('k');
    latest.want('ke');
    latest.want('ker');
    latest.want('kern');
    expect(engine.asked).toEqual(['k']);
    await engine.answer('k');
    expect(engine.asked).toEqual(['k', 'kern']);
    expect(heard).toEqual([]);
    await engine.answer('kern');
    expect(heard).toEqual(['kern']);
  });

  it('shows the running answer when the text came back to it, and asks nothing once the box is empty', async () => {
    const { engine, heard, latest } = latestOverControlledAsk();
    latest.want('solar');
    latest.want('solar g');
    latest.want('solar');
    await engine.answer('solar');
    expect(engine.asked).toEqual(['solar']);
    expect(heard).toEqual(['solar']);

    latest.want('garden');
    latest.want(null);
    await engine.answer('garden');
    expect(engine.asked).toEqual(['solar', 'garden']);
    expect(heard).toEqual(['solar']);
  });

  it('reports a failure of the newest question, not of a stale one', async () => {
    const { engine, heard, outcomes, latest } = latestOverControlledAsk();
    latest.want('a');
    latest.want('ab');
    await engine.fail('a');
    expect(heard).toEqual([]);
    await engine.fail('ab');
    expect(heard).toEqual(['ab']);
    expect(outcomes).toEqual([{ ok: false, error: new Error('no ab') }]);
  });

  it('keeps going after an ask that throws at once, and reports nothing once disposed', async () => {
    const heard: string[] = [];
    let calls = 0;
    const latest = createLatestOnly(
      (q: string) => {
        calls++;
        if (q === 'boom') throw new Error('thrown');
        return Promise.resolve(q);
      },
      same,
      (q, o) => heard.push(`${q}:${o.ok}`),
    );
    latest.want('boom');
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toEqual(['boom:false']);
    latest.want('fine');
    latest.dispose();
    await new Promise((r) => setTimeout(r, 0));
    latest.want('later');
    expect(calls).toBe(2);
    expect(heard).toEqual(['boom:false']);
  });
});
