/**
 * What bounds a search and what it reports while it runs: shared by the
 * sequential search (explore.ts), the level search (parallel.ts) and
 * `check`, which sets them from its options.
 */
import type { Strategy } from "./frontier.js";

/** Limits and switches of one search. */
export interface SearchLimits {
  readonly strategy: Strategy;
  /**
   * Explore every reachable state and decide every property (`--continue`);
   * false stops at the first violated invariant or step property, or as soon
   * as every property is decided.
   */
  readonly continue: boolean;
  readonly maxStates: number;
  readonly maxDepth: number;
  readonly deadline: number; // performance.now() value; Infinity for none
  /** Resident memory at which to stop; Infinity for none. */
  readonly maxMemoryBytes: number;
  readonly onProgress?: (progress: Progress) => void;
}

/** A snapshot of a running search, for progress displays. */
export interface Progress {
  readonly distinctStates: number;
  readonly statesFound: number;
  /** Depth of the states being expanded. */
  readonly depth: number;
  /** States waiting in the state queue. */
  readonly frontier: number;
  readonly elapsedMs: number;
  /** Resident memory of the process. */
  readonly rssBytes: number;
}
