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
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly inSet: Int32Array;
  private readonly onStack: Uint8Array;
  private readonly stack: Uint32Array;
  private readonly callNode: Uint32Array;
  private readonly callEdge: Uint32Array;
  private round = 0;
  constructor(
    private readonly adj: Adjacency,
    n: number,
  ) {
    this.index = new Int32Array(n);
    this.low = new Int32Array(n);
    this.inSet = new Int32Array(n).fill(-1);
    this.onStack = new Uint8Array(n);
    this.stack = new Uint32Array(n);
    this.callNode = new Uint32Array(n);
    this.callEdge = new Uint32Array(n);
  }
  run(set: Uint32Array, onComponent: (members: Uint32Array, from: number, to: number) => void): void {
    const round = ++this.round;
    const { index, low, inSet, onStack, stack, callNode, callEdge } = this;
    const { start, target } = this.adj;
    for (const s of set) {
      inSet[s] = round;
      index[s] = -1;
    }
    let counter = 0;
    let top = 0;
    for (const root of set) {
      if (index[root] !== -1) continue;
      let depth = 0;
      callNode[0] = root;
      callEdge[0] = start[root]!;
      index[root] = low[root] = counter++;
      stack[top++] = root;
      onStack[root] = 1;
      while (depth >= 0) {
        const v = callNode[depth]!;
        const e = callEdge[depth]!;
        if (e < start[v + 1]!) {
          callEdge[depth] = e + 1;
          const w = target[e]!;
          if (inSet[w] !== round) continue;
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            stack[top++] = w;
            onStack[w] = 1;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = start[w]!;
          } else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!;
          continue;
        }
        if (low[v] === index[v]) {
          const to = top;
          let w: number;
          do {
            w = stack[--top]!;
            onStack[w] = 0;
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

