/**
 * Fixpoints over the recorded graph, computed by sweeps: every state's value
 * is recomputed from its successors', in a given order of the states, until
 * a whole sweep changes nothing. The operators are monotone, so any order of
 * updates reaches the same fixpoint (chaotic iteration), and a sweep that
 * changes nothing proves it reached. The order matters only for speed: in
 * depth-first postorder (order.ts) most successors come before their
 * predecessors, so a sweep passes values on along most edges at once. A
 * sweep may be cut into ranges swept by different threads at once
 * (analyses.ts): the values are per state, each written by the thread whose
 * range holds the state, and a round in which no range changed is a
 * fixpoint.
 */
import type { Adjacency } from "./graph.js";

/** Per state, bits of the fixpoint being computed (one byte, or wider for many goals). */
export type BitArray = Uint8Array | Uint16Array | Uint32Array;

/**
 * One sweep of *can reach*, over the states `order[from..to)`: bit j of
 * `value[s]` is set once s may take it, `allowed[s]` bit j, and some
 * successor has it (a state's own goal bits are set before the first sweep).
 * At the fixpoint, bit j marks the states from which a path through states
 * allowed for j reaches a goal of j (a least fixpoint: bits are only ever
 * set). True if it set any.
 */
export function reachSweep(adj: Adjacency, value: BitArray, allowed: BitArray, order: Uint32Array, from: number, to: number): boolean {
  const { at, words } = adj;
  let changed = false;
  for (let k = from; k < to; k++) {
    const s = order[k]!;
    const v = value[s]!;
    // The bits this state could still gain.
    const open = allowed[s]! & ~v;
    if (open === 0) continue;
    const a = at[s]!;
    let seen = 0;
    for (let e = a + 1, end = a + 1 + words[a]!; e < end; e++) {
      seen |= value[words[e]!]!;
      if ((seen & open) === open) break;
    }
    if ((seen & open) !== 0) {
      value[s] = v | (seen & open);
      changed = true;
    }
  }
  return changed;
}

/**
 * Sweeps of *on the way to a cycle* over the states `order[from..to)`: a
 * state stays live while some successor other than itself is live. Starting
 * from every state live, the fixpoint (a greatest one: states are only ever
 * dropped) keeps exactly the states from which a path of two states or more
 * leads into a cycle: every state on a cycle of two or more states, and no
 * state whose strongly connected component is itself alone. Each sweep after
 * the first visits only the states still live, kept in a list.
 */
export function liveSweeper(adj: Adjacency, live: Uint8Array, order: Uint32Array, from: number, to: number): () => boolean {
  const { at, words } = adj;
  let list: Uint32Array | null = null;
  let length = 0;
  const alive = (s: number): boolean => {
    const a = at[s]!;
    for (let e = a + 1, end = a + 1 + words[a]!; e < end; e++) {
      const t = words[e]!;
      if (t !== s && live[t] === 1) return true;
    }
    live[s] = 0;
    return false;
  };
  return () => {
    const before = length;
    if (list === null) {
      // The first sweep: every state of the range (each is live to begin with), the survivors listed.
      list = new Uint32Array(to - from);
      for (let k = from; k < to; k++) if (alive(order[k]!)) list[length++] = order[k]!;
      return true;
    }
    let kept = 0;
    for (let k = 0; k < before; k++) {
      const s = list[k]!;
      if (alive(s)) list[kept++] = s;
    }
    length = kept;
    return kept < before;
  };
}

/** A fixpoint to compute by sweeps over the states in `order`, as plain data (a worker thread sweeps a range of it too). */
export type Fixpoint =
  | { readonly kind: "live"; readonly graph: Adjacency; readonly order: Uint32Array; readonly live: Uint8Array }
  | { readonly kind: "reach"; readonly graph: Adjacency; readonly order: Uint32Array; readonly value: BitArray; readonly allowed: BitArray };

/** A sweep of `f` over `f.order[from..to)`: call it until it returns false (nothing changed). */
export function rangeSweeper(f: Fixpoint, from: number, to: number): () => boolean {
  if (f.kind === "live") return liveSweeper(f.graph, f.live, f.order, from, to);
  return () => reachSweep(f.graph, f.value, f.allowed, f.order, from, to);
}

/** A bit array for `bits` bits per state, in shared memory (a worker thread sweeps it too). */
export function bitArray(states: number, bits: number): BitArray {
  const bytes = bits <= 8 ? 1 : bits <= 16 ? 2 : 4;
  const buffer = new SharedArrayBuffer(states * bytes);
  return bytes === 1 ? new Uint8Array(buffer) : bytes === 2 ? new Uint16Array(buffer) : new Uint32Array(buffer);
}

/** Sweeps on this thread alone until one changes nothing. */
export function sweepHere(f: Fixpoint): void {
  const sweep = rangeSweeper(f, 0, f.order.length);
  let sweeps = 1;
  const t0 = performance.now();
  while (sweep()) sweeps++;
  if (process.env.DNSMC_DEBUG) console.error(`fixpoint ${f.kind}: ${sweeps} sweeps in ${(performance.now() - t0).toFixed(0)} ms`);
}
