/**
 * The explored state graph, for the analyses that need all of it (recovery,
 * temporal properties): the search records every transition as a triple of
 * state numbers and action index, and, when the model declares fairness, the
 * fairness constraints the action belongs to. The analyses read it as
 * compressed adjacency (CSR).
 */
import { GrowableUint32 } from "../growable.js";

/** The transitions recorded during a search, as parallel arrays. */
export class EdgeList {
  readonly src = new GrowableUint32();
  readonly dst = new GrowableUint32();
  readonly action = new GrowableUint32();
  /** Per edge, the fairness constraints its action belongs to (bit j: constraint j); null when the model declares none. */
  readonly mask: GrowableUint32 | null;
  constructor(withMasks = false) {
    this.mask = withMasks ? new GrowableUint32() : null;
  }
  add(src: number, dst: number, action: number, mask = 0): void {
    this.src.push(src);
    this.dst.push(dst);
    this.action.push(action);
    this.mask?.push(mask);
  }
  get length(): number {
    return this.src.length;
  }
}

/** Compressed adjacency: the edges of state n are `start[n] .. start[n+1]-1`. */
export interface Adjacency {
  readonly start: Uint32Array;
  readonly target: Uint32Array;
  readonly action: Uint32Array;
  /** Fairness masks per edge (all zero without fairness). */
  readonly mask: Uint32Array;
}

/**
 * Adjacency keyed by the edges' sources. A stable counting sort keeps each state's
 * edges in the order the search recorded them (action order), so that every
 * analysis meets them, and builds its traces, in the search's order.
 */
export function adjacency(stateCount: number, edges: EdgeList): Adjacency {
  const from = edges.src;
  const to = edges.dst;
  const start = new Uint32Array(stateCount + 1);
  for (let e = 0; e < edges.length; e++) start[from.get(e) + 1]!++;
  for (let n = 0; n < stateCount; n++) start[n + 1]! += start[n]!;
  const fill = start.slice(0, stateCount);
  const target = new Uint32Array(edges.length);
  const action = new Uint32Array(edges.length);
  const mask = new Uint32Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    const slot = fill[from.get(e)]!++;
    target[slot] = to.get(e);
    action[slot] = edges.action.get(e);
    if (edges.mask) mask[slot] = edges.mask.get(e);
  }
  return { start, target, action, mask };
}

/** The same edges keyed by target: for backward searches (graph/recovery.ts). */
export function reversed(stateCount: number, forward: Adjacency): Adjacency {
  const { start, target, action, mask } = forward;
  const edges = target.length;
  const rstart = new Uint32Array(stateCount + 1);
  for (let e = 0; e < edges; e++) rstart[target[e]! + 1]!++;
  for (let n = 0; n < stateCount; n++) rstart[n + 1]! += rstart[n]!;
  const fill = rstart.slice(0, stateCount);
  const rtarget = new Uint32Array(edges);
  const raction = new Uint32Array(edges);
  const rmask = new Uint32Array(edges);
  for (let n = 0; n < stateCount; n++) {
    for (let e = start[n]!; e < start[n + 1]!; e++) {
      const slot = fill[target[e]!]!++;
      rtarget[slot] = n;
      raction[slot] = action[e]!;
      rmask[slot] = mask[e]!;
    }
  }
  return { start: rstart, target: rtarget, action: raction, mask: rmask };
}

/**
 * The explored graph as every whole-graph analysis reads it, whichever search
 * recorded it: states numbered 0..stateCount-1, forward adjacency in action
 * order, and what rebuilding a trace through it needs.
 */
export interface RecordedGraph {
  readonly stateCount: number;
  readonly forward: Adjacency;
  /** The initial states' numbers, in the order of `initStates()`. */
  readonly initialIds: readonly number[];
  /** For an initial state: its index in `initStates()`. */
  initIndexOf(n: number): number;
  fingerprintOf(n: number): { readonly hi: number; readonly lo: number };
  /** Per property index (recoverable, temporal): its predicate bits in each state (graph/temporal.ts). */
  readonly labels: ReadonlyMap<number, Uint8Array>;
  /** Whether the fairness masks were recorded (a temporal property and a model with fairness). */
  readonly fair: boolean;
  /** Which numbers are states (all, when absent): the level search's numbering leaves holes. */
  readonly present?: Uint8Array;
}
