/**
 * Deciding temporal properties under fairness on the explored state graph,
 * as TLC's liveness checker does: by strongly connected components.
 *
 * A violation is an infinite fair behaviour, and every such behaviour of a
 * finite graph ends in a cycle: a *lasso*, a stem from an initial state and a
 * cycle that repeats forever. Each kind asks for a cycle of its own:
 * - `eventually(p)`: a behaviour in which p never holds, so the stem and the
 *   cycle stay in ¬p states;
 * - `leadsTo(p, q)`: a state with p and not q, after which q never holds, so
 *   the cycle (and the stem from that state on) stays in ¬q states;
 * - `convergesTo(p)`: a behaviour in which ¬p holds infinitely often, so the
 *   cycle visits a ¬p state.
 *
 * The cycle must be fair (fairness.ts). Fairness depends only on what the
 * cycle visits and takes, so a fair cycle exists within a strongly connected
 * component C of the allowed states iff (Emerson and Lei's algorithm, as for
 * Streett automata): for each strong constraint that no edge inside C takes,
 * the states where it is enabled can be removed and the rest decomposed
 * again; then each weak constraint is taken by an edge inside C or disabled
 * in some state of C. A component of one state without a self-loop is a
 * behaviour that stutters there forever, fair when every constraint is
 * disabled in it (a state with no enabled action, or only unfair ones).
 *
 * The stem is a shortest path to a state of a fair component (over the
 * states it may cross); the cycle is built inside the component from that
 * state: shortest paths to each edge or state the fairness argument needs,
 * and back.
 */
import type { Adjacency, GraphCore } from "./graph.js";
import { Tarjan } from "./scc.js";

/** Which behaviours violate the property (see the module comment). */
export type TemporalKind = "eventually" | "leadsTo" | "convergesTo";

/** A violation: a stem from an initial state into the cycle, and the cycle. */
export interface Lasso {
  /** State numbers from an initial state to the cycle's first state (inclusive). */
  readonly stem: readonly number[];
  /** The action index of each stem step (one fewer than `stem`). */
  readonly stemActions: readonly number[];
  /**
   * State numbers of the cycle, from its first state back to it (so the first
   * and last are equal); a single state when the behaviour stutters there forever.
   */
  readonly cycle: readonly number[];
  /** The action index of each cycle step (one fewer than `cycle`). */
  readonly cycleActions: readonly number[];
}

/** The weak or strong kind of each fairness constraint, in declaration order. */
export type ConstraintKinds = readonly ("weak" | "strong")[];

/**
 * The state graph prepared for temporal analyses: forward adjacency with
 * fairness masks, and per state the constraints enabled in it.
 */
export class FairGraph {
  readonly forward: Adjacency;
  /** Per state: bit j set when constraint j has an enabled action there. */
  readonly enabled: Uint32Array;
  readonly weakMask: number;
  readonly strongMask: number;
  readonly stateCount: number;
  readonly initialIds: readonly number[];
  /** Which numbers are states (all, when absent). */
  readonly present: Uint8Array | undefined;
  constructor(
    graph: GraphCore,
    readonly constraints: ConstraintKinds,
  ) {
    const stateCount = graph.stateCount;
    this.stateCount = stateCount;
    this.initialIds = graph.initialIds;
    this.present = graph.present;
    this.forward = graph.forward;
    this.enabled = new Uint32Array(stateCount);
    const { start, mask } = this.forward;
    for (let n = 0; n < stateCount; n++) {
      let m = 0;
      for (let e = start[n]!; e < start[n + 1]!; e++) m |= mask[e]!;
      this.enabled[n] = m;
    }
    let weak = 0;
    let strong = 0;
    constraints.forEach((k, j) => (k === "weak" ? (weak |= 1 << j) : (strong |= 1 << j)));
    this.weakMask = weak;
    this.strongMask = strong;
  }
}

/**
 * Finds a fair lasso violating a property of `kind`, or null when none
 * exists. `labels[n]` holds the property's predicates in state n: bit 0 is p
 * (`eventually`'s and `convergesTo`'s predicate, `leadsTo`'s trigger), bit 1
 * is `leadsTo`'s response q.
 */
export function findFairLasso(g: FairGraph, kind: TemporalKind, labels: Uint8Array, alongside?: ComponentHook): Lasso | null {
  const n = g.stateCount;
  // Where the cycle may go, and which of its states make it a violation.
  const allowed = new Uint8Array(n);
  const accepting = new Uint8Array(n);
  const present = g.present;
  for (let s = 0; s < n; s++) {
    if (present && !present[s]) continue;
    const l = labels[s]!;
    if (kind === "eventually") allowed[s] = accepting[s] = l & 1 ? 0 : 1;
    else if (kind === "leadsTo") allowed[s] = accepting[s] = l & 2 ? 0 : 1;
    else {
      allowed[s] = 1;
      accepting[s] = l & 1 ? 0 : 1;
    }
  }
  // A convergence property decomposes every state first: another analysis that needs that decomposition can share it.
  const component = fairComponents(g, allowed, accepting, kind === "convergesTo" ? alongside : undefined);
  const stem = shortestStem(g, kind, labels, allowed, component);
  if (stem === null) return null;
  const entry = stem.ids[stem.ids.length - 1]!;
  const cycle = fairCycle(g, component, accepting, entry);
  return { stem: stem.ids, stemActions: stem.actions, cycle: cycle.ids, cycleActions: cycle.actions };
}

/** Called with each strongly connected component, as members[from..to) (scc.ts). */
export type ComponentHook = (members: Uint32Array, from: number, to: number) => void;

/**
 * Marks the states of fair components: `component[s]` is a component number
 * (>= 0) for states in one, -1 elsewhere. `alongside` sees every component of
 * the first decomposition, that of all the allowed states.
 */
export function fairComponents(g: FairGraph, allowed: Uint8Array, accepting: Uint8Array, alongside?: ComponentHook): Int32Array {
  const n = g.stateCount;
  const component = new Int32Array(n).fill(-1);
  const { start, target, mask } = g.forward;
  const all = g.weakMask | g.strongMask;
  const tarjan = new Tarjan(g.forward, n);
  // Sets still to decompose; each is a list of states, all inside one earlier component.
  let allowedCount = 0;
  for (let s = 0; s < n; s++) allowedCount += allowed[s]!;
  const initial = new Uint32Array(allowedCount);
  for (let s = 0, k = 0; s < n; s++) if (allowed[s]) initial[k++] = s;
  const work: Uint32Array[] = [];
  const inScc = new Int32Array(n).fill(-1);
  let sccId = 0;
  let fairId = 0;
  // A component's states are members[from..to) (Tarjan's stack, valid until the next component).
  const judge = (members: Uint32Array, from: number, to: number): void => {
    const id = sccId++;
    if (to - from === 1) {
      // Most components of a protocol's graph are single states: no self-loop means it can only stutter there.
      const s = members[from]!;
      if (!accepting[s]) return;
      let selfLoop = false;
      for (let e = start[s]!; e < start[s + 1]! && !selfLoop; e++) selfLoop = target[e] === s;
      if (!selfLoop) {
        // Stuttering forever in one state: fair when no constraint is enabled there.
        if ((g.enabled[s]! & all) === 0) component[s] = fairId++;
        return;
      }
    }
    for (let k = from; k < to; k++) inScc[members[k]!] = id;
    let acceptingHere = false;
    let internal = 0;
    let enabledSome = 0;
    let disabledSome = 0;
    for (let k = from; k < to; k++) {
      const s = members[k]!;
      if (accepting[s]) acceptingHere = true;
      enabledSome |= g.enabled[s]!;
      disabledSome |= ~g.enabled[s]!;
      for (let e = start[s]!; e < start[s + 1]!; e++) if (inScc[target[e]!] === id) internal |= mask[e]!;
    }
    if (!acceptingHere) return;
    const unmetStrong = g.strongMask & ~internal & enabledSome;
    if (unmetStrong !== 0) {
      // A cycle that never takes these may not pass where they are enabled.
      const rest: number[] = [];
      for (let k = from; k < to; k++) if ((g.enabled[members[k]!]! & unmetStrong) === 0) rest.push(members[k]!);
      if (rest.length > 0) work.push(Uint32Array.from(rest));
      return;
    }
    if ((g.weakMask & ~internal & ~disabledSome) !== 0) return;
    const fair = fairId++;
    for (let k = from; k < to; k++) component[members[k]!] = fair;
  };
  tarjan.run(initial, alongside ? (members, from, to) => (alongside(members, from, to), judge(members, from, to)) : judge);
  while (work.length > 0) tarjan.run(work.pop()!, judge);
  return component;
}

// A shortest path from an initial state to a state of a fair component,
// crossing only the states the kind allows (see the module comment). For
// leadsTo the search runs over pairs (state, triggered): before the trigger
// any state may be crossed, after it only ¬q states.
function shortestStem(g: FairGraph, kind: TemporalKind, labels: Uint8Array, allowed: Uint8Array, component: Int32Array): { ids: number[]; actions: number[] } | null {
  const n = g.stateCount;
  const phases = kind === "leadsTo" ? 2 : 1;
  const { start, target } = g.forward;
  const parent = new Int32Array(n * phases).fill(-1);
  const parentAction = new Uint32Array(n * phases);
  const seen = new Uint8Array(n * phases);
  const queue = new Uint32Array(n * phases);
  let tail = 0;
  // Node numbers: state s in phase f is f * n + s; phase 1 means "triggered" (leadsTo only).
  const triggered = (s: number): boolean => (labels[s]! & 1) !== 0 && (labels[s]! & 2) === 0;
  const enter = (node: number, from: number, a: number): void => {
    if (seen[node]) return;
    seen[node] = 1;
    parent[node] = from;
    parentAction[node] = a;
    queue[tail++] = node;
  };
  const startPhase = kind === "leadsTo" ? 0 : 1;
  for (const s of g.initialIds) {
    if (kind === "eventually" && !allowed[s]) continue;
    enter(s, -1, 0);
    if (kind === "leadsTo" && triggered(s)) enter(n + s, -1, 0);
  }
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    const phase = phases === 2 ? (node >= n ? 1 : 0) : startPhase;
    const s = node >= n ? node - n : node;
    if (phase === 1 && component[s]! >= 0) return pathTo(node, parent, parentAction, n);
    for (let e = start[s]!; e < start[s + 1]!; e++) {
      const t = target[e]!;
      if (kind === "leadsTo") {
        if (phase === 0) {
          enter(t, node, e - start[s]!);
          if (triggered(t)) enter(n + t, node, e - start[s]!);
        } else if (allowed[t]) enter(n + t, node, e - start[s]!);
      } else if (allowed[t]) enter(t, node, e - start[s]!);
    }
  }
  return null;
}

function pathTo(node: number, parent: Int32Array, parentAction: Uint32Array, n: number): { ids: number[]; actions: number[] } {
  const ids: number[] = [];
  const actions: number[] = [];
  for (let m = node; m >= 0; m = parent[m]!) {
    ids.push(m % n);
    if (parent[m]! >= 0) actions.push(parentAction[m]!);
  }
  return { ids: ids.reverse(), actions: actions.reverse() };
}

// A cycle through `entry` inside its fair component that meets the fairness
// argument: for each constraint, an edge taking it, or (weak) a state where
// it is disabled; for convergesTo, an accepting state. Built from shortest
// paths inside the component, in constraint order, and back to `entry`.
function fairCycle(g: FairGraph, component: Int32Array, accepting: Uint8Array, entry: number): { ids: number[]; actions: number[] } {
  const c = component[entry]!;
  const { start, target, mask } = g.forward;
  const inside = (s: number): boolean => component[s] === c;
  const ids = [entry];
  const actions: number[] = [];
  let at = entry;
  let taken = 0;
  let disabledSeen = ~g.enabled[entry]!;
  let acceptingSeen = accepting[entry] === 1;
  const walk = (edges: readonly number[]): void => {
    for (const e of edges) {
      // The edge leaves `at`: its action index is its place among `at`'s edges.
      actions.push(e - start[at]!);
      at = target[e]!;
      ids.push(at);
      taken |= mask[e]!;
      disabledSeen |= ~g.enabled[at]!;
      if (accepting[at]) acceptingSeen = true;
    }
  };
  const takesInside = (s: number, bit: number): number => {
    for (let e = start[s]!; e < start[s + 1]!; e++) if (mask[e]! & bit && inside(target[e]!)) return e;
    return -1;
  };
  // Which constraints some edge inside the component takes.
  let internal = 0;
  for (let s = 0; s < g.stateCount; s++) {
    if (!inside(s)) continue;
    for (let e = start[s]!; e < start[s + 1]!; e++) if (inside(target[e]!)) internal |= mask[e]!;
  }
  for (let j = 0; j < g.constraints.length; j++) {
    const bit = 1 << j;
    if (taken & bit) continue;
    if (internal & bit) {
      // The nearest state with an edge inside taking constraint j, then that edge.
      walk(pathInside(g, inside, at, (s) => takesInside(s, bit) >= 0));
      walk([takesInside(at, bit)]);
    } else if (g.weakMask & bit && !(disabledSeen & bit)) {
      walk(pathInside(g, inside, at, (s) => (g.enabled[s]! & bit) === 0));
    }
  }
  if (!acceptingSeen) walk(pathInside(g, inside, at, (s) => accepting[s] === 1));
  if (at !== entry) walk(pathInside(g, inside, at, (s) => s === entry));
  return { ids, actions };
}

// The edges of a shortest path inside the component from `from` to a state
// satisfying `goal` (none when `from` satisfies it).
function pathInside(g: FairGraph, inside: (s: number) => boolean, from: number, goal: (s: number) => boolean): number[] {
  if (goal(from)) return [];
  const { start, target } = g.forward;
  const via = new Map<number, number>([[from, -1]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    for (let e = start[s]!; e < start[s + 1]!; e++) {
      const t = target[e]!;
      if (!inside(t) || via.has(t)) continue;
      via.set(t, e);
      if (goal(t)) {
        const edges: number[] = [];
        for (let m = t; m !== from; ) {
          const edge = via.get(m)!;
          edges.push(edge);
          m = sourceOf(g, edge);
        }
        return edges.reverse();
      }
      queue.push(t);
    }
  }
  // Unreachable: the component is strongly connected.
  throw new Error("internal error: a fair component is not strongly connected");
}

// The state an edge of the forward adjacency leaves (binary search over `start`).
function sourceOf(g: FairGraph, edge: number): number {
  const { start } = g.forward;
  let lo = 0;
  let hi = g.stateCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (start[mid]! <= edge) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
