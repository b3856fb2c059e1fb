/**
 * Random small graphs presented as models, and obviously-correct reference
 * answers computed on them directly (no fingerprints, no replay), against
 * which the engine is tested.
 */
import fc from "fast-check";
import type { Model } from "../../checker/model.js";

/** A directed graph: states 0..n-1, each with an ordered list of successors, and some initial states. */
export interface Graph {
  readonly n: number;
  readonly succ: readonly (readonly number[])[];
  readonly inits: readonly number[];
}

/** Graphs of 1..14 states, 0..3 successors each (self-loops and duplicates allowed), 1..3 initial states. */
export const graphArb: fc.Arbitrary<Graph> = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    succ: fc.array(fc.array(fc.nat(n - 1), { maxLength: 3 }), { minLength: n, maxLength: n }),
    inits: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
  }),
);

/** The graph as a model: a state is its number, an action is the target state. */
export function graphModel(g: Graph): Model<number, number> {
  return {
    name: "graph",
    initStates: () => g.inits,
    actions: (s) => g.succ[s]!,
    next: (_s, target) => target,
  };
}

/** Shortest distance from any initial state to each state (Infinity if unreachable), by plain BFS. */
export function distances(g: Graph): number[] {
  const dist = Array.from({ length: g.n }, () => Infinity);
  const queue: number[] = [];
  for (const s of g.inits) if (dist[s] === Infinity) { dist[s] = 0; queue.push(s); }
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const t of g.succ[s]!) if (dist[t] === Infinity) { dist[t] = dist[s]! + 1; queue.push(t); }
  }
  return dist;
}

/** States reachable from `from` (itself included), by plain DFS. */
export function reachableFrom(g: Graph, from: number): Set<number> {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) for (const t of g.succ[stack.pop()!]!) if (!seen.has(t)) { seen.add(t); stack.push(t); }
  return seen;
}

/** True when the trace's states form a path of the graph from an initial state. */
export function isPath(g: Graph, states: readonly number[]): boolean {
  return g.inits.includes(states[0]!) && states.every((s, i) => i === 0 || g.succ[states[i - 1]!]!.includes(s));
}
