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
 * Adjacency keyed by `from` (the edges' sources for the forward graph, their
 * targets for the backward one). A stable counting sort keeps each state's
 * edges in the order the search recorded them (action order), so that every
 * analysis meets them, and builds its traces, in the search's order.
 */
export function adjacency(stateCount: number, edges: EdgeList, direction: "forward" | "backward" = "forward"): Adjacency {
  const from = direction === "forward" ? edges.src : edges.dst;
  const to = direction === "forward" ? edges.dst : edges.src;
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
