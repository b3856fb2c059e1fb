/**
 * Model-based random testing of an implementation: random walks of the
 * model (fast-check draws the choices, seeded), each run on the model and on
 * the implementation with states compared after every step. A walk that
 * diverges is shrunk by fast-check to the shortest action sequence that still
 * diverges.
 */
import fc from "fast-check";
import type { Model } from "../model.js";
import { itfAction } from "../itf/write.js";
import type { TraceStep } from "../result.js";
import { describeAction } from "../trace.js";
import type { ImplementationSession, ItfAction } from "./implementation.js";
import { conform, type ConformOutcome } from "./run.js";

/** How many walks, how long, from which seed. */
export interface RandomConformOptions {
  readonly runs: number;
  readonly maxSteps: number;
  readonly seed: number;
}

/** A walk of the model: its steps, and its actions as ITF. */
export interface Walk<S, A> {
  readonly steps: TraceStep<S, A>[];
  readonly itfActions: ItfAction[];
}

/** What the walks found. */
export interface RandomConformResult<S, A> {
  readonly runs: number;
  /** Actions taken over every walk, shrinking's included. */
  readonly steps: number;
  /** The shortest diverging walk found, with its conformance run; null if every walk matched. */
  readonly divergence: { readonly walk: Walk<S, A>; readonly outcome: ConformOutcome } | null;
}

/** The walk that `choices` pick: at each step the enabled action `choice mod count`, until none is enabled. */
export function walkOf<S, A>(model: Model<S, A>, choices: readonly number[]): Walk<S, A> {
  let state: S = model.initStates()[0]!;
  const steps: TraceStep<S, A>[] = [{ action: null, description: "initial state", state }];
  const itfActions: ItfAction[] = [];
  for (const choice of choices) {
    const enabled = model.actions(state);
    if (enabled.length === 0) break;
    const action = enabled[choice % enabled.length]!;
    const after = model.next(state, action);
    steps.push({ action, description: describeAction(model, action, state, after), state: after });
    itfActions.push(itfAction(model, action));
    state = after;
  }
  return { steps, itfActions };
}

/** Runs `options.runs` random walks of `model` on `session`. */
export async function randomConform<S, A>(model: Model<S, A>, session: ImplementationSession, options: RandomConformOptions): Promise<RandomConformResult<S, A>> {
  let steps = 0;
  const run = async (choices: number[]) => {
    const walk = walkOf(model, choices);
    steps += walk.itfActions.length;
    const outcome = await conform(
      model,
      walk.steps.map((s) => s.state),
      walk.steps.slice(1).map((s) => s.action!),
      walk.itfActions,
      session,
    );
    return { walk, outcome };
  };
  const details = await fc.check(
    fc.asyncProperty(fc.array(fc.nat({ max: 1023 }), { minLength: 1, maxLength: options.maxSteps, size: "max" }), async (choices) => (await run(choices)).outcome.matched),
    { numRuns: options.runs, seed: options.seed },
  );
  if (!details.failed) return { runs: details.numRuns, steps, divergence: null };
  // The shrunk walk, run once more for its report. If it matches, the walk failed by throwing: that is the error.
  const divergence = details.counterexample ? await run(details.counterexample[0]) : null;
  if (!divergence || divergence.outcome.matched) throw details.errorInstance ?? new Error("the random walks failed without a counterexample");
  return { runs: details.numRuns, steps, divergence };
}
