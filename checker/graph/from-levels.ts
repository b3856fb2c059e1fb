/**
 * The graph the level search recorded (parallel.ts with a property of the
 * whole graph), as a {@link RecordedGraph}: states are numbered in level
 * order, through the kept blocks; each thread's records give a state's
 * successors as fingerprints, which a map from fingerprint to number turns
 * into edges. An edge's action index is its place among its state's
 * successors, since a state's successors are recorded in action order, one
 * per enabled action.
 */
import { fingerprintWords } from "../fingerprint.js";
import { storedHalf } from "../fingerprint-set.js";
import type { PackedOps } from "../model.js";
import type { LevelGraph } from "../parallel.js";
import type { Adjacency, RecordedGraph } from "./graph.js";

/**
 * Builds the graph. `graphProperties` are the indices (among the check's
 * properties) of the properties whose labels the blocks carry, in order.
 */
export function graphFromLevels<S, A>(
  g: LevelGraph,
  ops: PackedOps<S, A>,
  graphProperties: readonly number[],
  /** The fingerprint traces are checked against (the model's own, which need not be the search's hash of the words). */
  fingerprintOf: (state: S) => { readonly hi: number; readonly lo: number },
): RecordedGraph {
  if (process.env.DNSMC_DEBUG) console.error(`graph: starts at ${performance.now().toFixed(0)} ms`);
  const W = ops.words;
  const { stride, edgeWords } = g;
  const n = g.counts.reduce((a, b) => a + b, 0);
  const views = g.blocks.map((b) => new Uint32Array(b));
  // Fingerprint to state number: open addressing over a power of two at most half full.
  let cap = 2;
  let bits = 1;
  while (cap < n * 2) (cap *= 2), bits++;
  // Multiply-shift: the top bits of the product, whatever the halves' low bits look like.
  const shift = 32 - bits;
  const keys = new Int32Array(cap * 2);
  const values = new Int32Array(cap);
  const labels = graphProperties.map(() => new Uint8Array(n));
  const probes = numberStates(views, g.counts, stride, W, keys, values, shift, labels);
  if (process.env.DNSMC_DEBUG) console.error(`graph: ${n} states numbered at ${performance.now().toFixed(0)} ms`);
  // Compressed adjacency: each state's successor count first, then its successors' numbers (a record never spans pages).
  const start = new Uint32Array(n + 1);
  for (const r of g.records) {
    for (let p = 0; p < r.pages.length; p++) {
      const rec = new Int32Array(r.pages[p]!);
      const fill = r.fills[p]!;
      for (let i = 0; i < fill; ) {
        const count = rec[i + 1]!;
        start[rec[i]! + 1] = count;
        i += 2 + edgeWords * count;
      }
    }
  }
  for (let s = 0; s < n; s++) start[s + 1]! += start[s]!;
  const edges = start[n]!;
  const target = new Uint32Array(edges);
  const action = new Uint32Array(edges);
  const masks = new Uint32Array(edges);
  for (const r of g.records) {
    for (let p = 0; p < r.pages.length; p++) fillEdges(new Int32Array(r.pages[p]!), r.fills[p]!, edgeWords, start, keys, values, shift, target, action, masks);
  }
  const forward: Adjacency = { start, target, action, mask: masks };
  if (process.env.DNSMC_DEBUG) console.error(`graph: ${edges} edges at ${performance.now().toFixed(0)} ms (${probes} extra probes)`);
  // Where state `s` is: its block and position (for its fingerprint, when a trace passes through it).
  const blockStart: number[] = [];
  let acc = 0;
  for (const c of g.counts) {
    blockStart.push(acc);
    acc += c;
  }
  const initCount = g.initIndex.length;
  const labelMap = new Map<number, Uint8Array>(graphProperties.map((i, j) => [i, labels[j]!]));
  return {
    stateCount: n,
    forward,
    initialIds: Array.from({ length: initCount }, (_, k) => k),
    initIndexOf: (s) => g.initIndex[s]!,
    fingerprintOf: (s) => {
      let b = blockStart.length - 1;
      while (blockStart[b]! > s) b--;
      const at = (s - blockStart[b]!) * stride;
      return fingerprintOf(ops.wrap(views[b]!.slice(at, at + W)));
    },
    labels: labelMap,
    fair: edgeWords === 3,
  };
}

// Numbers every kept state (level order), maps its fingerprint to its number and reads its label word; returns the
// extra probes the map needed. A function of its own, over typed arrays only, so that V8 optimizes its loop at once.
function numberStates(views: readonly Uint32Array[], counts: readonly number[], stride: number, W: number, keys: Int32Array, values: Int32Array, shift: number, labels: readonly Uint8Array[]): number {
  const mask = values.length - 1;
  const fp = { hi: 0, lo: 0 };
  const words = new Uint32Array(W);
  let id = 0;
  let probes = 0;
  for (let b = 0; b < views.length; b++) {
    const view = views[b]!;
    const count = counts[b]!;
    for (let pos = 0; pos < count; pos++, id++) {
      const at = pos * stride;
      for (let w = 0; w < W; w++) words[w] = view[at + w]!;
      fingerprintWords(words, fp);
      const hi = storedHalf(fp.hi);
      const lo = storedHalf(fp.lo);
      let slot = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> shift;
      while (keys[slot * 2] !== 0) (slot = (slot + 1) & mask), probes++;
      keys[slot * 2] = lo;
      keys[slot * 2 + 1] = hi;
      values[slot] = id;
      const bits = view[at + W]!;
      for (let j = 0; j < labels.length; j++) labels[j]![id] = (bits >>> (2 * j)) & 3;
    }
  }
  return probes;
}

// Turns one page of records into edges: each successor's number, its action index and its fairness mask.
function fillEdges(rec: Int32Array, fill: number, edgeWords: number, start: Uint32Array, keys: Int32Array, values: Int32Array, shift: number, target: Uint32Array, action: Uint32Array, masks: Uint32Array): void {
  const mask = values.length - 1;
  for (let i = 0; i < fill; ) {
    const from = start[rec[i]!]!;
    const count = rec[i + 1]!;
    i += 2;
    for (let k = 0; k < count; k++, i += edgeWords) {
      const hi = rec[i]!;
      const lo = rec[i + 1]!;
      let slot = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> shift;
      for (;;) {
        const k = keys[slot * 2]!;
        if (k === 0) throw new Error("internal error: a recorded successor is not among the states of the level search");
        if (k === lo && keys[slot * 2 + 1] === hi) break;
        slot = (slot + 1) & mask;
      }
      target[from + k] = values[slot]!;
      action[from + k] = k;
      if (edgeWords === 3) masks[from + k] = rec[i + 2]!;
    }
  }
}
