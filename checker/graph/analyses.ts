/**
 * The whole-graph analyses of a check. Each property that needs the graph
 * (recoverable, temporal) is a question of reachability over the same graph:
 * from which states a goal can be reached (recoverable: its goal states;
 * `eventually` and `leadsTo`: a fair component, through the states the cycle
 * may cross), all answered together by one least fixpoint, one bit per
 * property (fixpoint.ts, reachSweep). A temporal property's fair components
 * are found first (temporal.ts: most states are components alone, judged
 * without a decomposition). Only a property that turns out violated looks for
 * its counterexample: a shortest path to a stuck state, or a lasso.
 *
 * A worker thread of the level search shares the work (the graph is in
 * shared memory: from-levels.ts; runAnalysesShared): the first pass is made
 * by both threads at once, each walking the edges from its own end and
 * skipping the states the other finished; each fixpoint's sweeps are cut in
 * two ranges of states; the counterexample searches are shared out. Which
 * thread did what changes nothing: the pass's words and the fixpoints are
 * unique.
 */
import { bitArray, rangeSweeper, sweepHere, type BitArray, type Fixpoint } from "./fixpoint.js";
import { labelOf, staysFairly, type GraphCore, type Labels } from "./graph.js";
import { stuckPath, type StuckPath } from "./recovery.js";
import { postorder, SharedWalk } from "./order.js";
import { acceptingState, allowedStates, FairComponents, FairGraph, findFairLasso, type ConstraintKinds, type Lasso, type StateFairness, type TemporalKind } from "./temporal.js";

/** One analysis: a property's index, what it asks, and its predicate bits per state. */
export interface AnalysisTask {
  readonly index: number;
  readonly kind: "recoverable" | TemporalKind;
  readonly labels: Labels;
}

/** What an analysis found: a path to a stuck state (recoverable), a lasso (temporal), or nothing (the property holds). */
export type AnalysisResult = StuckPath | Lasso | null;

/** The analyses of a graph: its arrays, the fairness constraints' kinds, and the properties' tasks. */
export interface AnalysisRequest {
  readonly graph: GraphCore;
  readonly constraints: ConstraintKinds;
  readonly tasks: readonly AnalysisTask[];
}

/**
 * A counterexample to look for, as plain data (a worker thread may be handed
 * it): a shortest path to a state that cannot reach the goal of bit `bit` of
 * `value` (recoverable), or a fair lasso (temporal).
 */
export type Search =
  | { readonly kind: "stuck"; readonly graph: GraphCore; readonly value: BitArray; readonly bit: number }
  | {
      readonly kind: "lasso";
      readonly graph: GraphCore;
      readonly constraints: ConstraintKinds;
      readonly fairness: StateFairness;
      readonly task: AnalysisTask;
      readonly multi: Int32Array | null;
    };

/**
 * The first pass of the analyses, as plain data (a worker thread may be
 * handed it): a depth-first pass over the graph (order.ts, SharedWalk) that
 * judges each state alone for fairness (`fairAlone`, when a temporal
 * property needs it) and, as each state is finished, sets its bits of
 * `value` from its successors': bit j for the j-th question of
 * reachability, of kind `kinds[j]` over `labels[j]`, and the bit `done`.
 * With no cycle, the bits are then final. Two threads may make the pass at
 * once, one following the edges the other way round.
 */
export interface Pass {
  readonly graph: GraphCore;
  readonly constraints: ConstraintKinds;
  readonly kinds: readonly ("recoverable" | "eventually" | "leadsTo")[];
  readonly labels: readonly Labels[];
  readonly value: BitArray;
  /** The bit of `value` set once a state is finished (above the questions' bits). */
  readonly done: number;
  /** Per state, whether staying in it forever is fair: the graph's own when the search judged it (the pass then reads it), else filled by the pass. */
  readonly fairAlone: Uint8Array | null;
}

/**
 * Runs the first pass, following each state's edges last to first if
 * `reverse`; true when the graph has a cycle of two states or more (the bits
 * are then to be computed again).
 */
export function firstPass(p: Pass, reverse = false): boolean {
  const walk = firstPassWalk(p, reverse);
  walk.step();
  if (process.env.DNSMC_DEBUG) console.error(`first pass ${reverse ? "last to first" : "first to last"}: ${walk.finished} states finished`);
  return walk.cyclic;
}

/** The first pass as a walk to make step by step (a test interleaves two); its `cyclic` once over. */
export function firstPassWalk(p: Pass, reverse: boolean): SharedWalk {
  const { at, words, mask } = p.graph.forward;
  const { value, fairAlone, done } = p;
  const known = fairAlone !== null && fairAlone === p.graph.fairAlone;
  const all = p.constraints.reduce((m, _, j) => m | (1 << j), 0);
  // Per question: 0 recoverable (the goal is the label's bit 0), 1 eventually (states without p may pass the bit on,
  // and are goals when fair alone), 2 leadsTo (the same with q).
  const kinds = Int32Array.from(p.kinds, (k) => (k === "recoverable" ? 0 : k === "eventually" ? 1 : 2));
  const labelWords = p.labels.map((l) => l.words);
  const shifts = Int32Array.from(p.labels, (l) => l.shift);
  const finish = (s: number, seen: number, self: boolean): number => {
    let alone = 0;
    if (known) alone = fairAlone![s]!;
    else if (fairAlone) {
      const a = at[s]!;
      const enabled = mask ? mask[a]! : 0;
      // A self-loop lets the state stay by taking its constraints: the ones it takes.
      let taken = 0;
      if (self && mask) for (let e = a + 1, end = a + 1 + words[a]!; e < end; e++) if (words[e] === s) taken |= mask[e]!;
      alone = staysFairly(enabled & all, self, taken) ? 1 : 0;
      fairAlone[s] = alone;
    }
    let v = 0;
    for (let j = 0; j < kinds.length; j++) {
      const l = (labelWords[j]![s]! >>> shifts[j]!) & 3;
      const kind = kinds[j]!;
      const bit = 1 << j;
      if (kind === 0) v |= l & 1 ? bit : seen & bit;
      else if ((l & kind) === 0) v |= alone ? bit : seen & bit;
    }
    return v;
  };
  return new SharedWalk(p.graph, value, done, finish, reverse);
}

/** What the analysis asks of whoever runs it: its first pass, a fixpoint computed, or counterexamples searched for (in the order given). */
export type Step = { readonly pass: Pass } | { readonly fixpoint: Fixpoint } | { readonly searches: readonly Search[] };

/**
 * The analyses of a request, as steps (see Step): the answers come in the
 * tasks' order. Run by {@link runAnalyses} on this thread, or by a driver
 * that shares the fixpoints' sweeps and the searches with a worker thread
 * (check.ts).
 */
export function* analysis(request: AnalysisRequest): Generator<Step, AnalysisResult[], unknown> {
  const { graph, tasks, constraints } = request;
  const t0 = performance.now();
  const n = graph.stateCount;
  const { at } = graph.forward;
  // One bit per question of reachability (recoverable, eventually, leadsTo): from which states its goal can be reached.
  const reaching = tasks.filter((t) => t.kind !== "convergesTo");
  // And the first pass's bit for a finished state, above them.
  const value = bitArray(n, reaching.length + 1);
  const fairAlone = tasks.every((t) => t.kind === "recoverable") ? null : (graph.fairAlone ?? new Uint8Array(new SharedArrayBuffer(n)));
  const pass: Pass = { graph, constraints, kinds: reaching.map((t) => t.kind as Pass["kinds"][number]), labels: reaching.map((t) => t.labels), value, done: 1 << reaching.length, fairAlone };
  const cyclic = (yield { pass }) as boolean;
  const t1 = performance.now();
  // With a cycle of two states or more: the postorder, for the sweeps, and the live states by their fixpoint (without
  // one, no state is live, every component is a state alone, and the bits are final).
  let order: Uint32Array | null = null;
  let fairness: StateFairness | null = fairAlone ? { live: null, fairAlone } : null;
  if (cyclic) {
    order = postorder(graph);
    if (fairAlone) {
      const live = new Uint8Array(new SharedArrayBuffer(n));
      for (let s = 0; s < n; s++) live[s] = at[s] !== 0 ? 1 : 0;
      yield { fixpoint: { kind: "live", graph: graph.forward, order, live } };
      fairness = { live, fairAlone };
    }
  }
  const fair = fairness ? new FairGraph(graph, constraints, fairness) : null;
  const components = new Map(tasks.flatMap((t) => (t.kind === "recoverable" ? [] : [[t, new FairComponents(fair!, t.kind, t.labels)] as const])));
  if (order) {
    // The bits again, by their fixpoint: each question's goals (a fair component, for a temporal property), then the
    // states that may pass its bit on.
    const allowed = bitArray(n, reaching.length);
    value.fill(0);
    reaching.forEach((t, j) => {
      const bit = 1 << j;
      const c = components.get(t);
      for (let s = 0; s < n; s++) {
        if (at[s] === 0) continue;
        if (c === undefined) {
          if (labelOf(t.labels, s) & 1) value[s] |= bit;
          allowed[s] |= bit;
        } else {
          if (c.has(s)) value[s] |= bit;
          if (allowedStates(t.kind as TemporalKind, labelOf(t.labels, s))) allowed[s] |= bit;
        }
      }
    });
    if (reaching.length > 0) yield { fixpoint: { kind: "reach", graph: graph.forward, order, value, allowed } };
  }
  const t2 = performance.now();
  // The searches for the properties found violated.
  const searches: Search[] = [];
  const searchOf = new Map<AnalysisTask, number>();
  for (const t of tasks) {
    const bit = 1 << reaching.indexOf(t);
    if (t.kind === "recoverable") {
      for (let s = 0; s < n; s++) {
        if (at[s] !== 0 && (value[s]! & bit) === 0) {
          searchOf.set(t, searches.push({ kind: "stuck", graph, value, bit }) - 1);
          break;
        }
      }
    } else if (violated(t, graph, components.get(t)!, value, bit)) {
      searchOf.set(t, searches.push({ kind: "lasso", graph, constraints, fairness: fairness!, task: t, multi: components.get(t)!.multi }) - 1);
    }
  }
  const t3 = performance.now();
  const found = searches.length > 0 ? ((yield { searches }) as AnalysisResult[]) : [];
  if (process.env.DNSMC_DEBUG) {
    const t4 = performance.now();
    console.error(
      `analyses ${tasks.map((t) => t.kind).join(", ")}: depth-first pass ${(t1 - t0).toFixed(0)} ms (${cyclic ? "cycles" : "no cycle"}), ` +
        `fixpoints ${(t2 - t1).toFixed(0)} ms, verdicts ${(t3 - t2).toFixed(0)} ms, ${searches.length} counterexamples ${(t4 - t3).toFixed(0)} ms`,
    );
  }
  return tasks.map((t) => (searchOf.has(t) ? found[searchOf.get(t)!]! : null));
}

/** Looks for one counterexample (on whichever thread is handed it). */
export function runSearch(search: Search): AnalysisResult {
  if (search.kind === "stuck") {
    const { value, bit } = search;
    return stuckPath(search.graph, (m) => (value[m]! & bit) !== 0);
  }
  const g = new FairGraph(search.graph, search.constraints, search.fairness);
  const { kind, labels } = search.task as AnalysisTask & { kind: TemporalKind };
  return findFairLasso(g, kind, labels, new FairComponents(g, kind, labels, search.multi));
}

/** Runs the analyses on this thread alone. */
export function runAnalyses(request: AnalysisRequest): AnalysisResult[] {
  const steps = analysis(request);
  let answer: unknown;
  for (;;) {
    const next = steps.next(answer);
    if (next.done) return next.value;
    const step = next.value;
    answer = undefined;
    if ("pass" in step) answer = firstPass(step.pass);
    else if ("fixpoint" in step) sweepHere(step.fixpoint);
    else answer = step.searches.map(runSearch);
  }
}

// Whether a temporal property is violated, from its reachability bit (`bit` of `value`: the state reaches a fair
// component through allowed states): every state of the graph is reachable, so a convergence property is violated by
// any fair component, a leads-to property by any triggered state with the bit, an eventually property by an initial
// state with it.
function violated(t: AnalysisTask, graph: GraphCore, c: FairComponents, value: ArrayLike<number>, bit: number): boolean {
  const { at } = graph.forward;
  if (t.kind === "eventually") return graph.initialIds.some((s) => (value[s]! & bit) !== 0);
  for (let s = 0; s < graph.stateCount; s++) {
    if (at[s] === 0) continue;
    if (t.kind === "convergesTo" ? c.has(s) : (labelOf(t.labels, s) & 1) !== 0 && acceptingState("leadsTo", labelOf(t.labels, s)) && (value[s]! & bit) !== 0) return true;
  }
  return false;
}

/** Another thread that shares the analyses (a worker thread of the level search): it makes the first pass with this one, sweeps a range of a fixpoint, and looks for counterexamples. */
export interface AnalysisHelper {
  /** Makes the first pass (see Pass) following the edges last to first, while this thread follows them first to last; true when the graph has cycles. */
  pass(pass: Pass): Promise<boolean>;
  /** One sweep of `fixpoint` over states [from, to) (given the first time, null for each next sweep of the same); true if it changed anything. */
  sweep(fixpoint: Fixpoint | null, from: number, to: number): Promise<boolean>;
  search(searches: readonly Search[]): Promise<AnalysisResult[]>;
}

/**
 * Runs the analyses on this thread and `helper` at once: the first pass made
 * by both, each walking the edges from its own end; each fixpoint's sweeps
 * cut in two ranges of states, one per thread, round after round until
 * neither changes anything; the counterexample searches shared out, the
 * costliest first, to the thread with less to do. The answers are the same
 * as on one thread (the pass's words and a fixpoint are unique, and each
 * search is run whole by one thread).
 */
export async function runAnalysesShared(request: AnalysisRequest, helper: AnalysisHelper): Promise<AnalysisResult[]> {
  const steps = analysis(request);
  let answer: unknown;
  for (;;) {
    const next = steps.next(answer);
    if (next.done) return next.value;
    const step = next.value;
    answer = undefined;
    // The first pass: the helper starts it at once, this thread joins it from the other end of the edges once its caller
    // waits for the answers (check.ts rebuilds the other properties' traces first).
    if ("pass" in step) {
      const theirs = helper.pass(step.pass);
      await Promise.resolve();
      const t0 = performance.now();
      const mine = firstPass(step.pass);
      if (process.env.DNSMC_DEBUG) console.error(`first pass: this thread's share ${(performance.now() - t0).toFixed(0)} ms`);
      answer = (await theirs) || mine;
    } else if ("fixpoint" in step) {
      // Each thread sweeps half of the order: the helper the first half (the sinks' side), this thread the rest.
      const n = step.fixpoint.order.length;
      const mid = Math.floor(n / 2);
      const mine = rangeSweeper(step.fixpoint, mid, n);
      let first: Fixpoint | null = step.fixpoint;
      let sweeps = 0;
      const t0 = performance.now();
      for (;;) {
        const theirs = helper.sweep(first, 0, mid);
        first = null;
        const here = mine();
        sweeps++;
        if (!((await theirs) || here)) break;
      }
      if (process.env.DNSMC_DEBUG) console.error(`fixpoint ${step.fixpoint.kind}: ${sweeps} sweeps on two threads in ${(performance.now() - t0).toFixed(0)} ms`);
    } else {
      const cost = (s: Search): number => (s.kind === "stuck" ? 1 : s.task.kind === "leadsTo" ? 4 : 2);
      const order = step.searches.map((_, k) => k).sort((a, b) => cost(step.searches[b]!) - cost(step.searches[a]!) || a - b);
      const there: number[] = [];
      const here: number[] = [];
      let load = 0;
      for (const k of order) {
        // Positive load: this thread has more to do.
        if (load > 0) {
          there.push(k);
          load -= cost(step.searches[k]!);
        } else {
          here.push(k);
          load += cost(step.searches[k]!);
        }
      }
      if (process.env.DNSMC_DEBUG) console.error(`counterexample searches: ${here.length} here, ${there.length} on the worker thread`);
      const away = there.length > 0 ? helper.search(there.map((k) => step.searches[k]!)).catch(() => there.map((k) => runSearch(step.searches[k]!))) : Promise.resolve([]);
      const found: AnalysisResult[] = [];
      for (const k of here) found[k] = runSearch(step.searches[k]!);
      (await away).forEach((r, j) => (found[there[j]!] = r));
      answer = found;
    }
  }
}
