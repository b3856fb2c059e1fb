/**
 * Deciding `recoverable` properties on the explored state graph.
 *
 * A state is *recoverable* when some goal state is reachable from it. The
 * recoverable states are exactly those that reach a goal state backwards:
 * one backward breadth-first pass from all goal states marks them. Any state
 * left unmarked is stuck for good; the counterexample is a shortest path from
 * an initial state to such a state, found by a forward breadth-first pass
 * over the same edges (so it is shortest whatever strategy built the graph).
 */
import { reversed, type Adjacency, type GraphCore } from "./graph.js";

/** A shortest path into a state from which no goal state is reachable. */
export interface StuckPath {
  /** State numbers from an initial state to the stuck state. */
  readonly ids: readonly number[];
  /** Action index taken at each step (one fewer than `ids`). */
  readonly actionIndices: readonly number[];
  /** How many states are reachable from the stuck state (itself included); none is a goal. */
  readonly reachableFromStuck: number;
}

/**
 * Finds a shortest path to a state that cannot reach a goal state, or null if
 * every state can. `goal[n]` is 1 when state `n` satisfies the goal;
 * `initialIds` are the numbers of the initial states, in order.
 */
export function findStuckState(g: GraphCore, goal: Uint8Array): StuckPath | null {
  const { stateCount, initialIds, forward } = g;
  const backward = reversed(stateCount, forward);
  const canRecover = new Uint8Array(stateCount);
  const queue = new Uint32Array(stateCount);
  let tail = 0;
  // Numbers that are no state (holes in the level search's numbering) count as recovered: nothing can be stuck there.
  let holes = 0;
  for (let n = 0; n < stateCount; n++) {
    if (g.present && !g.present[n]) {
      canRecover[n] = 1;
      holes++;
    } else if (goal[n]) {
      canRecover[n] = 1;
      queue[tail++] = n;
    }
  }
  for (let head = 0; head < tail; head++) {
    const n = queue[head]!;
    for (let e = backward.start[n]!; e < backward.start[n + 1]!; e++) {
      const m = backward.target[e]!;
      if (!canRecover[m]) {
        canRecover[m] = 1;
        queue[tail++] = m;
      }
    }
  }
  if (tail + holes === stateCount) return null;

  const parent = new Int32Array(stateCount).fill(-1);
  const parentAction = new Uint32Array(stateCount);
  const seen = new Uint8Array(stateCount);
  tail = 0;
  for (const n of initialIds) {
    if (!seen[n]) {
      seen[n] = 1;
      queue[tail++] = n;
    }
  }
  let stuck = -1;
  for (let head = 0; head < tail && stuck < 0; head++) {
    const n = queue[head]!;
    if (!canRecover[n]) stuck = n;
    for (let e = forward.start[n]!; e < forward.start[n + 1]! && stuck < 0; e++) {
      const m = forward.target[e]!;
      if (!seen[m]) {
        seen[m] = 1;
        parent[m] = n;
        parentAction[m] = e - forward.start[n]!;
        queue[tail++] = m;
      }
    }
  }
  // Unreachable by construction: every stored state was reached from an initial state.
  if (stuck < 0) throw new Error("internal error: a stuck state exists but is not reachable");

  const ids: number[] = [];
  const actionIndices: number[] = [];
  for (let n = stuck; n >= 0; n = parent[n]!) {
    ids.push(n);
    if (parent[n]! >= 0) actionIndices.push(parentAction[n]!);
  }
  return { ids: ids.reverse(), actionIndices: actionIndices.reverse(), reachableFromStuck: countReachable(forward, stuck, stateCount) };
}

function countReachable(forward: Adjacency, from: number, stateCount: number): number {
  const seen = new Uint8Array(stateCount);
  const stack = [from];
  seen[from] = 1;
  let count = 0;
  while (stack.length > 0) {
    const n = stack.pop()!;
    count++;
    for (let e = forward.start[n]!; e < forward.start[n + 1]!; e++) {
      const m = forward.target[e]!;
      if (!seen[m]) {
        seen[m] = 1;
        stack.push(m);
      }
    }
  }
  return count;
}
