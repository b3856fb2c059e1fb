/**
 * Replaying a trace on another model: the same actions, in order, on (say) a
 * fixed variant of the protocol. At each step the action is looked up among
 * the target's enabled actions by value; the replay reports the first step
 * where it is not enabled (and why, if the model says), every step whose
 * effect differs from the original, and whether the property still fails at
 * the end.
 */
import { checkSync } from "./check.js";
import { canonicalKey } from "./fingerprint.js";
import type { Model } from "./model.js";
import { isTemporal, sometimes, type Property } from "./property.js";
import { lassoViolates } from "./lasso.js";
import { diffViews, viewOf, type Change } from "./report/view.js";
import { describeAction } from "./trace.js";

/** One replayed step. */
export interface ReplayedStep {
  /** Step number (1 = the first action). */
  readonly n: number;
  /** The action as the original trace described it. */
  readonly original: string;
  /**
   * `same`: enabled, same resulting state; `different`: enabled, and the
   * action changes other things than it did in the trace; `carried`: it
   * changes the same things, but the state it started from already differed
   * (since `since`); `blocked`: not enabled.
   */
  readonly status: "same" | "different" | "carried" | "blocked";
  /** For `carried`: the step whose different effect the state still shows. */
  readonly since: number | null;
  /** The action as the target describes it (null when blocked). */
  readonly description: string | null;
  /** Rows whose value differs between the original state and the target's, after this step. */
  readonly differences: readonly Change[];
  /** Why the action is not enabled (blocked steps only). */
  readonly reason: string | null;
}

/** The replay of a whole trace. */
export interface ReplayOutcome<S> {
  readonly steps: readonly ReplayedStep[];
  /** Step number at which the trace could not continue, or null if every action was enabled. */
  readonly blockedAt: number | null;
  /** The last state reached on the target. */
  readonly finalState: S;
  /** Whether the property fails at the end on the target (null without a property, or if blocked). */
  readonly stillViolated: boolean | null;
}

/**
 * Replays `actions` (taken from a trace through `states`) on `target`,
 * judging `property` at the end; for a lasso (`loop`, the step its cycle
 * starts at), whether the replayed lasso is still a fair violation.
 */
export function replayOn<S, A>(target: Model<S, A>, states: readonly S[], actions: readonly A[], property?: Property<S, A>, loop?: number): ReplayOutcome<S> {
  const init = initialStateLike(target, states[0]!);
  let state: S = init;
  let previous: S = init;
  let lastAction: A | null = null;
  const steps: ReplayedStep[] = [];
  let lastDifferent: number | null = null;
  // The states and actions of the replayed trace (the action leading into each state; none into the first).
  const visited: S[] = [init];
  const taken: Array<A | null> = [null];
  for (let i = 0; i < actions.length; i++) {
    const action = enabledLike(target, state, actions[i]!);
    const original = states[i + 1]!;
    if (action === undefined) {
      steps.push({
        n: i + 1,
        original: JSON.stringify(actions[i]),
        status: "blocked",
        description: null,
        differences: [],
        reason: target.whyDisabled?.(state, actions[i]!) ?? null,
        since: null,
      });
      return { steps, blockedAt: i + 1, finalState: state, stillViolated: null };
    }
    const after = target.next(state, action);
    const differences = diffViews(viewOf(target, original), viewOf(target, after));
    // The same effect is the same rows changed to the same values, whatever the state it started from.
    const sameEffect = effect(target, states[i]!, original) === effect(target, state, after);
    const status = differences.length === 0 ? "same" : sameEffect ? "carried" : "different";
    if (status === "different") lastDifferent = i + 1;
    steps.push({
      n: i + 1,
      original: JSON.stringify(actions[i]),
      status,
      description: describeAction(target, action, state, after),
      differences,
      reason: null,
      since: status === "carried" ? lastDifferent : null,
    });
    previous = state;
    state = after;
    lastAction = action;
    visited.push(after);
    taken.push(action);
  }
  if (property && isTemporal(property)) {
    const same = (a: S, b: S): boolean => (target.key ? target.key(a) === target.key(b) : canonicalKey(a) === canonicalKey(b));
    return { steps, blockedAt: null, finalState: state, stillViolated: lassoViolates(target, property, visited, taken, loop ?? visited.length - 1, same) };
  }
  return { steps, blockedAt: null, finalState: state, stillViolated: property ? fails(target, property, previous, lastAction, state) : null };
}

/** The target's initial state equal to a trace's first state, or, when it has none, its first. */
export function initialStateLike<S, A>(target: Model<S, A>, first: S): S {
  const key = canonicalKey(first);
  return target.initStates().find((s) => canonicalKey(s) === key) ?? target.initStates()[0]!;
}

/** The action equal to `action` among those `target` enables in `state`, or undefined if it enables none. */
export function enabledLike<S, A>(target: Model<S, A>, state: S, action: A): A | undefined {
  const wanted = canonicalKey(action);
  return target.actions(state).find((a) => canonicalKey(a) === wanted);
}

// What a step changed, as a comparable key: each changed row and its new value.
function effect<S, A>(model: Model<S, A>, before: S, after: S): string {
  return JSON.stringify(diffViews(viewOf(model, before), viewOf(model, after)).map((c) => [c.label, c.after]));
}

function fails<S, A>(target: Model<S, A>, p: Property<S, A>, before: S, action: A | null, state: S): boolean {
  switch (p.kind) {
    case "always":
      return !p.holds(state);
    case "step":
      return action !== null && !p.holds(before, action, state);
    case "sometimes":
      return !p.reached(state);
    case "eventually":
    case "leadsTo":
    case "convergesTo":
      throw new Error("internal error: temporal properties are judged on the whole lasso");
    case "recoverable": {
      // Stuck iff no goal state is reachable from here: search from this state alone.
      const from: Model<S, A> = { ...target, initStates: () => [state] };
      const r = checkSync(from, { properties: [sometimes<S>("goal", p.goal)] });
      return r.properties[0]!.verdict === "violated";
    }
  }
}
