/**
 * `check`: explore a model and judge its properties. Returns a
 * {@link CheckResult}; never prints, never exits, never throws for a property
 * failure or a faulty model (those are results too). It throws only for
 * misuse of the API itself (bad options).
 */
import { fingerprinterFor, type Fingerprinter } from "./fingerprinter.js";
import { explore, ModelFailure, type Exploration, type Finding } from "./search/explore.js";
import type { Progress, SearchLimits } from "./search/limits.js";
import { searchLevels, type LevelOutcome, type LevelTuning } from "./search/levels/parallel.js";
import { graphFromLevels } from "./graph/from-levels.js";
import { pathSkeleton, type GraphCore, type RecordedGraph } from "./graph/graph.js";
import { planSearch } from "./search/plan.js";
import { WorkerPool, type WorkerSource } from "./search/levels/worker-pool.js";
import { WORKER_MODEL } from "./worker-model.js";
import { Prefetch } from "./search/prefetch.js";
import { deadlockFree } from "./deadlock.js";
import type { Strategy } from "./search/frontier.js";
import type { Model } from "./model.js";
import type { History, Property } from "./property.js";
import type { StuckPath } from "./graph/recovery.js";
import type { Lasso } from "./graph/temporal.js";
import { runAnalyses, runAnalysesShared, type AnalysisRequest, type AnalysisResult, type AnalysisTask } from "./graph/analyses.js";
import { fairnessNotes, lassoReason, replayLasso } from "./lasso.js";
import { isTemporal, needsGraph } from "./property.js";
import { MAX_FAIRNESS } from "./fairness.js";
import { MAX_GRAPH_PROPERTIES } from "./evaluate.js";
import type { CheckResult, CheckStatus, ModelError, PropertyResult, StopReason, Trace, TraceStep } from "./result.js";
import { StateStore } from "./search/store.js";
import { historyOf, NondeterminismError, rebuildTrace, skeleton, type TraceSkeleton } from "./trace.js";

/** How to search. Every field is optional. */
export interface CheckOptions<S, A> extends LevelTuning {
  /** The properties to judge (default: none; the search then only counts states). */
  readonly properties?: readonly Property<S, A>[];
  /**
   * Also report a reachable state with no enabled action, as the property
   * "deadlock" (deadlock.ts; default false: a protocol may end on purpose).
   */
  readonly deadlock?: boolean;
  /** `bfs` (default: every trace is a shortest one) or `dfs`. */
  readonly strategy?: Strategy;
  /**
   * Go on after a violation: explore every reachable state and decide every
   * property, instead of stopping at the first violation (or as soon as every
   * property is decided). The CLI's `--continue`, TLC's `-continue`.
   */
  readonly continue?: boolean;
  /** @deprecated The former name of `continue`, still accepted. */
  readonly exhaustive?: boolean;
  /** Stop after storing this many distinct states. */
  readonly maxStates?: number;
  /** Do not expand states deeper than this many actions from an initial state. */
  readonly maxDepth?: number;
  /** Stop after about this many milliseconds. */
  readonly timeoutMs?: number;
  /** Explore one representative per symmetry class (needs `model.canonical`). */
  readonly symmetry?: boolean;
  /** Stop (incomplete) once the process's resident memory exceeds this many bytes. */
  readonly maxMemoryBytes?: number;
  /**
   * Use the model's packed fast path when it has one (default true). False
   * explores through the generic object path: same states, slower; the
   * benchmark shows both.
   */
  readonly fastPath?: boolean;
  /** Called about once a second with the search's progress. */
  readonly onProgress?: (progress: Progress) => void;
  /**
   * Threads for the level-synchronous search of a packed model (default 1).
   * More than one needs a way for each thread to rebuild the model: the
   * model's `origin` (set by `defineFamily`), a `workerSource`, or a
   * `workerPool`.
   */
  readonly workers?: number;
  readonly workerSource?: WorkerSource;
  /**
   * Worker threads started beforehand (so that they load the model while the
   * caller does): the search uses them in place of `workers` and
   * `workerSource`, and closes them when it ends.
   */
  readonly workerPool?: WorkerPool;
}

/**
 * Explores `model` and judges `options.properties`. A breadth-first search of
 * a packed model runs level by level over a shared fingerprint set
 * (search/levels/parallel.ts): on `workers` threads when a worker source
 * says how they can rebuild the model, else on this one. Other searches run
 * the sequential loop.
 */
export async function check<S, A>(model: Model<S, A>, given: CheckOptions<S, A> = {}): Promise<CheckResult<S, A>> {
  const options = withDeadlock(model, given);
  const workers = options.workers ?? 1;
  // A model that knows its origin (defineFamily) is rebuilt by the engine's own worker module.
  const named = (given.properties ?? []).map((p) => p.name);
  const source = options.workerSource ?? (model.origin ? { module: WORKER_MODEL, spec: { origin: model.origin, properties: named, deadlock: given.deadlock ?? false } } : undefined);
  if (options.workerPool && options.workerPool.symmetry !== (options.symmetry ?? false)) {
    await options.workerPool.close();
    throw new Error("check: the worker pool must have loaded the model, with the check's symmetry setting.");
  }
  const plan = planSearch(model as Model<unknown, unknown>, {
    properties: options.properties ?? [],
    strategy: options.strategy ?? "bfs",
    maxStates: options.maxStates ?? Infinity,
    maxDepth: options.maxDepth ?? Infinity,
    symmetry: options.symmetry ?? false,
    fastPath: options.fastPath !== false,
    // Threads started beforehand count as the threads asked for.
    workers: options.workerPool ? options.workerPool.size + 1 : workers,
    rebuildable: source !== undefined || options.workerPool !== undefined,
  });
  if (process.env.DNSMC_DEBUG) console.error(`plan: ${plan.search} search on ${plan.threads} thread${plan.threads === 1 ? "" : "s"}: ${plan.reason}`);
  const planned = (r: CheckResult<S, A>): CheckResult<S, A> => ({ ...r, plan });
  // A plain-object model (or the generic path asked for): the sequential search, with a worker thread computing
  // successors' fingerprints ahead of it (search/prefetch.ts) when there are threads to spare.
  if (options.fastPath === false || !model.packed) {
    await options.workerPool?.close();
    const prefetch = plan.prefetch ? new Prefetch<S>(source!, options.symmetry ?? false, options.patientPrefetch ?? false) : undefined;
    try {
      const generic = options.fastPath === false ? { ...model, packed: undefined } : model;
      const result = checkWith(generic, options, (fingerprinter, properties, limits) => explore(generic, fingerprinter, properties, limits, prefetch));
      if (prefetch && process.env.DNSMC_DEBUG) console.error(`prefetch: ${prefetch.byWorker} states expanded by the worker thread, ${prefetch.bySearch} by the search`);
      return planned(result);
    } finally {
      await prefetch?.close();
    }
  }
  // Threads only where the level search runs on more than one.
  const pool = plan.search === "levels" && plan.threads > 1 ? (options.workerPool ?? WorkerPool.load(source!, workers - 1, options.symmetry ?? false)) : null;
  if (!pool) await options.workerPool?.close();
  try {
    if (plan.search === "sequential") return planned(checkSync(model, given));
    return planned(
      await checkWith(model, options, async (fingerprinter, properties, limits) => {
        const outcome = await searchLevels(model, fingerprinter, properties, limits, pool, options);
        // The worker threads are idle now: one shares the graph's analyses, starting with their first pass while this
        // thread rebuilds the other properties' traces.
        const graph = recordedGraph(model, fingerprinter, outcome);
        const analysing = pool && graph ? analyseOnThreads(model, graph, properties, pool) : null;
        const x = withTraces(model, fingerprinter, properties, limits, outcome, graph);
        const analyses = analysing ? await analysing : null;
        return analyses ? { ...x, analyses } : x;
      }),
    );
  } finally {
    await pool?.close();
  }
}

/**
 * The level search keeps no parent links: where it found something, the
 * sequential search runs again to the depth of the deepest first finding. It
 * finds what a single thread would have found first, so the traces are the
 * same; when the level search stopped at a violation, so did the sequential
 * one, at the same state, and its whole result stands. Properties of the
 * whole graph are judged on the graph the level search recorded.
 */
function withTraces<S, A>(
  model: Model<S, A>,
  fingerprinter: Fingerprinter<S>,
  properties: readonly Property<S, A>[],
  limits: SearchLimits,
  o: LevelOutcome,
  graph = recordedGraph(model, fingerprinter, o),
): Exploration {
  // The rerun looks for the other properties' findings only, then numbers them as the check does.
  const others = properties.flatMap((p, i) => (needsGraph(p) ? [] : [[p, i] as const]));
  const bounded = (maxDepth: number): Exploration => {
    const x = explore(model, fingerprinter, others.map(([p]) => p), { strategy: "bfs", continue: limits.continue, maxStates: Infinity, maxDepth, deadline: Infinity, maxMemoryBytes: Infinity });
    return { ...x, findings: new Map([...x.findings].map(([j, f]) => [others[j]![1], f])) };
  };
  if (o.failure) {
    // The sequential search meets the same failure and names the path to it.
    bounded(o.failure.depth + 1);
    throw new ModelFailure(`a worker thread failed: ${o.failure.message}`, null, null, null);
  }
  const depths = o.foundAtDepth.filter((d, i) => d >= 0 && !needsGraph(properties[i]!));
  const counts = { stopReason: o.stopReason, statesFound: o.statesFound, distinctStates: o.distinctStates, diameter: o.diameter, storeBytes: o.storeBytes };
  if (depths.length === 0) return { store: new StateStore(16), initialIds: [], findings: new Map(), graph, ...counts };
  const x = bounded(Math.max(...depths));
  if (!limits.continue && (o.stopReason === "violation" || o.stopReason === "decided")) return x;
  return { ...x, ...counts, graph };
}

// The graph the level search recorded, when it explored every state (its traces are checked against the search's own
// fingerprints).
function recordedGraph<S, A>(model: Model<S, A>, fingerprinter: Fingerprinter<S>, o: LevelOutcome): RecordedGraph | null {
  return o.graph && o.stopReason === "exhausted" && !o.failure ? graphFromLevels(o.graph, model.packed!, fingerprinter) : null;
}

/** The options with the deadlock check, when asked for, as the first property. */
function withDeadlock<S, A>(model: Model<S, A>, options: CheckOptions<S, A>): CheckOptions<S, A> {
  return options.deadlock ? { ...options, properties: [deadlockFree(model), ...(options.properties ?? [])] } : options;
}

/** The synchronous core of {@link check}: one thread. */
export function checkSync<S, A>(model: Model<S, A>, given: CheckOptions<S, A> = {}): CheckResult<S, A> {
  const options = withDeadlock(model, given);
  return checkWith(model, options, (fingerprinter, properties, limits) => explore(options.fastPath === false ? { ...model, packed: undefined } : model, fingerprinter, properties, limits));
}

type Explorer<S, A> = (fingerprinter: Fingerprinter<S>, properties: readonly Property<S, A>[], limits: SearchLimits) => Exploration;
type AsyncExplorer<S, A> = (fingerprinter: Fingerprinter<S>, properties: readonly Property<S, A>[], limits: SearchLimits) => Promise<Exploration>;

function checkWith<S, A>(model: Model<S, A>, options: CheckOptions<S, A>, run: Explorer<S, A>): CheckResult<S, A>;
function checkWith<S, A>(model: Model<S, A>, options: CheckOptions<S, A>, run: AsyncExplorer<S, A>): Promise<CheckResult<S, A>>;
function checkWith<S, A>(model: Model<S, A>, options: CheckOptions<S, A>, run: Explorer<S, A> | AsyncExplorer<S, A>): CheckResult<S, A> | Promise<CheckResult<S, A>> {
  const started = performance.now();
  const properties = options.properties ?? [];
  const strategy = options.strategy ?? "bfs";
  const symmetry = options.symmetry ?? false;
  validate(options, properties);
  const fingerprinter = fingerprinterFor(model, symmetry);
  const base = { strategy, symmetry };
  const limits: SearchLimits = {
    strategy,
    continue: options.continue ?? options.exhaustive ?? false,
    maxStates: options.maxStates ?? Infinity,
    maxDepth: options.maxDepth ?? Infinity,
    deadline: options.timeoutMs === undefined ? Infinity : started + options.timeoutMs,
    maxMemoryBytes: options.maxMemoryBytes ?? Infinity,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const invalid = invalidModel(model) ?? tooMany(model, properties);
  if (invalid) return failed(base, properties, started, { kind: "invalid-model", message: invalid, path: [] });
  const onFailure = (error: unknown): CheckResult<S, A> => {
    if (!(error instanceof ModelFailure)) throw error;
    return failed(base, properties, started, modelThrew(model, fingerprinter, error));
  };
  let explored: Exploration | Promise<Exploration>;
  try {
    explored = run(fingerprinter, properties, limits);
  } catch (error) {
    return onFailure(error);
  }
  if (explored instanceof Promise) return explored.then((x) => judgeAll(model, fingerprinter, properties, x, base, started), onFailure);
  return judgeAll(model, fingerprinter, properties, explored, base, started);
}

function judgeAll<S, A>(
  model: Model<S, A>,
  fingerprinter: Fingerprinter<S>,
  properties: readonly Property<S, A>[],
  exploration: Exploration,
  base: { strategy: Strategy; symmetry: boolean },
  started: number,
): CheckResult<S, A> {
  try {
    // The graph's analyses, unless the search's threads ran them already: all at once, so that they can share work.
    const analysed =
      exploration.graph && !exploration.analyses && exploration.stopReason === "exhausted" ? { ...exploration, analyses: analyseHere(model, exploration.graph, properties) } : exploration;
    const results = properties.map((p, i) => judge(model, fingerprinter, analysed, p, i));
    return {
      ...base,
      status: overallStatus(results, exploration.stopReason),
      stopReason: exploration.stopReason,
      complete: exploration.stopReason === "exhausted",
      distinctStates: exploration.distinctStates,
      statesGenerated: exploration.statesFound,
      statesFound: exploration.statesFound,
      diameter: exploration.diameter,
      elapsedMs: performance.now() - started,
      storeBytes: exploration.storeBytes,
      properties: results,
    };
  } catch (error) {
    if (error instanceof NondeterminismError) {
      return failed(base, properties, started, { kind: "nondeterministic", message: error.message, path: error.path }, exploration);
    }
    if (error instanceof ModelFailure) return failed(base, properties, started, { kind: "model-threw", message: error.message, path: [] }, exploration);
    throw error;
  }
}

function judge<S, A>(model: Model<S, A>, fingerprinter: Fingerprinter<S>, x: Exploration, p: Property<S, A>, i: number): PropertyResult<S, A> {
  const head = { name: p.name, kind: p.kind, description: p.description ?? "" };
  const complete = x.stopReason === "exhausted";
  const finding = x.findings.get(i);
  const withTrace = (verdict: "violated" | "found", steps: TraceStep<S, A>[], reason: (h: History<S, A>) => string): PropertyResult<S, A> => {
    const history = historyOf(steps);
    const trace: Trace<S, A> = { steps, reason: reason(history), notes: model.annotate ? [...model.annotate(history)] : [] };
    return { ...head, verdict, traceLength: steps.length - 1, trace };
  };
  const unknown = (): PropertyResult<S, A> => ({ ...head, verdict: "unknown", traceLength: null, trace: null, note: undecidedNote(x.stopReason) });
  const noTrace = (verdict: "holds" | "violated", note?: string): PropertyResult<S, A> => ({
    ...head,
    verdict,
    traceLength: null,
    trace: null,
    ...(note === undefined ? {} : { note }),
  });

  switch (p.kind) {
    case "always": {
      if (finding) {
        const steps = replayFinding(model, fingerprinter, x.store, finding);
        const last = steps[steps.length - 1]!.state;
        return withTrace("violated", steps, (h) => p.explain?.(last, h) ?? `The invariant "${p.name}" is false in this state.`);
      }
      return complete ? noTrace("holds") : unknown();
    }
    case "step": {
      if (finding) {
        const steps = replayFinding(model, fingerprinter, x.store, finding);
        const after = steps[steps.length - 1]!;
        const before = steps[steps.length - 2]!.state;
        return withTrace("violated", steps, (h) => p.explain?.(before, after.action as A, after.state, h) ?? `The step property "${p.name}" is false of the last step.`);
      }
      return complete ? noTrace("holds") : unknown();
    }
    case "sometimes": {
      if (finding) {
        const steps = replayFinding(model, fingerprinter, x.store, finding);
        const last = steps[steps.length - 1]!.state;
        return withTrace("found", steps, (h) => p.explain?.(last, h) ?? `The witness "${p.name}" is reached in this state.`);
      }
      if (!complete) return unknown();
      return noTrace(
        "violated",
        `No reachable state satisfies "${p.name}" (${x.distinctStates} distinct states explored): the properties that rely on it being reachable are checked vacuously.`,
      );
    }
    case "recoverable": {
      if (!complete) return unknown();
      const g = x.graph!;
      const stuck = x.analyses!.get(i) as StuckPath | null;
      if (stuck === null) return noTrace("holds");
      const steps = rebuildTrace(model, fingerprinter, pathSkeleton(g, stuck.ids, stuck.actionIndices));
      const last = steps[steps.length - 1]!.state;
      const count = stuck.reachableFromStuck;
      return withTrace(
        "violated",
        steps,
        (h) =>
          `${p.explain ? `${p.explain(last, h)} ` : ""}No state satisfying "${p.name}" is reachable from here: ` +
          `${count === 1 ? "no other state is reachable" : `all ${count} states reachable from here fail it`}.`,
      );
    }
    case "eventually":
    case "leadsTo":
    case "convergesTo": {
      if (!complete) return unknown();
      const lasso = x.analyses!.get(i) as Lasso | null;
      if (lasso === null) return noTrace("holds");
      const { steps, loop } = replayLasso(model, fingerprinter, x.graph!, lasso);
      const history = historyOf(steps);
      const trace: Trace<S, A> = { steps, reason: lassoReason(p, steps, loop, history), notes: model.annotate ? [...model.annotate(history)] : [], loop, fairness: fairnessNotes(model, steps, loop) };
      return { ...head, verdict: "violated", traceLength: steps.length - 1, trace };
    }
  }
}

/**
 * Runs the graph's analyses on this thread and a worker thread of the pool at
 * once (graph/analyses.ts, runAnalysesShared); null when no worker thread can
 * take part (judgeAll then runs them all on this thread). If the worker
 * thread fails, this thread runs them all again alone.
 */
async function analyseOnThreads<S, A>(model: Model<S, A>, graph: RecordedGraph, properties: readonly Property<S, A>[], pool: WorkerPool): Promise<Map<number, AnalysisResult> | null> {
  const request = analysisRequest(model, graph, properties);
  const worker = pool.threads.find((t) => t.ready && t.helper);
  if (request.tasks.length === 0 || !worker) return null;
  if (process.env.DNSMC_DEBUG) console.error("analyses of the graph: on this thread and a worker thread");
  const answers = await runAnalysesShared(request, worker.helper!).catch(() => runAnalyses(request));
  return new Map(byProperty(request.tasks, answers));
}

/** Runs every analysis of the graph on this thread (graph/analyses.ts). */
function analyseHere<S, A>(model: Model<S, A>, graph: RecordedGraph, properties: readonly Property<S, A>[]): Map<number, AnalysisResult> {
  const request = analysisRequest(model, graph, properties);
  return new Map(byProperty(request.tasks, runAnalyses(request)));
}

// Each task's answer under its property's index.
function byProperty(tasks: readonly AnalysisTask[], answers: readonly AnalysisResult[]): [number, AnalysisResult][] {
  return tasks.map((t, k) => [t.index, answers[k]!]);
}

// The analyses a check's properties ask of its graph, with what they read of it.
function analysisRequest<S, A>(model: Model<S, A>, graph: RecordedGraph, properties: readonly Property<S, A>[]): AnalysisRequest {
  const tasks: AnalysisTask[] = properties.flatMap((p, i) => (needsGraph(p) ? [{ index: i, kind: p.kind as AnalysisTask["kind"], labels: graph.labels.get(i)! }] : []));
  const core: GraphCore = { stateCount: graph.stateCount, forward: graph.forward, initialIds: [...graph.initialIds], ...(graph.fairAlone ? { fairAlone: graph.fairAlone } : {}) };
  return { graph: core, constraints: graph.fair ? (model.fairness ?? []).map((f) => f.kind) : [], tasks };
}

function replayFinding<S, A>(model: Model<S, A>, fingerprinter: Fingerprinter<S>, store: StateStore, finding: Finding): TraceStep<S, A>[] {
  if (finding.at === "state") return rebuildTrace(model, fingerprinter, skeletonTo(fingerprinter, store, finding.id));
  const ids = store.pathTo(finding.src);
  return rebuildTrace(model, fingerprinter, storeSkeleton(fingerprinter, store, [...ids, finding.dst], [...ids.slice(1).map((m) => store.actionIndex(m)), finding.action]));
}

/** The recorded path to stored state `n`, following parent links. */
function skeletonTo<S>(fingerprinter: Fingerprinter<S>, store: StateStore, n: number): TraceSkeleton {
  const ids = store.pathTo(n);
  return storeSkeleton(fingerprinter, store, ids, ids.slice(1).map((m) => store.actionIndex(m)));
}

// A path of stored states, checked against their fingerprints (a root's "action index" in the store is its initial state's index).
function storeSkeleton<S>(fingerprinter: Fingerprinter<S>, store: StateStore, ids: readonly number[], actionIndices: readonly number[]): TraceSkeleton {
  return skeleton(fingerprinter, store.actionIndex(ids[0]!), actionIndices, ids.map((m) => store.fingerprintOf(m)));
}

function overallStatus(results: readonly PropertyResult[], stop: StopReason): CheckStatus {
  if (results.some((r) => r.verdict === "violated")) return "violated";
  // A limit that cut the search short leaves it incomplete even with nothing left undecided (say, no properties).
  const limited = stop === "max-states" || stop === "max-depth" || stop === "timeout" || stop === "max-memory";
  if (limited || results.some((r) => r.verdict === "unknown")) return "incomplete";
  return "ok";
}

function undecidedNote(reason: StopReason): string {
  switch (reason) {
    case "violation":
      return "Not decided: the search stopped at the first violation; explore exhaustively (--continue) to decide it.";
    case "decided":
      return "Not decided: the search stopped once the other properties were decided.";
    case "max-states":
      return "Not decided: the search stopped at the state limit (--max-states) before exploring every state.";
    case "max-depth":
      return "Not decided: states beyond the depth limit (--max-depth) were not explored.";
    case "timeout":
      return "Not decided: the time limit (--timeout) stopped the search before it explored every state.";
    case "max-memory":
      return "Not decided: the memory limit (--max-memory) stopped the search before it explored every state.";
    case "exhausted":
      return "Not decided.";
  }
}

// The bounds of the bit masks fairness and the whole-graph properties are packed into: a declaration past them is
// the model's (or its properties') to change, not a failure of the checker.
function tooMany<S, A>(model: Model<S, A>, properties: readonly Property<S, A>[]): string | null {
  const constraints = model.fairness?.length ?? 0;
  if (constraints > MAX_FAIRNESS) {
    return `The model declares ${constraints} fairness constraints; at most ${MAX_FAIRNESS} are supported. Declare one constraint per process (all of one Enactor's actions, say) rather than one per action.`;
  }
  const graph = properties.filter(needsGraph).length;
  if (graph > MAX_GRAPH_PROPERTIES) {
    return `${graph} properties need the whole state graph (recoverable, eventually, leadsTo, convergesTo); at most ${MAX_GRAPH_PROPERTIES} are checked at once. Check them in groups (--property NAME ...).`;
  }
  return null;
}

// A model with nothing to explore would check "0 distinct states" and pass: that is a broken model, not a proof.
function invalidModel<S, A>(model: Model<S, A>): string | null {
  let inits: unknown;
  try {
    inits = model.initStates();
  } catch {
    return null; // the search reports the exception, with its stack
  }
  if (!Array.isArray(inits)) {
    const got = inits === null ? "null" : typeof inits === "object" ? `an object (${Object.prototype.toString.call(inits).slice(8, -1)})` : typeof inits;
    return `initStates() must return an array of initial states; it returned ${got}. Return e.g. [{ ... }] even for a single initial state.`;
  }
  if (inits.length === 0) return "initStates() returned an empty array: with no initial state there is nothing to check. Return at least one state.";
  return null;
}

// The model failed while exploring: describe the path that led to the failing call.
function modelThrew<S, A>(model: Model<S, A>, fingerprinter: Fingerprinter<S>, failure: ModelFailure): ModelError {
  const at = failure.actionLabel === null ? "" : failure.property === null ? ` while taking action ${failure.actionLabel}` : ` in the state that action ${failure.actionLabel} leads to`;
  let path: string[] = [];
  if (failure.stateId !== null && failure.stateId >= 0 && failure.store) {
    try {
      path = rebuildTrace(model, fingerprinter, skeletonTo(fingerprinter, failure.store, failure.stateId)).slice(1).map((s) => s.description);
    } catch {
      path = [];
    }
  }
  const where = failure.stateId === null ? "" : failure.stateId < 0 ? " while building the initial states" : path.length === 0 ? " in an initial state" : "";
  const stack = failure.cause instanceof Error ? failure.cause.stack : undefined;
  const kind = failure.property === null ? "model-threw" : "property-threw";
  return { kind, message: `${failure.message}${at}${where}`, path, ...(failure.property === null ? {} : { property: failure.property }), ...(stack ? { stack } : {}) };
}

function failed<S, A>(
  base: { strategy: Strategy; symmetry: boolean },
  properties: readonly Property<S, A>[],
  started: number,
  error: ModelError,
  x?: Exploration,
): CheckResult<S, A> {
  return {
    ...base,
    status: "error",
    stopReason: x?.stopReason ?? "exhausted",
    complete: false,
    distinctStates: x?.distinctStates ?? 0,
    statesGenerated: x?.statesFound ?? 0,
    statesFound: x?.statesFound ?? 0,
    diameter: x?.diameter ?? 0,
    elapsedMs: performance.now() - started,
    storeBytes: x?.storeBytes ?? 0,
    properties: properties.map((p) => ({
      name: p.name,
      kind: p.kind,
      description: p.description ?? "",
      verdict: "unknown",
      traceLength: null,
      trace: null,
      note: "Not decided: the model failed.",
    })),
    error,
  };
}

function validate<S, A>(options: CheckOptions<S, A>, properties: readonly Property<S, A>[]): void {
  const positive = (name: keyof CheckOptions<S, A>, value: number | undefined, min: number) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= min) && value !== Infinity) {
      throw new RangeError(`check(): option ${String(name)} must be an integer >= ${min}, got ${value}.`);
    }
  };
  positive("maxStates", options.maxStates, 1);
  positive("maxDepth", options.maxDepth, 0);
  positive("timeoutMs", options.timeoutMs, 1);
  positive("maxMemoryBytes", options.maxMemoryBytes, 1);
  if (options.symmetry && properties.some(isTemporal)) {
    throw new TypeError(
      `check(): the temporal property "${properties.find(isTemporal)!.name}" cannot be checked with symmetry reduction: a lasso found among representatives need not close on concrete states, and fairness names actors that symmetry renames. Check it without symmetry.`,
    );
  }
  const seen = new Set<string>();
  for (const p of properties) {
    if (seen.has(p.name)) throw new TypeError(`check(): two properties are named "${p.name}"; property names must be unique.`);
    seen.add(p.name);
  }
}
