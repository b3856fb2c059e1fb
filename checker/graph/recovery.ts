/**
 * Deciding `recoverable` properties on the explored state graph.
 *
 * A state is *recoverable* when some goal state is reachable from it: the
 * least fixpoint of "a goal, or a successor is recoverable", computed with
 * the other analyses' (analyses.ts, fixpoint.ts). Any state left out is stuck
 * for good; the counterexample is a shortest path from an initial state to
 * such a state, found by a forward breadth-first pass (so it is shortest
 * whatever strategy built the graph).
 */
import { GrowableUint32 } from "../growable.js";
import type { Adjacency, GraphCore } from "./graph.js";

/** A shortest path into a state from which no goal state is reachable. */
export interface StuckPath {
  /** State numbers from an initial state to the stuck state. */
  readonly ids: readonly number[];
  /** Action index taken at each step (one fewer than `ids`). */
  readonly actionIndices: readonly number[];
  /** How many states are reachable from the stuck state (itself included); none is a goal. */
  readonly reachableFromStuck: number;
}

/** A shortest path from an initial state to a state that cannot recover, or null when every state can. */
export function stuckPath(g: GraphCore, canRecover: (s: number) => boolean): StuckPath | null {
  const { stateCount, initialIds, forward } = g;
  const seen = new Uint8Array(stateCount);
  // The queue: each state visited, the queue place of the state it was reached from (+1; 0 for an initial state), and the
  // action index that reached it. Breadth-first: only the states nearer than the stuck one are visited.
  const node = new GrowableUint32();
  const from = new GrowableUint32();
  const action = new GrowableUint32();
  for (const n of initialIds) {
    if (!seen[n]) {
      seen[n] = 1;
      node.push(n);
      from.push(0);
      action.push(0);
    }
  }
  let stuck = -1;
  for (let head = 0; head < node.length && stuck < 0; head++) {
    const n = node.get(head);
    if (!canRecover(n)) {
      stuck = head;
      break;
    }
    const a = forward.at[n]!;
    for (let e = a + 1, end = a + 1 + forward.words[a]!; e < end; e++) {
      const m = forward.words[e]!;
      if (!seen[m]) {
        seen[m] = 1;
        node.push(m);
        from.push(head + 1);
        action.push(e - a - 1);
      }
    }
  }
  // Every state was reached from an initial state: none stuck among those reached means none at all.
  if (stuck < 0) return null;

  const ids: number[] = [];
  const actionIndices: number[] = [];
  for (let q = stuck; q >= 0; q = from.get(q) - 1) {
    ids.push(node.get(q));
    if (from.get(q) > 0) actionIndices.push(action.get(q));
  }
  return { ids: ids.reverse(), actionIndices: actionIndices.reverse(), reachableFromStuck: countReachable(forward, node.get(stuck), stateCount) };
}

function countReachable(forward: Adjacency, from: number, stateCount: number): number {
  const seen = new Uint8Array(stateCount);
  const stack = [from];
  seen[from] = 1;
  let count = 0;
  while (stack.length > 0) {
    const n = stack.pop()!;
    count++;
    const a = forward.at[n]!;
    for (let e = a + 1, end = a + 1 + forward.words[a]!; e < end; e++) {
      const m = forward.words[e]!;
      if (!seen[m]) {
        seen[m] = 1;
        stack.push(m);
      }
    }
  }
  return count;
}
