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
 * Most states of a protocol's graph lie on no cycle: every state is judged
 * as the component of itself alone, by rules that hold for all properties
 * (`fairAlone`, in the analyses' first pass), and only the states on the way
 * to a cycle of two states or more (`live`, none in a graph without cycles)
 * are decomposed, per property. Whether a violation exists is a question of
 * reachability (analyses.ts); only a property that is violated looks for its
 * lasso.
 *
 * The stem is a shortest path to a state of a fair component (over the
 * states it may cross); the cycle is built inside the component from that
 * state: shortest paths to each edge or state the fairness argument needs,
 * and back.
 */
import { Bits, ChunkedQueue, pathTo } from "./bfs.js";
import { labelOf, type Adjacency, type GraphCore, type Labels, type MaskArray } from "./graph.js";
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
 * What the temporal analyses know of every state beyond the graph, as plain
 * arrays in shared memory (a worker thread reads them too): `live` (1 when a
 * path of two states or more leads from the state into a cycle: fixpoint.ts,
 * liveSweeper) and `fairAlone` (1 when the state alone is a fair behaviour,
 * as the component of itself: it stutters fairly, no constraint being
 * enabled, or its self-loops take every constraint enabled there).
 */
export interface StateFairness {
  /** Null when the graph has no cycle of two states or more: no state is live. */
  readonly live: Uint8Array | null;
  readonly fairAlone: Uint8Array;
}

function constraintMasks(constraints: ConstraintKinds): { weak: number; strong: number } {
  let weak = 0;
  let strong = 0;
  constraints.forEach((k, j) => (k === "weak" ? (weak |= 1 << j) : (strong |= 1 << j)));
  return { weak, strong };
}

/** The state graph prepared for temporal analyses: forward adjacency with fairness masks, and each state's fairness. */
export class FairGraph {
  readonly forward: Adjacency;
  /** Per word of the records: a record's enabled constraints, an edge's constraints (all 0 when the graph has no masks). */
  readonly mask: MaskArray;
  readonly weakMask: number;
  readonly strongMask: number;
  readonly stateCount: number;
  readonly initialIds: readonly number[];
  readonly live: Uint8Array | null;
  readonly fairAlone: Uint8Array;
  constructor(
    graph: GraphCore,
    readonly constraints: ConstraintKinds,
    /** Each state's fairness, `live` at its fixpoint. */
    fairness: StateFairness,
  ) {
    this.stateCount = graph.stateCount;
    this.initialIds = graph.initialIds;
    this.forward = graph.forward;
    this.mask = graph.forward.mask ?? new Uint8Array(graph.forward.words.length);
    const { weak, strong } = constraintMasks(constraints);
    this.weakMask = weak;
    this.strongMask = strong;
    this.live = fairness.live;
    this.fairAlone = fairness.fairAlone;
  }

  /** The constraints with an enabled action in state s (recorded at its record's first word). */
  enabled(s: number): number {
    return this.mask[this.forward.at[s]!]!;
  }
}

/**
 * Whether the cycle of a property of `kind` may go through a state whose
 * label (the property's two bits: graph.ts, labelOf) is `label`: see the
 * module comment. Bit 0 is p (`eventually`'s and `convergesTo`'s predicate,
 * `leadsTo`'s trigger), bit 1 is `leadsTo`'s response q.
 */
export function allowedStates(kind: TemporalKind, label: number): boolean {
  return kind === "eventually" ? (label & 1) === 0 : kind === "leadsTo" ? (label & 2) === 0 : true;
}

/** Whether such a state makes the cycle a violation. */
export function acceptingState(kind: TemporalKind, label: number): boolean {
  return kind === "convergesTo" ? (label & 1) === 0 : allowedStates(kind, label);
}

/**
 * The fair components of a property: the states of each fair strongly
 * connected component of its allowed states. A state that is not live is a
 * component alone, fair by `fairAlone`; the live ones are decomposed here,
 * their fair components numbered in `multi` (-1 elsewhere; null when no
 * allowed state is live).
 */
export class FairComponents {
  readonly multi: Int32Array | null;
  constructor(
    readonly g: FairGraph,
    readonly kind: TemporalKind,
    readonly labels: Labels,
    /** The live states' fair components, when already found (a worker thread is handed them). */
    multi?: Int32Array | null,
  ) {
    this.multi = multi === undefined ? decomposeLive(g, kind, labels) : multi;
  }

  /** Whether state s is in a fair component. */
  has(s: number): boolean {
    const { g, kind, labels } = this;
    if (g.forward.at[s] === 0) return false;
    if (g.live !== null && g.live[s] === 1) return this.multi !== null && this.multi[s]! >= 0;
    return g.fairAlone[s] === 1 && acceptingState(kind, labelOf(labels, s));
  }

  /** Whether state s is in the same fair component as `entry`. */
  inside(entry: number): (s: number) => boolean {
    if (this.g.live === null || this.g.live[entry] === 0) return (s) => s === entry;
    const multi = this.multi!;
    const c = multi[entry]!;
    return (s) => multi[s] === c;
  }
}

/**
 * Finds a fair lasso violating a property of `kind`, or null when none
 * exists: a shortest stem into a fair component, and a fair cycle inside it.
 */
export function findFairLasso(g: FairGraph, kind: TemporalKind, labels: Labels, components = new FairComponents(g, kind, labels)): Lasso | null {
  const stem = shortestStem(g, kind, labels, components);
  if (stem === null) return null;
  const entry = stem.ids[stem.ids.length - 1]!;
  const cycle = fairCycle(g, components.inside(entry), labels, kind, entry);
  return { stem: stem.ids, stemActions: stem.actions, cycle: cycle.ids, cycleActions: cycle.actions };
}

// The fair components among the live allowed states (Emerson and Lei: see the module comment), numbered; null when no
// allowed state is live.
function decomposeLive(g: FairGraph, kind: TemporalKind, labels: Labels): Int32Array | null {
  const n = g.stateCount;
  const live = g.live;
  if (live === null) return null;
  let count = 0;
  for (let s = 0; s < n; s++) if (live[s] === 1 && allowedStates(kind, labelOf(labels, s))) count++;
  if (count === 0) return null;
  const initial = new Uint32Array(count);
  for (let s = 0, k = 0; s < n; s++) if (live[s] === 1 && allowedStates(kind, labelOf(labels, s))) initial[k++] = s;
  const component = new Int32Array(new SharedArrayBuffer(n * 4)).fill(-1);
  const { at, words } = g.forward;
  const mask = g.mask;
  const tarjan = new Tarjan(g.forward, n);
  // Sets still to decompose; each is a list of states, all inside one earlier component.
  const work: Uint32Array[] = [];
  const inScc = new Int32Array(n).fill(-1);
  let sccId = 0;
  let fairId = 0;
  // A component's states are members[from..to) (Tarjan's stack, valid until the next component).
  const judge = (members: Uint32Array, from: number, to: number): void => {
    const id = sccId++;
    if (to - from === 1) {
      // A live state alone in its component (it leads to a cycle without being on one), judged as any state alone.
      const s = members[from]!;
      if (g.fairAlone[s] === 1 && acceptingState(kind, labelOf(labels, s))) component[s] = fairId++;
      return;
    }
    for (let k = from; k < to; k++) inScc[members[k]!] = id;
    let acceptingHere = false;
    let internal = 0;
    let enabledSome = 0;
    let disabledSome = 0;
    for (let k = from; k < to; k++) {
      const s = members[k]!;
      if (acceptingState(kind, labelOf(labels, s))) acceptingHere = true;
      enabledSome |= g.enabled(s);
      disabledSome |= ~g.enabled(s);
      const a = at[s]!;
      for (let e = a + 1, end = a + 1 + words[a]!; e < end; e++) if (inScc[words[e]!] === id) internal |= mask[e]!;
    }
    if (!acceptingHere) return;
    const unmetStrong = g.strongMask & ~internal & enabledSome;
    if (unmetStrong !== 0) {
      // A cycle that never takes these may not pass where they are enabled.
      const rest: number[] = [];
      for (let k = from; k < to; k++) if ((g.enabled(members[k]!) & unmetStrong) === 0) rest.push(members[k]!);
      if (rest.length > 0) work.push(Uint32Array.from(rest));
      return;
    }
    if ((g.weakMask & ~internal & ~disabledSome) !== 0) return;
    const fair = fairId++;
    for (let k = from; k < to; k++) component[members[k]!] = fair;
  };
  tarjan.run(initial, judge);
  while (work.length > 0) tarjan.run(work.pop()!, judge);
  return component;
}

// A shortest path from an initial state to a state of a fair component,
// crossing only the states the kind allows (see the module comment). For
// leadsTo the search runs over pairs (state, triggered): before the trigger
// any state may be crossed, after it only ¬q states. Breadth-first, so it
// visits only the states nearer than the answer; each visit is kept in the
// queue with the place of the visit it came from.
function shortestStem(g: FairGraph, kind: TemporalKind, labels: Labels, components: FairComponents): { ids: number[]; actions: number[] } | null {
  const n = g.stateCount;
  const phases = kind === "leadsTo" ? 2 : 1;
  const { at, words } = g.forward;
  const seen = new Bits(n * phases);
  // The queue: each node (state s in phase f is f * n + s; phase 1 means "triggered", leadsTo only), and the queue
  // place of the node it was reached from (+1; 0 for an initial state).
  const node = new ChunkedQueue();
  const from = new ChunkedQueue();
  const triggered = (s: number): boolean => labelOf(labels, s) === 1;
  const allowed = (s: number): boolean => allowedStates(kind, labelOf(labels, s));
  const enter = (m: number, parent: number): void => {
    if (seen.has(m)) return;
    seen.add(m);
    node.push(m);
    from.push(parent + 1);
  };
  const startPhase = kind === "leadsTo" ? 0 : 1;
  for (const s of g.initialIds) {
    if (kind === "eventually" && !allowed(s)) continue;
    enter(s, -1);
    if (kind === "leadsTo" && triggered(s)) enter(n + s, -1);
  }
  let found: { ids: number[]; actions: number[] } | null = null;
  for (let head = 0; head < node.length; head++) {
    const m = node.get(head);
    const phase = phases === 2 ? (m >= n ? 1 : 0) : startPhase;
    const s = m >= n ? m - n : m;
    if (phase === 1 && components.has(s)) {
      found = pathTo(g.forward, head, node, from, n);
      break;
    }
    const a = at[s]!;
    for (let e = a + 1, end = a + 1 + words[a]!; e < end; e++) {
      const t = words[e]!;
      if (kind === "leadsTo") {
        if (phase === 0) {
          enter(t, head);
          if (triggered(t)) enter(n + t, head);
        } else if (allowed(t)) enter(n + t, head);
      } else if (allowed(t)) enter(t, head);
    }
  }
  // The queues' memory, for the next search on this thread.
  node.release();
  from.release();
  return found;
}

// A cycle through `entry` inside its fair component that meets the fairness
// argument: for each constraint, an edge taking it, or (weak) a state where
// it is disabled; for convergesTo, an accepting state. Built from shortest
// paths inside the component, in constraint order, and back to `entry`.
function fairCycle(g: FairGraph, inside: (s: number) => boolean, labels: Labels, kind: TemporalKind, entry: number): { ids: number[]; actions: number[] } {
  const { at, words } = g.forward;
  const mask = g.mask;
  const accepting = (s: number): boolean => acceptingState(kind, labelOf(labels, s));
  const ids = [entry];
  const actions: number[] = [];
  let now = entry;
  let taken = 0;
  let disabledSeen = ~g.enabled(entry);
  let acceptingSeen = accepting(entry);
  const walk = (edges: readonly number[]): void => {
    for (const e of edges) {
      // The edge leaves `now`: its action index is its place in `now`'s record.
      actions.push(e - at[now]! - 1);
      now = words[e]!;
      ids.push(now);
      taken |= mask[e]!;
      disabledSeen |= ~g.enabled(now);
      if (accepting(now)) acceptingSeen = true;
    }
  };
  const takesInside = (s: number, bit: number): number => {
    const a = at[s]!;
    for (let e = a + 1, end = a + 1 + words[a]!; e < end; e++) if (mask[e]! & bit && inside(words[e]!)) return e;
    return -1;
  };
  // Which constraints some edge inside the component takes.
  let internal = 0;
  for (let s = 0; s < g.stateCount; s++) {
    if (!inside(s)) continue;
    const a = at[s]!;
    for (let e = a + 1, end = a + 1 + words[a]!; e < end; e++) if (inside(words[e]!)) internal |= mask[e]!;
  }
  for (let j = 0; j < g.constraints.length; j++) {
    const bit = 1 << j;
    if (taken & bit) continue;
    if (internal & bit) {
      // The nearest state with an edge inside taking constraint j, then that edge.
      walk(pathInside(g, inside, now, (s) => takesInside(s, bit) >= 0));
      walk([takesInside(now, bit)]);
    } else if (g.weakMask & bit && !(disabledSeen & bit)) {
      walk(pathInside(g, inside, now, (s) => (g.enabled(s) & bit) === 0));
    }
  }
  if (!acceptingSeen) walk(pathInside(g, inside, now, accepting));
  if (now !== entry) walk(pathInside(g, inside, now, (s) => s === entry));
  return { ids, actions };
}

// The edges of a shortest path inside the component from `from` to a state
// satisfying `goal` (none when `from` satisfies it).
function pathInside(g: FairGraph, inside: (s: number) => boolean, from: number, goal: (s: number) => boolean): number[] {
  if (goal(from)) return [];
  const { at, words } = g.forward;
  // Each state reached: the edge it was reached by and the state that edge leaves.
  const via = new Map<number, { edge: number; source: number }>([[from, { edge: -1, source: -1 }]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    const a = at[s]!;
    for (let e = a + 1, end = a + 1 + words[a]!; e < end; e++) {
      const t = words[e]!;
      if (!inside(t) || via.has(t)) continue;
      via.set(t, { edge: e, source: s });
      if (goal(t)) {
        const edges: number[] = [];
        for (let m = t; m !== from; ) {
          const step = via.get(m)!;
          edges.push(step.edge);
          m = step.source;
        }
        return edges.reverse();
      }
      queue.push(t);
    }
  }
  // Unreachable: the component is strongly connected.
  throw new Error("internal error: a fair component is not strongly connected");
}
