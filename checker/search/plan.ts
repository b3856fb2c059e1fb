/**
 * Which search a check runs, decided in one place and reported with the
 * result (`CheckResult.plan`, `--json`), so that "--workers 2" on a check
 * that cannot use a second thread says why instead of running on one
 * silently.
 */
import type { Model } from "../model.js";
import { needsGraph, type Property } from "../property.js";
import type { SearchLimits } from "./limits.js";
import { MAX_GRAPH_PROPERTIES } from "../evaluate.js";
import type { Strategy } from "./frontier.js";

/** The search chosen for a check, and why. */
export interface SearchPlan {
  /** `levels`: level by level over a shared fingerprint set; `sequential`: one loop with parent links. */
  readonly search: "levels" | "sequential";
  /** Threads working on the search, this one included. */
  readonly threads: number;
  /** For the sequential search: a worker thread computes successors' fingerprints ahead of it (prefetch.ts). */
  readonly prefetch: boolean;
  /** Why this search and this many threads, in one sentence. */
  readonly reason: string;
}

/** What the plan depends on. */
export interface PlanInput {
  readonly properties: readonly Property<any, any>[];
  readonly strategy: Strategy;
  readonly maxStates: number;
  readonly maxDepth: number;
  readonly symmetry: boolean;
  readonly fastPath: boolean;
  readonly workers: number;
  /** Whether worker threads can rebuild the model (an origin, a worker source or a pool). */
  readonly rebuildable: boolean;
}

/** The plan for checking `model` with these options. */
export function planSearch(model: Model<unknown, unknown>, o: PlanInput): SearchPlan {
  const threads = (n: number, why: string): string => (o.workers > 1 && n === 1 ? `${why}, so one thread works although ${o.workers} were asked for` : why);
  if (!o.fastPath || !model.packed) {
    const why = !o.fastPath ? "the generic path was asked for" : "the model's states are plain objects, not packed";
    const prefetch = o.workers > 1 && o.rebuildable && o.strategy === "bfs" && o.properties.every((p) => p.kind !== "step");
    const helper = prefetch ? "; a worker thread computes successors ahead of the sequential search" : o.workers > 1 ? (o.rebuildable ? "; a step property or depth-first search keeps it on one thread" : "; worker threads cannot rebuild the model (no origin or worker source)") : "";
    return { search: "sequential", threads: prefetch ? 2 : 1, prefetch, reason: threads(prefetch ? 2 : 1, `${why}${helper}`) };
  }
  if (o.symmetry && !model.packed.canonicalizeInPlace) return { search: "sequential", threads: 1, prefetch: false, reason: threads(1, "symmetry reduction without a packed canonicalizeInPlace needs the sequential search") };
  if (!levelsApply(o.properties, o)) {
    const why =
      o.strategy !== "bfs"
        ? "depth-first search is sequential"
        : o.maxStates !== Infinity || o.maxDepth !== Infinity
          ? "--max-states and --max-depth need the sequential search's exact cut-off"
          : o.properties.length > 31
            ? "more than 31 properties"
            : "more than 16 properties of the whole graph (recoverable, temporal)";
    return { search: "sequential", threads: 1, prefetch: false, reason: threads(1, why) };
  }
  if (o.workers > 1 && !o.rebuildable) return { search: "levels", threads: 1, prefetch: false, reason: threads(1, "worker threads cannot rebuild the model (no origin, worker source or pool)") };
  return { search: "levels", threads: o.workers, prefetch: false, reason: o.workers > 1 ? `breadth-first over packed states, level by level on ${o.workers} threads` : "breadth-first over packed states, level by level" };
}

/** Whether the level search applies to these properties and limits (plan.ts adds what depends on the model); the CLI asks it before building one. */
export function levelsApply(properties: readonly Property[], limits: Pick<SearchLimits, "strategy" | "maxStates" | "maxDepth">): boolean {
  return (
    limits.strategy === "bfs" &&
    limits.maxStates === Infinity &&
    limits.maxDepth === Infinity &&
    properties.length <= 31 &&
    properties.filter(needsGraph).length <= MAX_GRAPH_PROPERTIES
  );
}
