/**
 * The explored state graph, for the analyses that need all of it (recovery,
 * temporal properties). Every expanded state has a *record*: its number of
 * successors, then each successor's number, in action order; `at[n]` is where
 * state n's record starts. When the model declares fairness, an array beside
 * the records holds, at a record's first word, the constraints enabled in the
 * state (the union of its actions') and, at each successor's word, the
 * constraints its action belongs to. An edge is named by the place of its
 * successor's word, so its action index is `e - at[n] - 1` and is not stored.
 * The level search's threads write the records where the analyses read them
 * (level-records.ts); the sequential search's transitions are laid out the same way.
 */
import { GrowableUint32 } from "../growable.js";
import type { TraceSkeleton } from "../trace.js";

/** The transitions recorded during a search, as parallel arrays. */
export class EdgeList {
  readonly src = new GrowableUint32();
  readonly dst = new GrowableUint32();
  /** Per edge, the fairness constraints its action belongs to (bit j: constraint j); null when the model declares none. */
  readonly mask: GrowableUint32 | null;
  constructor(withMasks = false) {
    this.mask = withMasks ? new GrowableUint32() : null;
  }
  /** Adds the next edge of `src`: its edges must be added in action order, one per enabled action. */
  add(src: number, dst: number, mask = 0): void {
    this.src.push(src);
    this.dst.push(dst);
    this.mask?.push(mask);
  }
  get length(): number {
    return this.src.length;
  }
}

/** Fairness masks, one per word of the records, in the narrowest type that holds the model's constraints. */
export type MaskArray = Uint8Array | Uint16Array | Uint32Array;

/** Masks for `words` words and `constraints` constraints; in shared memory if asked. */
export function maskArray(words: number, constraints: number, shared = false): MaskArray {
  const bytes = constraints <= 8 ? 1 : constraints <= 16 ? 2 : 4;
  const buffer = shared ? new SharedArrayBuffer(words * bytes) : new ArrayBuffer(words * bytes);
  return bytes === 1 ? new Uint8Array(buffer) : bytes === 2 ? new Uint16Array(buffer) : new Uint32Array(buffer);
}

/** Label words, one per state, in the narrowest type that holds two bits per graph property. */
export type LabelArray = Uint8Array | Uint16Array | Uint32Array;

/**
 * One property's predicates in every state: bits `shift` and `shift + 1` of
 * each state's label word (bit 0: the goal of `recoverable`, or p; bit 1:
 * leadsTo's q).
 */
export interface Labels {
  readonly words: LabelArray;
  readonly shift: number;
}

/** The property's two bits in state s. */
export function labelOf(labels: Labels, s: number): number {
  return (labels.words[s]! >>> labels.shift) & 3;
}

/**
 * The graph's edges as records (see the module comment): state n's
 * successors are `words[at[n] + 1 ..= at[n] + words[at[n]]]`. Word 0 is an
 * empty record, where every number that is no state points (`at[n] === 0`).
 */
export interface Adjacency {
  readonly at: Uint32Array;
  readonly words: Uint32Array;
  /** Beside the words: a record's enabled constraints, an edge's constraints; null without fairness. */
  readonly mask: MaskArray | null;
}

/**
 * Records of the sequential search's transitions: each state's edges in the
 * order the search added them (action order), whatever order the states
 * were expanded in.
 */
export function adjacency(stateCount: number, edges: EdgeList, constraints = 0): Adjacency {
  const from = edges.src;
  const to = edges.dst;
  const at = new Uint32Array(stateCount);
  // Each state's successor count, then where its record starts: after word 0 (the empty record), in state order.
  const count = new Uint32Array(stateCount);
  for (let e = 0; e < edges.length; e++) count[from.get(e)]!++;
  let next = 1;
  for (let n = 0; n < stateCount; n++) {
    at[n] = next;
    next += 1 + count[n]!;
  }
  const words = new Uint32Array(next);
  const mask = edges.mask ? maskArray(next, constraints) : null;
  for (let n = 0; n < stateCount; n++) words[at[n]!] = count[n]!;
  const fill = count.fill(0);
  for (let e = 0; e < edges.length; e++) {
    const n = from.get(e);
    const w = at[n]! + 1 + fill[n]!++;
    words[w] = to.get(e);
    if (mask) {
      const m = edges.mask!.get(e);
      mask[w] = m;
      mask[at[n]!] |= m;
    }
  }
  return { at, words, mask };
}

/**
 * Whether staying in a state forever is a fair behaviour: no fairness
 * constraint is enabled there (`enabled`, a bit per constraint) but those
 * its self-loops take (`taken`), when it has one. The level search judges
 * each state so as it expands it, the analyses' first pass each state of a
 * graph the sequential search recorded.
 */
export function staysFairly(enabled: number, selfLoop: boolean, taken: number): boolean {
  return (selfLoop ? enabled & ~taken : enabled) === 0;
}

/** What the analyses read of a graph: plain data, which a worker thread can be sent (typed arrays over shared memory). */
export interface GraphCore {
  readonly stateCount: number;
  readonly forward: Adjacency;
  /** The initial states' numbers, in the order of `initStates()`. */
  readonly initialIds: readonly number[];
  /** Per state, whether staying in it forever is fair, when the search judged it (the level search does; else the analyses' first pass). */
  readonly fairAlone?: Uint8Array;
}

/**
 * The explored graph as every whole-graph analysis reads it, whichever search
 * recorded it: states numbered 0..stateCount-1, forward adjacency in action
 * order, and what rebuilding a trace through it needs.
 */
export interface RecordedGraph extends GraphCore {
  /** For an initial state: its index in `initStates()`. */
  initIndexOf(n: number): number;
  /** Whether `state`, reached by replaying a path of the graph, is state n of the graph (checked at every step of a trace). */
  isStateNumber(state: unknown, n: number): boolean;
  /** Per property index (recoverable, temporal): its predicate bits in each state (graph/temporal.ts). */
  readonly labels: ReadonlyMap<number, Labels>;
  /** Whether the fairness masks were recorded (a temporal property and a model with fairness). */
  readonly fair: boolean;
}

/** The skeleton of a path of the graph (state numbers, and each step's action index), from which a trace is rebuilt. */
export function pathSkeleton(g: RecordedGraph, ids: readonly number[], actionIndices: readonly number[]): TraceSkeleton {
  return { initIndex: g.initIndexOf(ids[0]!), actionIndices, recorded: (i, state) => g.isStateNumber(state, ids[i]!) };
}
