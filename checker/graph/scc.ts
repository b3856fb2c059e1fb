/** Strongly connected components of the recorded graph, without recursion. */
import type { Adjacency } from "./graph.js";

/**
 * Iterative Tarjan over a subset of states (those listed in `set`),
 * reporting each strongly connected component once its members are known,
 * as a range of its own stack (valid until the next component). Components
 * come sinks first: when one is reported, every component it reaches has
 * been. Used by the fair components of temporal.ts.
 */
export class Tarjan {
  /**
   * Per state: -1 while unvisited in the current run; its visiting order while
   * it is on the stack; DONE once its component is reported, and for every
   * state outside the current set. So one read tells the inner loop all it
   * needs (TLC and SPIN's decompositions keep an on-stack bit beside it):
   * a smaller index than `low` can only be a state still on the stack.
   */
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly stack: Uint32Array;
  private readonly callNode: Uint32Array;
  private readonly callEdge: Uint32Array;
  constructor(
    private readonly adj: Adjacency,
    n: number,
  ) {
    this.index = new Int32Array(n).fill(DONE);
    this.low = new Int32Array(n);
    this.stack = new Uint32Array(n);
    this.callNode = new Uint32Array(n);
    this.callEdge = new Uint32Array(n);
  }
  run(set: Uint32Array, onComponent: (members: Uint32Array, from: number, to: number) => void): void {
    const { index, low, stack, callNode, callEdge } = this;
    const { at, words } = this.adj;
    // Every state of the set ends DONE again (each is reported in a component), so the next run starts from DONE everywhere.
    for (const s of set) index[s] = -1;
    let counter = 0;
    let top = 0;
    for (const root of set) {
      if (index[root] !== -1) continue;
      let depth = 0;
      callNode[0] = root;
      callEdge[0] = at[root]! + 1;
      index[root] = low[root] = counter++;
      stack[top++] = root;
      while (depth >= 0) {
        const v = callNode[depth]!;
        const e = callEdge[depth]!;
        if (e <= at[v]! + words[at[v]!]!) {
          callEdge[depth] = e + 1;
          const w = words[e]!;
          const iw = index[w]!;
          if (iw === -1) {
            index[w] = low[w] = counter++;
            stack[top++] = w;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = at[w]! + 1;
          } else if (iw < low[v]!) low[v] = iw;
          continue;
        }
        if (low[v] === index[v]) {
          const to = top;
          let w: number;
          do {
            w = stack[--top]!;
            index[w] = DONE;
          } while (w !== v);
          onComponent(stack, top, to);
        }
        depth--;
        if (depth >= 0) {
          const parent = callNode[depth]!;
          if (low[v]! < low[parent]!) low[parent] = low[v]!;
        }
      }
    }
  }
}

/** The index of a state whose component is reported, or that is outside the set: larger than any visiting order. */
const DONE = 0x7fffffff;
