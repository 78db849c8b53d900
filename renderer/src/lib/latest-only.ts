// Asks one question at a time and answers only the newest. Search as you type asks on every keystroke,
// and the engine answers in order: a question asked while another runs would only make the newest wait
// longer, and its answer would be thrown away. So a question asked meanwhile just replaces the waiting
// one, and is asked when the running one is answered.

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface LatestOnly<Q> {
  /** The question wanted now (null: none); asked at once unless another is still being answered. */
  want(question: Q | null): void;
  /** Stops reporting: answers still on their way are dropped. */
  dispose(): void;
}

/**
 * Runs `ask` for the newest wanted question, one at a time; `onAnswer` hears only the outcome of the
 * question that is still wanted when its answer arrives (`same` tells two questions apart).
 */
export function createLatestOnly<Q, R>(
  ask: (question: Q) => Promise<R>,
  same: (a: Q, b: Q) => boolean,
  onAnswer: (question: Q, outcome: Outcome<R>) => void,
): LatestOnly<Q> {
  let wanted: Q | null = null;
  let running = false;
  let disposed = false;

  const run = (question: Q): void => {
    running = true;
    const settle = (outcome: Outcome<R>) => {
      running = false;
      if (disposed || wanted === null) return;
      if (same(wanted, question)) onAnswer(question, outcome);
      else run(wanted);
    };
    let pending: Promise<R>;
    try {
      pending = ask(question);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => settle({ ok: true, value }),
      (error: unknown) => settle({ ok: false, error }),
    );
  };

  return {
    want(question) {
      if (disposed) return;
      wanted = question;
      if (question !== null && !running) run(question);
    },
    dispose() {
      disposed = true;
    },
  };
}
