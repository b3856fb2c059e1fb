/**
 * A temporal property's counterexample as a trace: the lasso found on the
 * graph (graph/temporal.ts) replayed into states, with the step where its
 * cycle starts, why the cycle is fair, and a sentence saying what never
 * happens.
 */
import type { Fingerprinter } from "./fingerprinter.js";
import type { Model } from "./model.js";
import type { History, TemporalProperty } from "./property.js";
import type { FairnessNote, TraceStep } from "./result.js";
import { pathSkeleton, type RecordedGraph } from "./graph/graph.js";
import type { Lasso } from "./graph/temporal.js";
import { rebuildTrace } from "./trace.js";

/** The lasso's steps; `loop` is the index of the step where its cycle starts. */
export function replayLasso<S, A>(model: Model<S, A>, fingerprinter: Fingerprinter<S>, graph: RecordedGraph, lasso: Lasso): { steps: TraceStep<S, A>[]; loop: number } {
  const ids = [...lasso.stem, ...lasso.cycle.slice(1)];
  const steps = rebuildTrace(model, fingerprinter, pathSkeleton(graph, ids, [...lasso.stemActions, ...lasso.cycleActions]));
  return { steps, loop: lasso.stem.length - 1 };
}

/** For each fairness constraint of the model: where the cycle takes it and where it is disabled. */
export function fairnessNotes<S, A>(model: Model<S, A>, steps: readonly TraceStep<S, A>[], loop: number): FairnessNote[] {
  const last = steps.length - 1;
  // The cycle's states: all but the last (which returns to the first), or the one state it stutters in.
  const states = loop === last ? [loop] : Array.from({ length: last - loop }, (_, k) => loop + k);
  return (model.fairness ?? []).map((f) => ({
    name: f.name,
    kind: f.kind,
    takenAt: states.map((i) => i + 1).filter((i) => i <= last && loop !== last && f.includes(steps[i]!.action as A)),
    disabledAt: states.filter((i) => !model.actions(steps[i]!.state).some((a) => f.includes(a))),
  }));
}

/** The sentence saying what never happens in the lasso, and the step it is about. */
export function lassoReason<S, A>(p: TemporalProperty<S>, steps: readonly TraceStep<S, A>[], loop: number, history: History<S, A>): string {
  const last = steps.length - 1;
  const forever = loop === last ? `from step ${loop} the behaviour stays in the same state forever` : `steps ${loop + 1}–${last} repeat forever (step ${last} returns to the state of step ${loop})`;
  const explained = (i: number): string => (p.explain ? `${p.explain(steps[i]!.state, { states: history.states.slice(0, i + 1), actions: history.actions.slice(0, i + 1) })} ` : "");
  switch (p.kind) {
    case "eventually":
      return `${explained(loop)}No state satisfying "${p.name}" is ever reached: ${forever}, and no state of the behaviour satisfies it.`;
    case "leadsTo": {
      // The trigger: the earliest state with `when` after which the response never comes.
      let trigger = loop;
      for (let i = loop; i >= 0 && !p.then(steps[i]!.state); i--) if (p.when(steps[i]!.state)) trigger = i;
      return `${explained(trigger)}"${p.name}" is triggered at step ${trigger} and its response never follows: ${forever}, and no state from step ${trigger} on has it.`;
    }
    case "convergesTo": {
      let failing = loop;
      for (let i = loop; i <= last; i++) {
        if (!p.stable(steps[i]!.state)) {
          failing = i;
          break;
        }
      }
      return `${explained(failing)}The behaviour never settles in "${p.name}": ${forever}, and the cycle passes through step ${failing}, where it does not hold.`;
    }
  }
}

/**
 * Whether a lasso through `states` (the last returning to `states[loop]`) is
 * a fair behaviour of `model` that violates `p`: the cycle closes, it is fair
 * under the model's constraints, and the property fails along it. Used to
 * judge a lasso replayed on another model.
 */
export function lassoViolates<S, A>(model: Model<S, A>, p: TemporalProperty<S>, states: readonly S[], actions: ReadonlyArray<A | null>, loop: number, sameState: (a: S, b: S) => boolean): boolean {
  const last = states.length - 1;
  if (loop > last || (loop < last && !sameState(states[last]!, states[loop]!))) return false;
  const steps = states.map((state, i) => ({ action: actions[i] ?? null, description: "", state }));
  for (const note of fairnessNotes(model, steps, loop)) {
    const cycleStates = loop === last ? 1 : last - loop;
    const fair = note.takenAt.length > 0 || (note.kind === "weak" ? note.disabledAt.length > 0 : note.disabledAt.length === cycleStates);
    if (!fair) return false;
  }
  switch (p.kind) {
    case "eventually":
      return states.every((s) => !p.reached(s));
    case "leadsTo":
      return states.some((s, i) => i <= loop && p.when(s) && !p.then(s) && states.slice(i).every((t) => !p.then(t)));
    case "convergesTo":
      return states.slice(loop).some((s) => !p.stable(s));
  }
}
