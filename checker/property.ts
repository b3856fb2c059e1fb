/**
 * Properties are named values with a kind, as in Stateright and TLC.
 *
 * - `always`: an invariant; a state breaking it is a *counterexample*.
 * - `step`: an action property over each transition `before --a--> after`.
 * - `sometimes`: a witness; reaching it is an *example*. Never reaching it
 *   (after an exhaustive search) is a failure: the check would be vacuous.
 * - `recoverable`: from every reachable state a goal state stays reachable;
 *   the counterexample is a shortest path into a state with no way back.
 * - `eventually`, `leadsTo`, `convergesTo`: temporal properties of the
 *   infinite behaviours allowed by the model's fairness (see fairness.ts and
 *   graph/temporal.ts); the counterexample is a lasso, a stem and a cycle
 *   that repeats forever.
 */

/**
 * The trace that led to a state, for explanations that name steps:
 * `states[0]` is the initial state, `actions[i]` led from `states[i-1]` to
 * `states[i]` (`actions[0]` is null).
 */
export interface History<S, A = any> {
  readonly states: readonly S[];
  readonly actions: ReadonlyArray<A | null>;
}

/** Presentation that every kind of property may carry. */
export interface PropertyInfo {
  /** One line saying what the property protects and why. */
  readonly description?: string;
}

/** `always(name, holds)`: `holds` is true in every reachable state. */
export interface AlwaysProperty<S> extends PropertyInfo {
  readonly kind: "always";
  readonly name: string;
  /** True in a good state; false in a state that breaks the invariant. */
  readonly holds: (state: S) => boolean;
  /** Why `state` breaks the invariant, in one sentence; `history` is the trace that led there. */
  readonly explain?: (state: S, history: History<S>) => string;
}

/** `step(name, holds)`: `holds` is true of every transition. */
export interface StepProperty<S, A> extends PropertyInfo {
  readonly kind: "step";
  readonly name: string;
  /** True of a good transition `before --action--> after`; false of one that breaks the property. */
  readonly holds: (before: S, action: A, after: S) => boolean;
  /** Why the transition breaks the property, in one sentence; `history` is the trace that ends with it. */
  readonly explain?: (before: S, action: A, after: S, history: History<S, A>) => string;
}

/** `sometimes(name, reached)`: some reachable state satisfies `reached`. */
export interface SometimesProperty<S> extends PropertyInfo {
  readonly kind: "sometimes";
  readonly name: string;
  /** True in a state the witness looks for. */
  readonly reached: (state: S) => boolean;
  /** What the witness state shows, in one sentence. */
  readonly explain?: (state: S, history: History<S>) => string;
}

/** `recoverable(name, goal)`: from every reachable state a `goal` state is reachable. */
export interface RecoverableProperty<S> extends PropertyInfo {
  readonly kind: "recoverable";
  readonly name: string;
  /** True in a goal state: one every reachable state must still be able to reach. */
  readonly goal: (state: S) => boolean;
  /** Why `state` is stuck away from the goal, in one sentence. */
  readonly explain?: (state: S, history: History<S>) => string;
}

/** `eventually(name, p)`: every fair behaviour reaches a state satisfying `p`. */
export interface EventuallyProperty<S> extends PropertyInfo {
  readonly kind: "eventually";
  readonly name: string;
  /** True in a state the behaviour must reach. */
  readonly reached: (state: S) => boolean;
  /** Why the behaviour never reaches the state looked for, in one sentence (given the lasso's first looping state). */
  readonly explain?: (state: S, history: History<S>) => string;
}

/** `leadsTo(name, p, q)`: in every fair behaviour, whenever `p` holds, `q` holds then or later. */
export interface LeadsToProperty<S> extends PropertyInfo {
  readonly kind: "leadsTo";
  readonly name: string;
  /** The trigger. */
  readonly when: (state: S) => boolean;
  /** The response that must follow. */
  readonly then: (state: S) => boolean;
  /** Why the response never follows the trigger, in one sentence (given the trigger state). */
  readonly explain?: (state: S, history: History<S>) => string;
}

/** `convergesTo(name, p)`: every fair behaviour eventually stays in states satisfying `p` forever. */
export interface ConvergesToProperty<S> extends PropertyInfo {
  readonly kind: "convergesTo";
  readonly name: string;
  /** True in the states the behaviour must end up in for good. */
  readonly stable: (state: S) => boolean;
  /** Why a state of the lasso's cycle is not one of them, in one sentence. */
  readonly explain?: (state: S, history: History<S>) => string;
}

/** A property of infinite behaviours under fairness, decided on the whole state graph. */
export type TemporalProperty<S> = EventuallyProperty<S> | LeadsToProperty<S> | ConvergesToProperty<S>;

/** Any property of a model with states `S` and actions `A`. */
export type Property<S = any, A = any> =
  | AlwaysProperty<S>
  | StepProperty<S, A>
  | SometimesProperty<S>
  | RecoverableProperty<S>
  | TemporalProperty<S>;

/** The kinds, in the order reports list them. */
export const PROPERTY_KINDS = ["always", "step", "recoverable", "eventually", "leadsTo", "convergesTo", "sometimes"] as const;
/** The kind of a property. */
export type PropertyKind = Property["kind"];

/** The temporal kinds, whose counterexamples are lassos. */
export const TEMPORAL_KINDS: readonly PropertyKind[] = ["eventually", "leadsTo", "convergesTo"];

/** True for a property decided on the whole explored graph (it needs every edge): recovery and the temporal kinds. */
export function needsGraph(p: Property): p is RecoverableProperty<any> | TemporalProperty<any> {
  return p.kind === "recoverable" || isTemporal(p);
}

/** True for a temporal property (a lasso counterexample, fairness applies). */
export function isTemporal(p: Property): p is TemporalProperty<any> {
  return p.kind === "eventually" || p.kind === "leadsTo" || p.kind === "convergesTo";
}

/** Optional presentation for an `always` property. */
export type AlwaysOptions<S> = PropertyInfo & {
  /** Why `state` breaks the invariant, in one sentence; `history` is the trace that led there. */
  explain?: (state: S, history: History<S>) => string;
};
/** Optional presentation for a `step` property. */
export type StepOptions<S, A> = PropertyInfo & {
  /** Why the transition breaks the property, in one sentence; `history` is the trace that ends with it. */
  explain?: (before: S, action: A, after: S, history: History<S, A>) => string;
};

/** An invariant: `holds` must be true in every reachable state. */
export function always<S>(name: string, holds: (state: S) => boolean, options: AlwaysOptions<S> = {}): AlwaysProperty<S> {
  return Object.freeze({ kind: "always", name: checkName(name), holds, ...options });
}

/** A step (action) property: `holds` must be true of every transition. */
export function step<S, A = any>(
  name: string,
  holds: (before: S, action: A, after: S) => boolean,
  options: StepOptions<S, A> = {},
): StepProperty<S, A> {
  return Object.freeze({ kind: "step", name: checkName(name), holds, ...options });
}

/** A witness: some reachable state must satisfy `reached`, or the check is vacuous. */
export function sometimes<S>(name: string, reached: (state: S) => boolean, options: AlwaysOptions<S> = {}): SometimesProperty<S> {
  return Object.freeze({ kind: "sometimes", name: checkName(name), reached, ...options });
}

/** Recovery: from every reachable state some state satisfying `goal` must be reachable. */
export function recoverable<S>(name: string, goal: (state: S) => boolean, options: AlwaysOptions<S> = {}): RecoverableProperty<S> {
  return Object.freeze({ kind: "recoverable", name: checkName(name), goal, ...options });
}

/** Liveness: under the model's fairness, every behaviour reaches a state satisfying `reached`. */
export function eventually<S>(name: string, reached: (state: S) => boolean, options: AlwaysOptions<S> = {}): EventuallyProperty<S> {
  return Object.freeze({ kind: "eventually", name: checkName(name), reached, ...options });
}

/**
 * Response (TLA+'s `p ~> q`): under the model's fairness, whenever a state
 * satisfies `when`, that state or a later one satisfies `then`.
 */
export function leadsTo<S>(name: string, when: (state: S) => boolean, then: (state: S) => boolean, options: AlwaysOptions<S> = {}): LeadsToProperty<S> {
  return Object.freeze({ kind: "leadsTo", name: checkName(name), when, then, ...options });
}

/** Convergence (TLA+'s `<>[]p`): under the model's fairness, every behaviour ends up satisfying `stable` forever. */
export function convergesTo<S>(name: string, stable: (state: S) => boolean, options: AlwaysOptions<S> = {}): ConvergesToProperty<S> {
  return Object.freeze({ kind: "convergesTo", name: checkName(name), stable, ...options });
}

/** True when `value` is a property built by one of the constructors above. */
export function isProperty(value: unknown): value is Property {
  if (typeof value !== "object" || value === null) return false;
  const p = value as { kind?: unknown; name?: unknown };
  return typeof p.name === "string" && (PROPERTY_KINDS as readonly unknown[]).includes(p.kind);
}

// Names become file names and CLI arguments, so keep them to a safe alphabet.
function checkName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new TypeError(
      `Property name ${JSON.stringify(name)} is not valid: use letters, digits, '.', '_' and '-', starting with a letter or digit (for example "endpoint-never-empty").`,
    );
  }
  return name;
}
