/**
 * Deciding `recoverable` properties on the explored state graph.
 *
 * A state is *recoverable* when some goal state is reachable from it. The
 * strongly connected components come sinks first (scc.ts), so when a
 * component is reported every component its edges leave for has been: the
 * component is recoverable when one of its states is a goal or one of its
 * edges leaves for a recoverable state. One decomposition decides every
 * recoverable property at once, and can be the first decomposition of a
 * convergence property's fair components (analyses.ts), which takes every
 * state too. Any state left unmarked is stuck for good; the counterexample
 * is a shortest path from an initial state to such a state, found by a
 * forward breadth-first pass (so it is shortest whatever strategy built the
 * graph).
 */
import type { Adjacency, GraphCore } from "./graph.js";
import { Tarjan } from "./scc.js";

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
 * Which states can reach each goal, filled in component by component: hand
 * `component` to a decomposition of every state of the graph (sinks first).
 */
export class Recovery {
  /** Per goal, 1 for a state that can reach it. */
  readonly canRecover: Uint8Array[];
  constructor(
    private readonly forward: Adjacency,
    stateCount: number,
    private readonly goals: readonly Uint8Array[],
  ) {
    this.canRecover = goals.map(() => new Uint8Array(stateCount));
  }

  /**
   * A component, as members[from..to): recoverable for a goal if a member is
   * one, or an edge leads to a recoverable state. Its own members are not
   * marked yet, so only edges leaving it can find one.
   */
  readonly component = (members: Uint32Array, from: number, to: number): void => {
    const { goals, canRecover } = this;
    const { start, target } = this.forward;
    for (let j = 0; j < goals.length; j++) {
      const goal = goals[j]!;
      const can = canRecover[j]!;
      let ok = false;
      for (let k = from; k < to && !ok; k++) {
        const s = members[k]!;
        if (goal[s]) ok = true;
        for (let e = start[s]!; e < start[s + 1]! && !ok; e++) {
          if (can[target[e]!]) ok = true;
        }
      }
      if (ok) for (let k = from; k < to; k++) can[members[k]!] = 1;
    }
  };
}

/** Every state of the graph (the level search's numbering leaves holes, which are none), for a decomposition of all of it. */
export function allStates(g: GraphCore): Uint32Array {
  const present = g.present;
  let count = 0;
  for (let s = 0; s < g.stateCount; s++) if (!present || present[s]) count++;
  const all = new Uint32Array(count);
  for (let s = 0, k = 0; s < g.stateCount; s++) if (!present || present[s]) all[k++] = s;
  return all;
}

/**
 * Finds a shortest path to a state that cannot reach a goal state, or null if
 * every state can. `goal[n]` is 1 when state `n` satisfies the goal.
 */
export function findStuckState(g: GraphCore, goal: Uint8Array): StuckPath | null {
  const recovery = new Recovery(g.forward, g.stateCount, [goal]);
  new Tarjan(g.forward, g.stateCount).run(allStates(g), recovery.component);
  return stuckPath(g, recovery.canRecover[0]!);
}

/** A shortest path from an initial state to a state with `canRecover` 0, or null when every state can recover. */
export function stuckPath(g: GraphCore, canRecover: Uint8Array): StuckPath | null {
  const { stateCount, initialIds, forward } = g;
  const parent = new Int32Array(stateCount).fill(-1);
  const parentAction = new Uint32Array(stateCount);
  const seen = new Uint8Array(stateCount);
  const queue = new Uint32Array(stateCount);
  let tail = 0;
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
  // Every state was reached from an initial state: none stuck among those reached means none at all.
  if (stuck < 0) return null;

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
