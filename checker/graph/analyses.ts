/**
 * The whole-graph analyses of a check, shared among threads. Each property
 * that needs the graph (recoverable, temporal) is one independent analysis
 * of the same graph; when the level search has worker threads, they sit idle
 * once it ends, so one of them takes some of the analyses while this thread
 * runs the others. The graph is in shared memory (from-levels.ts) and an
 * analysis's answer is plain data (a path, a lasso), so a worker thread reads
 * the graph where it is and sends back only its answer. Which thread runs an
 * analysis changes nothing in it: the results are the same.
 */
import type { GraphCore } from "./graph.js";
import { findStuckState, type StuckPath } from "./recovery.js";
import { FairGraph, findFairLasso, type ConstraintKinds, type Lasso, type TemporalKind } from "./temporal.js";

/** One analysis: a property's index, what it asks, and its predicate bits per state. */
export interface AnalysisTask {
  readonly index: number;
  readonly kind: "recoverable" | TemporalKind;
  readonly labels: Uint8Array;
}

/** What an analysis found: a path to a stuck state (recoverable), a lasso (temporal), or nothing (the property holds). */
export type AnalysisResult = StuckPath | Lasso | null;

/** A request to a worker thread: the graph's arrays, the fairness constraints' kinds, and the analyses to run. */
export interface AnalysisRequest {
  readonly graph: GraphCore;
  readonly constraints: ConstraintKinds;
  readonly tasks: readonly AnalysisTask[];
}

/** Runs analyses on this thread, in order; the fair graph (a state's enabled constraints) is built once, when needed. */
export function runAnalyses(request: AnalysisRequest): AnalysisResult[] {
  let fair: FairGraph | null = null;
  return request.tasks.map((t) => {
    if (t.kind === "recoverable") return findStuckState(request.graph, t.labels);
    fair ??= new FairGraph(request.graph, request.constraints);
    return findFairLasso(fair, t.kind, t.labels);
  });
}

/**
 * Splits the tasks between this thread and a worker thread: alternately, the
 * recovery analyses first (each is about two thirds of a temporal one), so
 * that each side gets a share of both kinds.
 */
export function splitTasks(tasks: readonly AnalysisTask[]): { here: AnalysisTask[]; there: AnalysisTask[] } {
  const ordered = [...tasks.filter((t) => t.kind === "recoverable"), ...tasks.filter((t) => t.kind !== "recoverable")];
  return { here: ordered.filter((_, k) => k % 2 === 0), there: ordered.filter((_, k) => k % 2 === 1) };
}
