/**
 * Random simulation, for configurations too large to explore exhaustively:
 * seeded random walks of bounded depth, checking invariants and step
 * properties along the way (and noting witnesses reached). The walks draw
 * their choices from fast-check's seeded generators, so a seed (and a walk
 * number) reproduces a walk exactly. A violation is shortened to a locally
 * minimal trace: no single action can be removed and the rest still violate
 * the property, checked by replay.
 */
import fc from "fast-check";
import { historyOf } from "./trace.js";
import { canonicalKey } from "./fingerprint.js";
import type { Model } from "./model.js";
import { needsGraph, type AlwaysProperty, type Property, type StepProperty } from "./property.js";
import type { Trace, TraceStep } from "./result.js";
import { describeAction } from "./trace.js";

/** How to simulate. */
export interface SimulateOptions<S, A> {
  readonly properties: readonly Property<S, A>[];
  readonly seed: number;
  /** Number of walks. */
  readonly runs: number;
  /** Actions per walk at most. */
  readonly depth: number;
  /** Start at this walk (to reproduce walk K of a seed, run from K with runs 1). */
  readonly firstRun?: number;
  readonly timeoutMs?: number;
}

/** A violation found by simulation. */
export interface SimulatedViolation<S, A> {
  readonly property: string;
  readonly kind: "always" | "step";
  /** The walk that found it (for --run). */
  readonly run: number;
  /** Actions before the violation in the original walk. */
  readonly originalLength: number;
  /** The shortened trace. */
  readonly trace: Trace<S, A>;
  /** Milliseconds from the start until the violation was found (before shortening). */
  readonly foundAfterMs: number;
}

/** What simulation found. */
export interface SimulationResult<S, A> {
  readonly seed: number;
  readonly runs: number;
  readonly steps: number;
  readonly elapsedMs: number;
  readonly violation: SimulatedViolation<S, A> | null;
  /** Witness (`sometimes`) properties reached in some walk. */
  readonly witnesses: readonly string[];
  /** Properties simulation cannot judge (`recoverable` needs the whole graph). */
  readonly skipped: readonly string[];
}

/** Runs random walks until a violation, the run count, or the time limit. */
export function simulate<S, A>(model: Model<S, A>, options: SimulateOptions<S, A>): SimulationResult<S, A> {
  const started = performance.now();
  const first = options.firstRun ?? 0;
  const always = options.properties.filter((p): p is AlwaysProperty<S> => p.kind === "always");
  const steps = options.properties.filter((p): p is StepProperty<S, A> => p.kind === "step");
  const sometimes = options.properties.filter((p) => p.kind === "sometimes");
  const witnesses = new Set<string>();
  // Each walk draws from its own lazy stream, seeded from (seed, walk number): any walk replays alone.
  const choicesOf = (walk: number) => fc.sample(fc.infiniteStream(fc.nat()), { seed: walkSeed(options.seed, walk), numRuns: 1 })[0]![Symbol.iterator]();
  let total = 0;
  let run = first;
  for (; run < first + options.runs; run++) {
    if (options.timeoutMs !== undefined && performance.now() - started > options.timeoutMs) break;
    const choices = choicesOf(run);
    const inits = model.initStates();
    const init = inits[choices.next().value! % inits.length]!;
    let state: S = init;
    const actions: A[] = [];
    const check = (s: S): AlwaysProperty<S> | undefined => {
      for (const p of sometimes) if (p.kind === "sometimes" && p.reached(s)) witnesses.add(p.name);
      return always.find((p) => !p.holds(s));
    };
    let broken: Property<S, A> | undefined = check(state);
    for (let d = 0; d < options.depth && !broken; d++) {
      const enabled = model.actions(state);
      if (enabled.length === 0) break;
      const action = enabled[choices.next().value! % enabled.length]!;
      const next = model.next(state, action);
      total++;
      actions.push(action);
      broken = steps.find((p) => !p.holds(state, action, next)) ?? check(next);
      state = next;
    }
    if (broken && (broken.kind === "always" || broken.kind === "step")) {
      const foundAfterMs = performance.now() - started;
      const shortest = shorten(model, init, broken, actions);
      return {
        seed: options.seed,
        runs: run - first + 1,
        steps: total,
        elapsedMs: performance.now() - started,
        violation: { property: broken.name, kind: broken.kind, run, originalLength: actions.length, trace: traceOf(model, init, broken, shortest), foundAfterMs },
        witnesses: [...witnesses],
        skipped: options.properties.filter(needsGraph).map((p) => p.name),
      };
    }
  }
  return {
    seed: options.seed,
    runs: run - first,
    steps: total,
    elapsedMs: performance.now() - started,
    violation: null,
    witnesses: [...witnesses],
    skipped: options.properties.filter(needsGraph).map((p) => p.name),
  };
}

/**
 * Replays `actions` (matched by value among the enabled ones) and returns the
 * prefix that ends at the first violation of `p`, or null if some action is
 * not enabled or the property never fails.
 */
export function violatingPrefix<S, A>(model: Model<S, A>, init: S, p: AlwaysProperty<S> | StepProperty<S, A>, actions: readonly A[]): A[] | null {
  let state = init;
  if (p.kind === "always" && !p.holds(state)) return [];
  for (let i = 0; i < actions.length; i++) {
    const wanted = canonicalKey(actions[i]);
    const action = model.actions(state).find((a) => canonicalKey(a) === wanted);
    if (action === undefined) return null;
    const next = model.next(state, action);
    if (p.kind === "step" ? !p.holds(state, action, next) : !p.holds(next)) return actions.slice(0, i + 1) as A[];
    state = next;
  }
  return null;
}

// Greedy one-at-a-time removal until no single action can go: a locally minimal trace.
function shorten<S, A>(model: Model<S, A>, init: S, p: AlwaysProperty<S> | StepProperty<S, A>, actions: readonly A[]): A[] {
  let best = violatingPrefix(model, init, p, actions) ?? [...actions];
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = best.length - 1; i >= 0; i--) {
      const candidate = violatingPrefix(model, init, p, [...best.slice(0, i), ...best.slice(i + 1)]);
      if (candidate !== null && candidate.length < best.length) {
        best = candidate;
        changed = true;
        i = Math.min(i, best.length);
      }
    }
  }
  return best;
}

function traceOf<S, A>(model: Model<S, A>, init: S, p: AlwaysProperty<S> | StepProperty<S, A>, actions: readonly A[]): Trace<S, A> {
  let state = init;
  const steps: TraceStep<S, A>[] = [{ action: null, description: "initial state", state }];
  for (const wanted of actions) {
    const action = model.actions(state).find((a) => canonicalKey(a) === canonicalKey(wanted))!;
    const next = model.next(state, action);
    steps.push({ action, description: describeAction(model, action, state, next), state: next });
    state = next;
  }
  const history = historyOf(steps);
  const last = steps[steps.length - 1]!;
  const reason =
    p.kind === "always"
      ? (p.explain?.(last.state, history) ?? `The invariant "${p.name}" is false in this state.`)
      : (p.explain?.(steps[steps.length - 2]!.state, last.action!, last.state, history) ?? `The step property "${p.name}" is false of the last step.`);
  return { steps, reason, notes: model.annotate ? [...model.annotate(history)] : [] };
}

/** The seed of walk `walk` under `seed`: a 32-bit mix of the two. */
export function walkSeed(seed: number, walk: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(walk + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 15)) | 0;
}
