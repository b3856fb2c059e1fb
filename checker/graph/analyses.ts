/**
 * The whole-graph analyses of a check. Each property that needs the graph
 * (recoverable, temporal) is an analysis of the same graph. The recoverable
 * ones are decided together, by one decomposition of every state
 * (recovery.ts); a convergence property's fair components start with that
 * same decomposition, so they share it when both are asked.
 *
 * When the level search has worker threads, they sit idle once it ends, so
 * one of them takes a share of the analyses while this thread runs the rest.
 * The graph is in shared memory (from-levels.ts) and an analysis's answer is
 * plain data (a path, a lasso), so a worker thread reads the graph where it
 * is and sends back only its answers. Which thread runs an analysis changes
 * nothing in it: the results are the same.
 */
import type { GraphCore } from "./graph.js";
import { allStates, Recovery, stuckPath, type StuckPath } from "./recovery.js";
import { Tarjan } from "./scc.js";
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

/**
 * Runs analyses on this thread; the answers come in the tasks' order. The
 * recoverable tasks share one decomposition, that of the first convergence
 * task when there is one; the fair graph (each state's enabled constraints)
 * is built once, when a temporal task needs it.
 */
export function runAnalyses(request: AnalysisRequest): AnalysisResult[] {
  const { graph, tasks } = request;
  const recoverable = tasks.filter((t) => t.kind === "recoverable");
  const recovery = recoverable.length > 0 ? new Recovery(graph.forward, graph.stateCount, recoverable.map((t) => t.labels)) : null;
  const sharing = recovery ? tasks.find((t) => t.kind === "convergesTo") : undefined;
  let fair: FairGraph | null = null;
  const answers = new Map<AnalysisTask, AnalysisResult>();
  for (const t of tasks) {
    if (t.kind === "recoverable") continue;
    fair ??= new FairGraph(graph, request.constraints);
    answers.set(t, findFairLasso(fair, t.kind, t.labels, t === sharing ? recovery!.component : undefined));
  }
  if (recovery && !sharing) new Tarjan(graph.forward, graph.stateCount).run(allStates(graph), recovery.component);
  recoverable.forEach((t, j) => answers.set(t, stuckPath(graph, recovery!.canRecover[j]!)));
  return tasks.map((t) => answers.get(t)!);
}

/**
 * Splits the tasks between this thread and a worker thread: the recoverable
 * ones stay together, with a convergence task whose decomposition they share
 * (about the cost of one temporal analysis in all); those bundles and the
 * other tasks go to each side in turn.
 */
export function splitTasks(tasks: readonly AnalysisTask[]): { here: AnalysisTask[]; there: AnalysisTask[] } {
  const recoverable = tasks.filter((t) => t.kind === "recoverable");
  const sharing = recoverable.length > 0 ? tasks.find((t) => t.kind === "convergesTo") : undefined;
  const first = [...recoverable, ...(sharing ? [sharing] : [])];
  const bundles = [...(first.length > 0 ? [first] : []), ...tasks.filter((t) => !first.includes(t)).map((t) => [t])];
  return { here: bundles.filter((_, k) => k % 2 === 0).flat(), there: bundles.filter((_, k) => k % 2 === 1).flat() };
}
