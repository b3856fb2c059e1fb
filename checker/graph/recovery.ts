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
import type { Adjacency, GraphCore } from "./graph.js";
import { Bits, ChunkedQueue, pathTo } from "./bfs.js";

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
  const seen = new Bits(stateCount);
  // The queue: each state visited, and the queue place of the state it was reached from (+1; 0 for an initial state).
  // Breadth-first: only the states nearer than the stuck one are visited.
  const node = new ChunkedQueue();
  const from = new ChunkedQueue();
  for (const n of initialIds) {
    if (!seen.has(n)) {
      seen.add(n);
      node.push(n);
      from.push(0);
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
      if (!seen.has(m)) {
        seen.add(m);
        node.push(m);
        from.push(head + 1);
      }
    }
  }
  // Every state was reached from an initial state: none stuck among those reached means none at all.
  const found = stuck < 0 ? null : { path: pathTo(forward, stuck, node, from, stateCount), state: node.get(stuck) };
  node.release();
  from.release();
  if (found === null) return null;
  return { ids: found.path.ids, actionIndices: found.path.actions, reachableFromStuck: countReachable(forward, found.state, stateCount) };
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
