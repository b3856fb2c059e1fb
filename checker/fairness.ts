/**
 * Fairness, as TLA+'s WF and SF: which infinite behaviours count when a
 * temporal property (`eventually`, `leadsTo`, `convergesTo`) is judged.
 *
 * A behaviour may stutter (stay in a state forever) wherever it is: a state
 * with no enabled action stutters by necessity, any other state may, unless
 * fairness forbids it. A constraint names a set of actions (an action family,
 * one Enactor's actions, ...):
 * - weak (WF): the behaviour does not keep the set enabled forever without
 *   taking one of its actions, i.e. in the part that repeats forever, an
 *   action of the set is taken or the set is disabled somewhere;
 * - strong (SF): the behaviour does not enable the set infinitely often
 *   without taking one of its actions, i.e. in the part that repeats, an
 *   action of the set is taken or the set is disabled everywhere.
 * Fairness constrains only which infinite behaviours count; it never changes
 * the reachable states, so invariants and recovery are unaffected by it.
 */
import { isTemporal, type Property } from "./property.js";

/** One fairness constraint over a set of actions. */
export interface Fairness<A> {
  /** How reports name the set ("Apply(A)", "the Planner"). */
  readonly name: string;
  readonly kind: "weak" | "strong";
  /** Whether `action` belongs to the set. */
  includes(action: A): boolean;
}

/**
 * Whether a check records each transition's fairness mask: only temporal
 * properties read fairness, and only a model that declares some has any.
 */
export function fairnessMatters(properties: readonly Property[], fairness: readonly Fairness<any>[] | undefined): boolean {
  return (fairness?.length ?? 0) > 0 && properties.some(isTemporal);
}

/** At most this many constraints per model (one bit each per transition). */
export const MAX_FAIRNESS = 32;

/** Weak fairness (TLA+'s WF): the set is not enabled forever without one of its actions being taken. */
export function weakFairness<A>(name: string, includes: (action: A) => boolean): Fairness<A> {
  return Object.freeze({ name, kind: "weak", includes });
}

/** Strong fairness (TLA+'s SF): the set is not enabled infinitely often without one of its actions being taken. */
export function strongFairness<A>(name: string, includes: (action: A) => boolean): Fairness<A> {
  return Object.freeze({ name, kind: "strong", includes });
}

/**
 * The constraints an action belongs to, as a bit mask (bit j for
 * `fairness[j]`). Actions that are objects are remembered by identity (the
 * schema's actions are a fixed alphabet of objects), so each is classified
 * once.
 */
export function fairnessMasks<A>(fairness: readonly Fairness<A>[]): (action: A) => number {
  if (fairness.length > MAX_FAIRNESS) {
    throw new RangeError(`The model declares ${fairness.length} fairness constraints; at most ${MAX_FAIRNESS} are supported. Declare one constraint per process rather than per action.`);
  }
  const compute = (action: A): number => {
    let mask = 0;
    for (let j = 0; j < fairness.length; j++) if (fairness[j]!.includes(action)) mask |= 1 << j;
    return mask;
  };
  if (fairness.length === 0) return () => 0;
  const known = new WeakMap<object, number>();
  return (action) => {
    if (typeof action !== "object" || action === null) return compute(action);
    let mask = known.get(action);
    if (mask === undefined) known.set(action, (mask = compute(action)));
    return mask;
  };
}
