/**
 * The explored state graph, for the analyses that need all of it (recovery,
 * temporal properties): the search records every transition as a pair of
 * state numbers, and, when the model declares fairness, the fairness
 * constraints the action belongs to. The analyses read it as compressed
 * adjacency (CSR). A state's edges are its enabled actions in order, one
 * each, so an edge's action index is its place among its state's edges
 * (`e - start[n]`) and is not stored.
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

/** Fairness masks, one per edge, in the narrowest type that holds the model's constraints. */
export type MaskArray = Uint8Array | Uint16Array | Uint32Array;

/** Masks for `edges` edges and `constraints` constraints (none: all zero, one byte each); in shared memory if asked. */
export function maskArray(edges: number, constraints: number, shared = false): MaskArray {
  const bytes = constraints <= 8 ? 1 : constraints <= 16 ? 2 : 4;
  const buffer = shared ? new SharedArrayBuffer(edges * bytes) : new ArrayBuffer(edges * bytes);
  return bytes === 1 ? new Uint8Array(buffer) : bytes === 2 ? new Uint16Array(buffer) : new Uint32Array(buffer);
}

/** A Uint32Array in shared memory, which a worker thread reads where it is (the level search's graph). */
export function sharedUint32(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(length * 4));
}

/** A Uint8Array in shared memory. */
export function sharedUint8(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

/** Compressed adjacency: the edges of state n are `start[n] .. start[n+1]-1`, in action order. */
export interface Adjacency {
  readonly start: Uint32Array;
  readonly target: Uint32Array;
  /** Fairness masks per edge (all zero without fairness). */
  readonly mask: MaskArray;
}

/**
 * Adjacency keyed by the edges' sources. A stable counting sort keeps each state's
 * edges in the order the search recorded them (action order), so that every
 * analysis meets them, and builds its traces, in the search's order.
 */
export function adjacency(stateCount: number, edges: EdgeList, constraints = 0): Adjacency {
  const from = edges.src;
  const to = edges.dst;
  const start = new Uint32Array(stateCount + 1);
  for (let e = 0; e < edges.length; e++) start[from.get(e) + 1]!++;
  for (let n = 0; n < stateCount; n++) start[n + 1]! += start[n]!;
  const fill = start.slice(0, stateCount);
  const target = new Uint32Array(edges.length);
  const mask = maskArray(edges.mask ? edges.length : 0, constraints);
  for (let e = 0; e < edges.length; e++) {
    const slot = fill[from.get(e)]!++;
    target[slot] = to.get(e);
    if (edges.mask) mask[slot] = edges.mask.get(e);
  }
  return { start, target, mask: edges.mask ? mask : maskArray(edges.length, 0) };
}

/** What the analyses read of a graph: plain data, which a worker thread can be sent (typed arrays over shared memory). */
export interface GraphCore {
  readonly stateCount: number;
  readonly forward: Adjacency;
  /** The initial states' numbers, in the order of `initStates()`. */
  readonly initialIds: readonly number[];
  /** Which numbers are states (all, when absent): the level search's numbering leaves holes. */
  readonly present?: Uint8Array;
}

/**
 * The explored graph as every whole-graph analysis reads it, whichever search
 * recorded it: states numbered 0..stateCount-1, forward adjacency in action
 * order, and what rebuilding a trace through it needs.
 */
export interface RecordedGraph extends GraphCore {
  /** For an initial state: its index in `initStates()`. */
  initIndexOf(n: number): number;
  fingerprintOf(n: number): { readonly hi: number; readonly lo: number };
  /** Per property index (recoverable, temporal): its predicate bits in each state (graph/temporal.ts). */
  readonly labels: ReadonlyMap<number, Uint8Array>;
  /** Whether the fairness masks were recorded (a temporal property and a model with fairness). */
  readonly fair: boolean;
}

/** The skeleton of a path of the graph (state numbers, and each step's action index), from which a trace is rebuilt. */
export function pathSkeleton(g: RecordedGraph, ids: readonly number[], actionIndices: readonly number[]): TraceSkeleton {
  return { initIndex: g.initIndexOf(ids[0]!), actionIndices, fingerprints: ids.map((n) => g.fingerprintOf(n)) };
}
