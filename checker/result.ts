/**
 * What a check returns: plain data. Printing, ITF and Markdown files and
 * exit codes are separate consumers of this object (see checker/report and
 * checker/cli); the engine itself never prints or exits.
 */
import type { SearchPlan } from "./search/plan.js";
import type { PropertyKind } from "./property.js";

/**
 * A property's verdict.
 * - `holds`: an invariant, step or recovery property held in every explored state
 *   of an exhaustive search.
 * - `violated`: a counterexample was found, or (for `sometimes`) the search was
 *   exhaustive and the witness was never reached.
 * - `found`: a `sometimes` witness was reached; its trace is the example.
 * - `unknown`: the search stopped (first violation, a bound, a time limit)
 *   before the property was decided.
 */
export type Verdict = "holds" | "violated" | "found" | "unknown";

/** One step of a trace: the action taken (none for the initial state) and the state it led to. */
export interface TraceStep<S, A> {
  readonly action: A | null;
  /** The action in the model's words (`"initial state"` for step 0). */
  readonly description: string;
  readonly state: S;
}

/** A causal note the model attaches to one step of a trace (see `Model.annotate`). */
export interface TraceNote {
  /** Step number: 0 is the initial state, i the state after the i-th action. */
  readonly step: number;
  readonly text: string;
}

/**
 * Why a lasso's cycle is a fair behaviour, for one fairness constraint:
 * where on the cycle an action of its set is taken, and where the set is
 * disabled. Weak fairness needs one of the two somewhere; strong fairness
 * needs an action taken, or the set disabled all along the cycle.
 */
export interface FairnessNote {
  readonly name: string;
  readonly kind: "weak" | "strong";
  /** Steps of the cycle (indices into `steps`) taken by an action of the set. */
  readonly takenAt: readonly number[];
  /** States of the cycle (indices into `steps`) where no action of the set is enabled. */
  readonly disabledAt: readonly number[];
}

/** A path from an initial state, rebuilt by replaying the model. */
export interface Trace<S, A> {
  readonly steps: ReadonlyArray<TraceStep<S, A>>;
  /** Why the last state breaks (or, for a witness, shows) the property. */
  readonly reason: string;
  /** The model's causal notes on the trace, in step order. */
  readonly notes: readonly TraceNote[];
  /**
   * For a lasso (a temporal property's counterexample): the step where the
   * cycle starts. The last step returns to that step's state and the steps
   * after `loop` repeat forever; when `loop` is the last step, the behaviour
   * stays in its state forever (it stutters).
   */
  readonly loop?: number;
  /** For a lasso: why its cycle is fair, one note per fairness constraint of the model. */
  readonly fairness?: readonly FairnessNote[];
}

/** The outcome for one property. */
export interface PropertyResult<S = unknown, A = unknown> {
  readonly name: string;
  readonly kind: PropertyKind;
  readonly description: string;
  readonly verdict: Verdict;
  /** Number of actions in the trace (steps after the initial state), or null without one. */
  readonly traceLength: number | null;
  /** The counterexample (violated) or example (found); null otherwise. */
  readonly trace: Trace<S, A> | null;
  /** For `unknown`: why the property was not decided. */
  readonly note?: string;
}

/** Why exploration ended. */
export type StopReason =
  | "exhausted" // every reachable state explored
  | "violation" // stopped at the first violation (no --continue)
  | "decided" // every property decided before exhausting the state space
  | "max-states"
  | "max-depth"
  | "timeout"
  | "max-memory";

/** A failure of the model itself rather than of a property. */
export interface ModelError {
  readonly kind: "model-threw" | "property-threw" | "nondeterministic" | "invalid-model";
  readonly message: string;
  /** For `property-threw`: the property whose predicate threw. */
  readonly property?: string;
  /** Descriptions of the actions from an initial state to the failing step, where known. */
  readonly path: readonly string[];
  /** The stack of the model's own exception, for `--verbose`. */
  readonly stack?: string;
}

/** The overall outcome. */
export type CheckStatus = "ok" | "violated" | "incomplete" | "error";

/** Everything a check found out. */
export interface CheckResult<S = unknown, A = unknown> {
  readonly status: CheckStatus;
  readonly stopReason: StopReason;
  /** True when every reachable state was explored. */
  readonly complete: boolean;
  /** Distinct states found (stored in the state store, or the shared fingerprint set). */
  readonly distinctStates: number;
  /** Successor states generated, duplicates included (TLC's "states generated"). */
  readonly statesGenerated: number;
  /** @deprecated The same number as {@link statesGenerated}, under its former name. */
  readonly statesFound: number;
  /**
   * Depth of the deepest state explored: for a complete breadth-first
   * search, the longest shortest path (the diameter); for a depth-first one,
   * the maximum depth reached.
   */
  readonly diameter: number;
  readonly elapsedMs: number;
  /** The search `check` chose and why (absent from `checkSync`, which always runs the sequential search). */
  readonly plan?: SearchPlan;
  /** Bytes held by the visited states: the state store (fingerprints, parent links) or the shared fingerprint set. */
  readonly storeBytes: number;
  readonly strategy: "bfs" | "dfs";
  readonly symmetry: boolean;
  readonly properties: ReadonlyArray<PropertyResult<S, A>>;
  readonly error?: ModelError;
}
