/**
 * Rebuilding traces by replay. The state store keeps only links (parent
 * state, action index); a trace is recovered by running the model again from
 * the initial state along those indices and checking, at every step, that the
 * state reached has the fingerprint recorded during the search. A mismatch
 * means `next` (or `actions`) is not a function of the state: the model is
 * nondeterministic, and no trace from it can be trusted.
 *
 * Under symmetry reduction the search recorded representatives, whose actors
 * may be renamed from one step to the next. Replay then follows concrete
 * states instead: at each step it takes the first enabled action whose
 * successor has the recorded representative's fingerprint. The trace has the
 * same length, ends in a state symmetric to the recorded one, and names the
 * same actor consistently throughout.
 */
import type { Fingerprint } from "./fingerprint.js";
import type { Fingerprinter } from "./fingerprinter.js";
import type { Model } from "./model.js";
import type { TraceStep } from "./result.js";
import type { History } from "./property.js";

/** A trace as the search recorded it: which initial state, then which action index at each step. */
export interface TraceSkeleton {
  readonly initIndex: number;
  readonly actionIndices: readonly number[];
  /** Whether the state replay reached after step i (0: the initial state) is the one the search recorded there. */
  readonly recorded: (i: number, state: unknown) => boolean;
}

/** A skeleton whose states are checked against the fingerprints the search recorded (index 0: the initial state). */
export function skeleton<S>(fingerprinter: Fingerprinter<S>, initIndex: number, actionIndices: readonly number[], fingerprints: readonly Fingerprint[]): TraceSkeleton {
  return {
    initIndex,
    actionIndices,
    recorded: (i, state) => {
      const got = fingerprinter.fingerprint(fingerprinter.normalise(state as S));
      const want = fingerprints[i]!;
      return got.hi === want.hi && got.lo === want.lo;
    },
  };
}

/** Thrown when replay does not reproduce the recorded search. */
export class NondeterminismError extends Error {
  constructor(
    message: string,
    /** Descriptions of the steps replayed before the divergence. */
    readonly path: readonly string[],
  ) {
    super(message);
    this.name = "NondeterminismError";
  }
}

/** Rebuilds a trace from its skeleton by running the model again, checking every fingerprint on the way. */
export function rebuildTrace<S, A>(model: Model<S, A>, fingerprinter: Fingerprinter<S>, skeleton: TraceSkeleton): TraceStep<S, A>[] {
  const inits = model.initStates();
  const init = inits[skeleton.initIndex];
  const path: string[] = [];
  if (init === undefined) {
    throw new NondeterminismError(
      `The model is nondeterministic: the search recorded initial state #${skeleton.initIndex}, but initStates() now returns only ${inits.length}.`,
      path,
    );
  }
  const same = (s: S, i: number): boolean => skeleton.recorded(i, s);
  let state = init;
  if (!same(state, 0)) throw diverged("the initial state", path);
  const steps: TraceStep<S, A>[] = [{ action: null, description: "initial state", state }];
  skeleton.actionIndices.forEach((k, i) => {
    const want = i + 1;
    const actions = model.actions(state);
    let action: A | undefined;
    let after: S | undefined;
    if (fingerprinter.symmetric) {
      for (const a of actions) {
        const candidate = model.next(state, a);
        if (same(candidate, want)) {
          action = a;
          after = candidate;
          break;
        }
      }
      if (action === undefined) throw diverged(`step ${i + 1}`, path);
    } else {
      action = actions[k];
      if (action === undefined) {
        throw new NondeterminismError(
          `The model is nondeterministic: at step ${i + 1} the search took action #${k}, but actions() now offers only ${actions.length} action(s) in the same state.`,
          path,
        );
      }
      after = model.next(state, action);
    }
    const description = describeAction(model, action, state, after!);
    path.push(description);
    if (!same(after!, want)) throw diverged(`step ${i + 1} (${description})`, path);
    steps.push({ action, description, state: after! });
    state = after!;
  });
  return steps;
}

/** The model's description of an action, or its JSON when the model gives none. */
export function describeAction<S, A>(model: Model<S, A>, action: A, before: S, after: S): string {
  return model.describe ? model.describe(action, before, after) : JSON.stringify(action);
}

function diverged(where: string, path: readonly string[]): NondeterminismError {
  return new NondeterminismError(
    `The model is nondeterministic: replaying the search, ${where} produced a different state than during the search. ` +
      "next() and actions() must depend only on their arguments (no randomness, clocks, counters or mutation of shared data).",
    path,
  );
}

/** The states and actions of a trace, for explanations and annotations. */
export function historyOf<S, A>(steps: readonly TraceStep<S, A>[]): History<S, A> {
  return { states: steps.map((s) => s.state), actions: steps.map((s) => s.action) };
}
