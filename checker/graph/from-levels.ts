/**
 * The graph the level search recorded (parallel.ts with a property of the
 * whole graph), as a {@link RecordedGraph}. Every state carries its number
 * beside its words in the kept blocks (the threads numbered them as they
 * found them: level-expander.ts, Numbering), and each thread's records give
 * an expanded state's successors' numbers in action order, so the edges are
 * read off the records.
 * Numbers a thread claimed but did not give out (the rest of its last block
 * of numbers) are holes: no state, no edge, not `present`.
 */
import type { PackedOps } from "../model.js";
import type { LevelGraph } from "../parallel.js";
import { maskArray, sharedUint32, sharedUint8, type Adjacency, type MaskArray, type RecordedGraph } from "./graph.js";

/** Builds the graph. */
export function graphFromLevels<S, A>(
  g: LevelGraph,
  ops: PackedOps<S, A>,
  /** The model's fairness constraints (their number sizes the masks). */
  constraints: number,
  /** The fingerprint traces are checked against (the model's own, which need not be the search's hash of the words). */
  fingerprintOf: (state: S) => { readonly hi: number; readonly lo: number },
): RecordedGraph {
  const W = ops.words;
  const { stride, edgeWords } = g;
  const views = g.blocks.map((b) => new Uint32Array(b));
  // The numbers given out: one past the largest.
  let n = 0;
  views.forEach((view, b) => {
    for (let pos = 0; pos < g.counts[b]!; pos++) n = Math.max(n, view[pos * stride + W + 1]! + 1);
  });
  // The analyses may run on the search's worker threads too (graph/analyses.ts): what they read is in shared memory.
  const present = sharedUint8(n);
  const labelWords = new Uint32Array(n);
  const initialIds: number[] = [];
  views.forEach((view, b) => {
    for (let pos = 0; pos < g.counts[b]!; pos++) {
      const at = pos * stride;
      const id = view[at + W + 1]!;
      present[id] = 1;
      labelWords[id] = view[at + W]!;
      if (b === 0) initialIds.push(id);
    }
  });
  // Where each state's words are (its block, in the high bits' place, and position): only traces need it, after the
  // analyses, so it is built then and their arrays and it are not held at once.
  let where: Float64Array | null = null;
  const locate = (): Float64Array => {
    if (where) return where;
    const w = new Float64Array(n);
    views.forEach((view, b) => {
      for (let pos = 0; pos < g.counts[b]!; pos++) w[view[pos * stride + W + 1]!] = b * 2 ** 24 + pos;
    });
    return (where = w);
  };
  if (process.env.DNSMC_DEBUG) console.error(`graph: ${n} numbers (${initialIds.length} initial) at ${performance.now().toFixed(0)} ms`);
  // Compressed adjacency: each state's successor count first, then its successors' numbers (a record never spans pages).
  const start = sharedUint32(n + 1);
  for (const r of g.records) {
    for (let p = 0; p < r.pages.length; p++) {
      const rec = new Int32Array(r.pages[p]!);
      const fill = r.fills[p]!;
      for (let i = 0; i < fill; ) {
        const count = rec[i + 1]!;
        start[rec[i]! + 1] = count;
        i += 2 + edgeWords * count;
        // A record is whole or absent (a chunk given up is cut back): one running past its page was left half-written.
        if (i > fill) throw new Error("internal error: the level search left a record of the graph half-written");
      }
    }
  }
  for (let s = 0; s < n; s++) start[s + 1]! += start[s]!;
  const edges = start[n]!;
  const target = sharedUint32(edges);
  const masks = maskArray(edges, constraints, true);
  for (const r of g.records) for (let p = 0; p < r.pages.length; p++) fillEdges(new Int32Array(r.pages[p]!), r.fills[p]!, edgeWords, start, target, masks);
  // The records are the edges now: let their pages go before the analyses allocate theirs.
  g.records.length = 0;
  const forward: Adjacency = { start, target, mask: masks };
  if (process.env.DNSMC_DEBUG) console.error(`graph: ${edges} edges at ${performance.now().toFixed(0)} ms`);
  const labels = new Map<number, Uint8Array>();
  g.properties.forEach((i, j) => {
    const bits = sharedUint8(n);
    for (let s = 0; s < n; s++) bits[s] = (labelWords[s]! >>> (2 * j)) & 3;
    labels.set(i, bits);
  });
  const initIndex = new Map(initialIds.map((id, k) => [id, g.initIndex[k]!]));
  return {
    stateCount: n,
    forward,
    initialIds,
    initIndexOf: (s) => initIndex.get(s)!,
    fingerprintOf: (s) => {
      const place = locate()[s]!;
      const b = Math.floor(place / 2 ** 24);
      const at = (place - b * 2 ** 24) * stride;
      return fingerprintOf(ops.wrap(views[b]!.slice(at, at + W)));
    },
    labels,
    fair: edgeWords === 2,
    present,
  };
}

// Turns one page of records into edges: each successor's number and its fairness mask.
function fillEdges(rec: Int32Array, fill: number, edgeWords: number, start: Uint32Array, target: Uint32Array, masks: MaskArray): void {
  for (let i = 0; i < fill; ) {
    const from = start[rec[i]!]!;
    const count = rec[i + 1]!;
    i += 2;
    for (let k = 0; k < count; k++, i += edgeWords) {
      target[from + k] = rec[i]!;
      if (edgeWords === 2) masks[from + k] = rec[i + 1]!;
    }
  }
}
