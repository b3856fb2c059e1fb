/**
 * The deadlock check, asked for with `deadlock: true` (`--deadlock`): a
 * reachable state in which no action is enabled is reported, with a shortest
 * path to it, as TLC reports "deadlock reached" and SPIN an invalid end
 * state. It is an invariant over the model's own `actions`, so every search
 * (sequential, level by level, on any number of threads) judges it as it
 * judges the others. Off by default: a protocol that finishes (every plan
 * applied, say) ends in such a state on purpose.
 */
import type { Model } from "./model.js";
import { always, type AlwaysProperty } from "./property.js";

/** The name the deadlock check reports under. */
export const DEADLOCK = "deadlock";

/** The invariant "some action is enabled" over `model`'s states. */
export function deadlockFree<S, A>(model: Model<S, A>): AlwaysProperty<S> {
  const packed = model.packed;
  const buffer: A[] = [];
  return always<S>(DEADLOCK, packed ? (s) => packed.actionsInto(s, buffer) > 0 : (s) => model.actions(s).length > 0, {
    description: "some action is enabled in every reachable state (no deadlock)",
    explain: () => "No action is enabled in this state: every behaviour that reaches it stops here. If this is how the protocol is meant to end, check without --deadlock.",
  });
}
