/**
 * The exploration loop: one loop over a frontier (queue for BFS, stack for
 * DFS). It fingerprints every successor, stores new ones with a parent link,
 * and evaluates the properties that can be judged on the fly (invariants,
 * step properties, witnesses). It records raw findings as state numbers;
 * check.ts turns them into traces.
 */
import type { AnalysisResult } from "../graph/analyses.js";
import { EdgeList, type RecordedGraph } from "../graph/graph.js";
import { graphFromStore } from "../graph/from-store.js";
import type { Fingerprinter } from "../fingerprinter.js";
import { frontierFor } from "./frontier.js";
import type { Model, PackedOps } from "../model.js";
import type { Property } from "../property.js";
import { Evaluation } from "../evaluate.js";
import { GrowableUint32 } from "../growable.js";
import { fairnessMasks, fairnessMatters } from "../fairness.js";
import type { StopReason } from "../result.js";
import type { SearchLimits } from "./limits.js";
import { StateStore, MAX_ACTION_INDEX, NO_PARENT } from "./store.js";
import type { Prefetch } from "./prefetch.js";

// What `calling` holds while a property is evaluated (the Evaluation knows which one).
const PROPERTIES = "(properties)";

/** Where a property was decided: at a state, or on a transition. */
export type Finding = { readonly at: "state"; readonly id: number } | { readonly at: "edge"; readonly src: number; readonly action: number; readonly dst: number };

/** The raw outcome of a search. */
export interface Exploration {
  readonly store: StateStore;
  readonly initialIds: readonly number[];
  /** Findings by property index: violations of always/step, examples of sometimes. */
  readonly findings: ReadonlyMap<number, Finding>;
  /**
   * The whole graph, recorded when a property needs it (recoverable,
   * temporal), with each such property's predicates in each state.
   */
  readonly graph: RecordedGraph | null;
  /** The graph's analyses by property index, when the search's threads ran them (graph/analyses.ts); else the check runs them all at once as it judges. */
  readonly analyses?: ReadonlyMap<number, AnalysisResult>;
  readonly stopReason: StopReason;
  readonly statesFound: number;
  readonly distinctStates: number;
  readonly diameter: number;
  /** Bytes held by the visited-state store. */
  readonly storeBytes: number;
}

/** Thrown when the model's own code fails during the search. */
export class ModelFailure extends Error {
  constructor(
    message: string,
    /** State number the failing call was made from (-1: while computing initial states; null: not known, in a worker thread). */
    readonly stateId: number | null,
    /** Describes the action being taken, if the failure was in next(). */
    readonly actionLabel: string | null,
    override readonly cause: unknown,
    /** The property whose predicate threw, when it was not the model's own code. */
    readonly property: string | null = null,
  ) {
    super(message);
    this.name = "ModelFailure";
  }
  /** The state store at the time of failure, so the path to the state can be replayed. */
  store: StateStore | null = null;
}

/**
 * Explores the state space of `model`. With `prefetch` (a breadth-first
 * search of a plain-object model with no step property), a worker thread
 * computes the fingerprints of a share of the successors ahead of the search.
 */
export function explore<S, A>(model: Model<S, A>, fingerprinter: Fingerprinter<S>, properties: readonly Property<S, A>[], limits: SearchLimits, prefetch?: Prefetch<S>): Exploration {
  const store = new StateStore();
  try {
    return search(model, fingerprinter, properties, limits, store, prefetch);
  } catch (error) {
    if (error instanceof ModelFailure) error.store = store;
    throw error;
  }
}

function search<S, A>(
  model: Model<S, A>,
  fingerprinter: Fingerprinter<S>,
  properties: readonly Property<S, A>[],
  limits: SearchLimits,
  store: StateStore,
  prefetchOption?: Prefetch<S>,
): Exploration {
  // The fast path: packed states, a typed-array frontier, successors written into one scratch state.
  const packed = model.packed && (!fingerprinter.symmetric || model.packed.canonicalizeInPlace) ? model.packed : undefined;
  const frontier = frontierFor<S>(limits.strategy, packed as PackedOps<S, unknown> | undefined);
  const scratch = packed ? packed.wrap(new Uint32Array(packed.words)) : undefined;
  const actionList: A[] = [];
  const findings = new Map<number, Finding>();
  const ev = new Evaluation(properties);
  // Properties of the whole graph: every state's label word (by state number) and every transition.
  const labelWords = ev.graph.length > 0 ? new GrowableUint32() : null;
  // Fairness matters only to temporal properties: each edge then carries its action's constraints.
  const fair = fairnessMatters(properties, model.fairness);
  const maskOf = fair ? fairnessMasks(model.fairness!) : null;
  const edges = labelWords ? new EdgeList(fair) : null;
  const stepProps = ev.steps;
  const failedSteps: number[] = [];
  let failed = 0;
  const has = (i: number): boolean => findings.has(i);
  const stepFailed = (i: number): void => void (failedSteps[failed++] = i);
  let visiting = -1;
  const stateFound = (i: number): void => {
    findings.set(i, { at: "state", id: visiting });
    if (properties[i]!.kind === "always") violated = true;
  };
  const fp = { hi: 0, lo: 0 };
  const recomputed = { hi: 0, lo: 0 };
  // The worker's fingerprints stand for whole transitions only where no step property needs each one's states.
  const prefetch = !model.packed && limits.strategy === "bfs" && stepProps.length === 0 ? prefetchOption : undefined;
  // Queue positions of the states pushed and popped so far (breadth-first: popped in the order pushed).
  let pushed = 0;
  let popped = 0;
  let statesFound = 0;
  let diameter = 0;
  let violated = false;
  let stopReason: StopReason | null = null;
  // What the search is calling into, for the message if the model throws (no closure per call).
  let calling = "initStates()";
  let callingAction: A | null = null;
  let callingState = -1;

  // Judges a newly stored state (numbered in order: its label word goes at its number).
  const visit = (state: S, id: number): void => {
    calling = PROPERTIES;
    visiting = id;
    if (ev.judged) ev.stateFindings(state, has, stateFound);
    if (labelWords) labelWords.push(ev.labels(state));
  };
  // Every property decided: invariants and step properties violated, witnesses found, no question of the whole graph left.
  const allDecided = (): boolean => properties.length > 0 && labelWords === null && properties.every((_, i) => findings.has(i));
  const shouldStop = (): boolean => !limits.continue && (violated || allDecided());
  // The state limit bites when a new state would exceed it, so a space of exactly maxStates states is complete.
  const atLimit = (): boolean => store.size >= limits.maxStates && store.find(fp.hi, fp.lo) < 0;

  const initialIds: number[] = [];
  try {
    const inits = model.initStates();
    for (let k = 0; k < inits.length && stopReason === null; k++) {
      calling = "canonical()";
      const state = fingerprinter.normalise(inits[k]!);
      calling = "key()";
      fingerprinter.fingerprintInto(state, fp);
      statesFound++;
      if (atLimit()) {
        stopReason = "max-states";
        break;
      }
      const id = store.add(fp.hi, fp.lo, NO_PARENT, k);
      if (id < 0) continue;
      initialIds.push(id);
      callingState = id;
      visit(state, id);
      frontier.push(state, id, 0);
      prefetch?.offer(pushed++, state);
    }

    let expanded = 0;
    const started = performance.now();
    // Memory is checked from the start when a limit is set; progress is first reported after a second.
    let nextCheck = limits.maxMemoryBytes < Infinity ? started : started + 1000;
    while (stopReason !== "max-states") {
      if (shouldStop()) {
        stopReason = violated ? "violation" : "decided";
        break;
      }
      if (popped > 0) prefetch?.finished(popped - 1);
      const entry = frontier.pop();
      if (entry === undefined) break;
      const position = popped++;
      const { state, id, depth } = entry;
      callingState = id;
      callingAction = null;
      // Clocks and memory are read every 1024 expansions: cheap, and about a millisecond apart.
      if ((++expanded & 1023) === 0) {
        const now = performance.now();
        if (now > limits.deadline) {
          stopReason = "timeout";
          break;
        }
        if (now >= nextCheck) {
          nextCheck = now + 1000;
          const rssBytes = process.memoryUsage.rss();
          if (rssBytes > limits.maxMemoryBytes) {
            stopReason = "max-memory";
            break;
          }
          limits.onProgress?.({ distinctStates: store.size, statesFound, depth, frontier: frontier.size, elapsedMs: now - started, rssBytes });
        }
      }
      calling = "actions()";
      const pre = prefetch?.take(position) ?? null;
      if (pre !== null) {
        // The worker's fingerprints: look each up, and build again only the new successors.
        const count = pre[0]!;
        if (depth >= limits.maxDepth) {
          if (count > 0) stopReason ??= "max-depth";
          continue;
        }
        let actions: readonly A[] | null = null;
        for (let k = 0; k < count; k++) {
          fp.hi = pre[1 + 2 * k]! >>> 0;
          fp.lo = pre[2 + 2 * k]! >>> 0;
          statesFound++;
          if (atLimit()) {
            stopReason = "max-states";
            break;
          }
          let dst = store.add(fp.hi, fp.lo, id, k);
          const isNew = dst >= 0;
          if (!isNew) dst = ~dst;
          if (edges) {
            if (maskOf) actions ??= model.actions(state);
            edges.add(id, dst, maskOf ? maskOf(actions![k]!) : 0);
          }
          if (!isNew) continue;
          calling = "actions()";
          actions ??= model.actions(state);
          const action = actions[k]!;
          callingAction = action;
          calling = "next()";
          const successor = model.next(state, action);
          calling = "canonical()";
          const next = fingerprinter.symmetric ? fingerprinter.normalise(successor) : successor;
          calling = "key()";
          fingerprinter.fingerprintInto(next, recomputed);
          if (recomputed.hi !== fp.hi || recomputed.lo !== fp.lo || actions.length !== count) {
            throw new ModelFailure(
              "next() gave a different successor in the worker thread than here for the same state and action: make actions() and next() pure functions of the state.",
              id,
              safeJson(action),
              null,
            );
          }
          if (depth + 1 > diameter) diameter = depth + 1;
          visit(next, dst);
          frontier.push(next, dst, depth + 1);
          prefetch!.offer(pushed++, next);
        }
        continue;
      }
      let actions: readonly A[];
      let count: number;
      if (packed) {
        count = packed.actionsInto(state, actionList);
        actions = actionList;
      } else {
        actions = model.actions(state);
        count = actions.length;
      }
      if (depth >= limits.maxDepth) {
        if (count > 0) stopReason ??= "max-depth";
        continue;
      }
      if (count > MAX_ACTION_INDEX + 1) {
        throw new ModelFailure(`actions() returned ${count} actions; at most ${MAX_ACTION_INDEX + 1} are supported per state.`, id, null, null);
      }
      for (let k = 0; k < count; k++) {
        const action = actions[k]!;
        callingAction = action;
        calling = "next()";
        let successor: S;
        if (packed) {
          // A few words: a plain loop beats TypedArray.prototype.set's call overhead.
          const from = packed.wordsOf(state);
          const to = packed.wordsOf(scratch!);
          for (let w = 0; w < from.length; w++) to[w] = from[w]!;
          packed.nextInto(state, action, scratch!);
          successor = scratch!;
        } else successor = model.next(state, action);
        // Step properties see the real successor, before symmetry renames its actors.
        failed = 0;
        if (stepProps.length > 0) {
          calling = PROPERTIES;
          ev.stepFindings(state, action, successor, has, stepFailed);
        }
        calling = "canonical()";
        let next = successor;
        if (fingerprinter.symmetric) {
          if (packed) packed.canonicalizeInPlace!(successor);
          else next = fingerprinter.normalise(successor);
        }
        calling = "key()";
        fingerprinter.fingerprintInto(next, fp);
        statesFound++;
        if (atLimit()) {
          stopReason = "max-states";
          break;
        }
        let dst = store.add(fp.hi, fp.lo, id, k);
        const isNew = dst >= 0;
        if (!isNew) dst = ~dst;
        edges?.add(id, dst, maskOf ? maskOf(action) : 0);
        for (let j = 0; j < failed; j++) {
          findings.set(failedSteps[j]!, { at: "edge", src: id, action: k, dst });
          violated = true;
        }
        if (!isNew) continue;
        if (depth + 1 > diameter) diameter = depth + 1;
        visit(next, dst);
        frontier.push(next, dst, depth + 1);
        prefetch?.offer(pushed++, next);
      }
    }
  } catch (error) {
    if (error instanceof ModelFailure) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const property = calling === PROPERTIES ? ev.current : null;
    const what = property === null ? calling : `property "${property}"`;
    throw new ModelFailure(`${what} threw: ${message}`, callingState, callingAction === null ? null : safeJson(callingAction), error, property);
  }
  // A depth cut only matters if the search otherwise ran to the end.
  stopReason ??= "exhausted";

  const graph = edges ? graphFromStore(store, fingerprinter, edges, initialIds, ev.labelArrays(labelWords!.view()), model.fairness?.length ?? 0) : null;
  return { store, initialIds, findings, graph, stopReason, statesFound, distinctStates: store.size, diameter, storeBytes: store.bytes };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
