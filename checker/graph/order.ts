/**
 * A depth-first pass over the recorded graph from its initial states (every
 * state is reachable from one), without recursion: the states in postorder,
 * and whether some edge closes a cycle of two states or more (an edge to a
 * state still on the depth-first path: a back edge; a self-loop is not one).
 *
 * Postorder puts every state after all its successors unless a back edge
 * leaves it, so with no back edge it lists the graph sinks first: a value
 * computed from the successors' values as each state is finished (`finish`)
 * is then final at once. That is how the analyses decide a graph with no
 * cycle, as a protocol's graph with a counter that only grows is, in this
 * one pass (analyses.ts); and with cycles, sweeps in postorder reach their
 * fixpoints in few rounds, since most edges still go to states earlier in it.
 */
import type { GraphCore } from "./graph.js";

/** The result of the pass. */
export interface DepthFirst {
  /** The states in postorder (sinks first when there is no back edge), in shared memory; null unless asked for. */
  readonly order: Uint32Array | null;
  /** Whether an edge closes a cycle of two states or more. */
  readonly cyclic: boolean;
}

/**
 * Runs the pass; `finish(s)` is called as each state is finished, after
 * every successor it reached first. The postorder is kept when `keepOrder`
 * (a graph with no cycle needs none: the pass itself is in that order).
 */
export function depthFirst(graph: GraphCore, finish: ((s: number) => void) | null, keepOrder: boolean): DepthFirst {
  const { at, words } = graph.forward;
  const n = graph.stateCount;
  // Per state: 0 not yet met, 1 on the depth-first path, 2 finished.
  const color = new Uint8Array(n);
  const order = keepOrder ? new Uint32Array(new SharedArrayBuffer(n * 4)) : null;
  let finished = 0;
  let cyclic = false;
  // The depth-first path: each state and the word of its next edge to follow.
  let pathState: Uint32Array = new Uint32Array(1024);
  let pathEdge: Uint32Array = new Uint32Array(1024);
  for (const root of graph.initialIds) {
    if (color[root] !== 0) continue;
    color[root] = 1;
    let depth = 0;
    pathState[0] = root;
    pathEdge[0] = at[root]! + 1;
    while (depth >= 0) {
      const v = pathState[depth]!;
      const e = pathEdge[depth]!;
      const a = at[v]!;
      if (e <= a + words[a]!) {
        pathEdge[depth] = e + 1;
        const w = words[e]!;
        const c = color[w]!;
        if (c === 0) {
          color[w] = 1;
          if (++depth === pathState.length) {
            pathState = grow(pathState);
            pathEdge = grow(pathEdge);
          }
          pathState[depth] = w;
          pathEdge[depth] = at[w]! + 1;
        } else if (c === 1 && w !== v) cyclic = true;
        continue;
      }
      color[v] = 2;
      if (order) order[finished] = v;
      finished++;
      finish?.(v);
      depth--;
    }
  }
  return { order: order ? order.subarray(0, finished) : null, cyclic };
}

function grow(a: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}
