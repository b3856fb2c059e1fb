/**
 * Temporal properties under fairness (eventually, leadsTo, convergesTo),
 * against a brute-force reference on random graphs: the reference enumerates
 * every set of edges a behaviour could take forever, keeps those that are
 * strongly connected, fair and violating, and derives the verdict and the
 * shortest stem from the definitions alone (no components, no Emerson-Lei).
 * Each lasso the engine returns is checked to be a path of the graph whose
 * cycle closes, is fair, and violates the property.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, checkSync, convergesTo, eventually, leadsTo, recoverable, strongFairness, weakFairness, WorkerPool } from "../../dist/checker/index.js";
import type { Model, Property } from "../../dist/checker/index.js";
import { withDebug } from "./debug-log.js";
// @ts-expect-error: a plain JavaScript fixture, as worker threads load it.
import { fairGraphModel, fairGraphProperties } from "../fixtures/fair-graph.mjs";

interface Edge {
  readonly from: number;
  readonly to: number;
  /** The fairness family the edge's action belongs to (-1: none). */
  readonly family: number;
}
interface FairGraphCase {
  readonly n: number;
  readonly edges: readonly Edge[];
  readonly inits: readonly number[];
  readonly kinds: readonly ("weak" | "strong")[];
  readonly p: readonly boolean[];
  readonly q: readonly boolean[];
}

const caseArb: fc.Arbitrary<FairGraphCase> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.integer({ min: 0, max: 3 }).chain((families) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), family: fc.integer({ min: -1, max: families - 1 }) }), { maxLength: 10 }),
      inits: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 2 }),
      kinds: fc.array(fc.constantFrom("weak" as const, "strong" as const), { minLength: families, maxLength: families }),
      p: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      q: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    }),
  ),
);

// The graph as a model: a state is its number, an action is an edge (one object each, so the order is fixed).
function model(c: FairGraphCase): Model<number, Edge> {
  const out = Array.from({ length: c.n }, (_, s) => c.edges.filter((e) => e.from === s));
  return {
    name: "fair-graph",
    initStates: () => c.inits,
    actions: (s) => out[s]!,
    next: (_s, e) => e.to,
    fairness: c.kinds.map((k, j) => (k === "weak" ? weakFairness : strongFairness)(`F${j}`, (e: Edge) => e.family === j)),
  };
}

type Kind = "eventually" | "leadsTo" | "convergesTo";

// ---- The reference: definitions, enumerated. ----

const enabledIn = (c: FairGraphCase, s: number, j: number): boolean => c.edges.some((e) => e.from === s && e.family === j);

// Fair: each constraint is taken by an edge of the cycle, or disabled somewhere (weak) / everywhere (strong) on it.
function fair(c: FairGraphCase, states: ReadonlySet<number>, taken: readonly Edge[]): boolean {
  return c.kinds.every((k, j) => {
    if (taken.some((e) => e.family === j)) return true;
    const disabled = [...states].filter((s) => !enabledIn(c, s, j));
    return k === "weak" ? disabled.length > 0 : disabled.length === states.size;
  });
}

// Shortest distances from `sources` crossing only states where `may` holds (sources included only if they may).
function bfs(c: FairGraphCase, sources: readonly number[], may: (s: number) => boolean): number[] {
  const dist = Array.from({ length: c.n }, () => Infinity);
  const queue: number[] = [];
  for (const s of sources) if (may(s) && dist[s] === Infinity) (dist[s] = 0), queue.push(s);
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const e of c.edges) if (e.from === s && may(e.to) && dist[e.to] === Infinity) (dist[e.to] = dist[s]! + 1), queue.push(e.to);
  }
  return dist;
}

/** The shortest stem of any violating fair lasso, or null when the property holds. */
function reference(c: FairGraphCase, kind: Kind): number | null {
  // Every candidate for "what repeats forever": a strongly connected set of edges, or one state stuttering.
  const candidates: Array<{ states: Set<number>; taken: Edge[] }> = [];
  for (let s = 0; s < c.n; s++) candidates.push({ states: new Set([s]), taken: [] });
  for (let bits = 1; bits < 1 << c.edges.length; bits++) {
    const taken = c.edges.filter((_, k) => bits & (1 << k));
    const states = new Set(taken.flatMap((e) => [e.from, e.to]));
    const reach = (from: number): Set<number> => {
      const seen = new Set([from]);
      const stack = [from];
      while (stack.length > 0) {
        const s = stack.pop()!;
        for (const e of taken) if (e.from === s && !seen.has(e.to)) seen.add(e.to), stack.push(e.to);
      }
      return seen;
    };
    // Strongly connected by its own edges, and every state left again (a cycle through all of them).
    if ([...states].every((s) => reach(s).size === states.size && taken.some((e) => e.from === s))) candidates.push({ states, taken });
  }
  let best: number | null = null;
  const all = Array.from({ length: c.n }, (_, s) => s);
  const anyState = () => true;
  for (const { states, taken } of candidates) {
    if (!fair(c, states, taken)) continue;
    let stem = Infinity;
    if (kind === "eventually") {
      if ([...states].some((s) => c.p[s])) continue;
      const dist = bfs(c, c.inits, (s) => !c.p[s]!);
      stem = Math.min(...[...states].map((s) => dist[s]!));
    } else if (kind === "leadsTo") {
      if ([...states].some((s) => c.q[s])) continue;
      const fromInit = bfs(c, c.inits, anyState);
      for (const t of all) {
        if (!c.p[t] || c.q[t] || fromInit[t] === Infinity) continue;
        const after = bfs(c, [t], (s) => !c.q[s]!);
        stem = Math.min(stem, fromInit[t]! + Math.min(...[...states].map((s) => after[s]!)));
      }
    } else {
      if (![...states].some((s) => !c.p[s])) continue;
      const dist = bfs(c, c.inits, anyState);
      stem = Math.min(...[...states].map((s) => dist[s]!));
    }
    if (stem < Infinity) best = Math.min(best ?? Infinity, stem);
  }
  return best;
}

// ---- Checking a lasso the engine returned. ----

function checkLasso(c: FairGraphCase, kind: Kind, states: readonly number[], actions: readonly (Edge | null)[], loop: number): void {
  // A path of the graph from an initial state, each step along the edge it names.
  expect(c.inits).toContain(states[0]);
  for (let i = 1; i < states.length; i++) {
    const e = actions[i]!;
    expect(e.from).toBe(states[i - 1]);
    expect(e.to).toBe(states[i]);
  }
  const last = states.length - 1;
  if (loop < last) expect(states[last]).toBe(states[loop]);
  const cycleStates = new Set(loop === last ? [states[loop]!] : states.slice(loop, last));
  const taken = loop === last ? [] : (actions.slice(loop + 1) as Edge[]);
  expect(fair(c, cycleStates, taken)).toBe(true);
  if (kind === "eventually") expect(states.some((s) => c.p[s])).toBe(false);
  if (kind === "leadsTo") expect(states.some((s, i) => i <= loop && c.p[s] && states.slice(i).every((t) => !c.q[t]))).toBe(true);
  if (kind === "convergesTo") expect([...cycleStates].some((s) => !c.p[s])).toBe(true);
}

// The same graph with packed states (one word: the state's number), so that the level search records it.
function packedModel(c: FairGraphCase): Model<Uint32Array, Edge> {
  const out = Array.from({ length: c.n }, (_, s) => c.edges.filter((e) => e.from === s));
  const plain = model(c);
  return {
    name: "fair-graph-packed",
    initStates: () => c.inits.map((s) => Uint32Array.of(s)),
    actions: (s) => out[s[0]!]!,
    next: (_s, e) => Uint32Array.of(e.to),
    key: (s) => String(s[0]),
    fairness: plain.fairness!,
    packed: {
      words: 1,
      wordsOf: (s) => s,
      wrap: (w) => w,
      actionsInto: (s, into) => {
        const edges = out[s[0]!]!;
        for (let k = 0; k < edges.length; k++) into[k] = edges[k]!;
        return edges.length;
      },
      nextInto: (_s, e, into) => void (into[0] = e.to),
    },
  };
}

function properties(c: FairGraphCase): Record<Kind, Property<number, Edge>> {
  return {
    eventually: eventually("ev", (s: number) => c.p[s]!),
    leadsTo: leadsTo("lt", (s: number) => c.p[s]!, (s: number) => c.q[s]!),
    convergesTo: convergesTo("cv", (s: number) => c.p[s]!),
  };
}

describe("temporal properties under fairness", () => {
  it("agree with a brute-force enumeration of fair cycles, with the shortest stem (random graphs)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const props = properties(c);
        const r = checkSync(model(c), { continue: true, properties: Object.values(props) });
        (Object.keys(props) as Kind[]).forEach((kind, i) => {
          const got = r.properties[i]!;
          const expected = reference(c, kind);
          expect(got.verdict, kind).toBe(expected === null ? "holds" : "violated");
          if (expected === null) return;
          const trace = got.trace!;
          expect(trace.loop, `${kind}: the stem's length`).toBe(expected);
          checkLasso(c, kind, trace.steps.map((s) => s.state), trace.steps.map((s) => s.action), trace.loop!);
        });
      }),
      { numRuns: 400 },
    );
  });
});

// ---- Classic models with known verdicts. ----

type Pc = "idle" | "flag" | "turn" | "wait" | "cs";
interface Mutex {
  readonly pc: readonly [Pc, Pc];
  readonly flag: readonly [boolean, boolean];
  readonly turn: number;
}
interface Step {
  readonly i: number;
  readonly op: "request" | "flag" | "turn" | "enter" | "exit";
}

/**
 * Two processes competing for a critical section. Peterson's algorithm:
 * raise the flag, give the turn away, wait until the other's flag is down or
 * the turn is back. The naive flag protocol waits for the other's flag alone.
 * Every process is weakly fair except in its non-critical section (it may
 * stay idle forever), as in Lamport's statement of starvation freedom.
 */
function mutex(peterson: boolean): Model<Mutex, Step> {
  const set = <T,>(pair: readonly [T, T], i: number, v: T): [T, T] => (i === 0 ? [v, pair[1]] : [pair[0], v]);
  return {
    name: peterson ? "peterson" : "naive-flag",
    initStates: () => [{ pc: ["idle", "idle"], flag: [false, false], turn: 0 }],
    actions: (s) =>
      [0, 1].flatMap((i): Step[] => {
        const j = 1 - i;
        switch (s.pc[i]!) {
          case "idle":
            return [{ i, op: "request" }];
          case "flag":
            return [{ i, op: "flag" }];
          case "turn":
            return [{ i, op: "turn" }];
          case "wait":
            return !s.flag[j] || (peterson && s.turn === i) ? [{ i, op: "enter" }] : [];
          case "cs":
            return [{ i, op: "exit" }];
        }
      }),
    next: (s, { i, op }) => {
      switch (op) {
        case "request":
          return { ...s, pc: set(s.pc, i, "flag") };
        case "flag":
          return { ...s, flag: set(s.flag, i, true), pc: set(s.pc, i, peterson ? "turn" : "wait") };
        case "turn":
          return { ...s, turn: 1 - i, pc: set(s.pc, i, "wait") };
        case "enter":
          return { ...s, pc: set(s.pc, i, "cs") };
        case "exit":
          return { ...s, flag: set(s.flag, i, false), pc: set(s.pc, i, "idle") };
      }
    },
    fairness: [0, 1].map((i) => weakFairness<Step>(`process ${i}`, (a) => a.i === i && a.op !== "request")),
  };
}

const starvationFree = (i: number) => leadsTo<Mutex>(`process-${i}-enters`, (s) => s.pc[i] !== "idle" && s.pc[i] !== "cs", (s) => s.pc[i] === "cs");

describe("the level search's recorded graph", () => {
  it("gives the sequential search's verdicts and lassos, also while its set grows in the middle of levels (random graphs)", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const p = (f: (s: number) => boolean) => (s: Uint32Array) => f(s[0]!);
        const props = [
          eventually("ev", p((s) => c.p[s]!)),
          leadsTo("lt", p((s) => c.p[s]!), p((s) => c.q[s]!)),
          convergesTo("cv", p((s) => c.p[s]!)),
          recoverable("rc", p((s) => c.q[s]!)),
        ];
        const sequential = checkSync(packedModel(c), { continue: true, properties: props });
        const levels = await check(packedModel(c), { continue: true, properties: props, tableSlots: 1 });
        expect(levels.plan!.search).toBe("levels");
        const summary = (r: typeof sequential) => r.properties.map((x) => [x.verdict, x.trace?.loop, x.trace?.steps.map((s) => s.state[0])]);
        expect(summary(levels)).toEqual(summary(sequential));
      }),
      { numRuns: 150 },
    );
  });
});

describe("the graph's analyses shared with a worker thread", () => {
  it("give the one-thread verdicts and lassos: fixpoints swept in two ranges, counterexamples searched on both threads (random graphs)", async () => {
    let swept = 0;
    let searched = 0;
    // Half the graphs get a cycle through an initial state, so that their fixpoints are swept (a graph without cycles is
    // decided in the first pass alone).
    const cases = fc.tuple(caseArb, fc.boolean(), fc.nat()).map(([c, cycle, k]): FairGraphCase => {
      if (!cycle || c.n < 2) return c;
      const s = c.inits[0]!;
      const t = (s + 1 + (k % (c.n - 1))) % c.n;
      return { ...c, edges: [...c.edges, { from: s, to: t, family: -1 }, { from: t, to: s, family: -1 }] };
    });
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const one = await check(fairGraphModel(c), { continue: true, properties: fairGraphProperties(c) });
        const pool = new WorkerPool(new URL("../fixtures/fair-graph.mjs", import.meta.url).href, 1);
        pool.load(c, false);
        while (!pool.threads.every((t) => t.ready)) await new Promise((resolve) => setTimeout(resolve, 2));
        const log: string[] = [];
        const two = await withDebug(log, () => check(fairGraphModel(c), { continue: true, properties: fairGraphProperties(c), workerPool: pool }));
        await pool.close();
        expect(log).toContain("analyses of the graph: on this thread and a worker thread");
        if (log.some((line) => /^fixpoint \w+: \d+ sweeps on two threads/.test(line))) swept++;
        if (log.some((line) => /^counterexample searches: \d+ here, [1-9]\d* on the worker thread/.test(line))) searched++;
        const summary = (r: typeof one) => r.properties.map((x) => [x.verdict, x.trace?.loop, x.trace?.steps.map((s) => (s.state as Uint32Array)[0])]);
        expect(summary(two)).toEqual(summary(one));
      }),
      { numRuns: 30 },
    );
    // Graphs with cycles are swept on both threads; several violated properties share out their searches.
    expect(swept).toBeGreaterThan(5);
    expect(searched).toBeGreaterThan(5);
  }, 180_000);
});

describe("declarations past the bounds", () => {
  it("more fairness constraints than masks hold, or too many whole-graph properties: a model error naming the fix", () => {
    const c: FairGraphCase = { n: 1, edges: [], inits: [0], kinds: [], p: [false], q: [false] };
    const many = { ...model(c), fairness: Array.from({ length: 33 }, (_, j) => weakFairness<Edge>(`F${j}`, () => false)) };
    const r = checkSync(many, { continue: true, properties: [eventually("ev", () => false)] });
    expect(r.error).toMatchObject({ kind: "invalid-model" });
    expect(r.error!.message).toContain("33 fairness constraints; at most 32");
    const props = Array.from({ length: 17 }, (_, j) => eventually(`ev${j}`, () => false));
    const g = checkSync(model(c), { continue: true, properties: props });
    expect(g.error).toMatchObject({ kind: "invalid-model" });
    expect(g.error!.message).toContain("17 properties need the whole state graph");
  });
});

describe("classic models", () => {
  it("Peterson's algorithm is starvation-free under weak fairness", () => {
    const r = checkSync(mutex(true), { continue: true, properties: [starvationFree(0), starvationFree(1)] });
    expect(r.properties.map((p) => p.verdict)).toEqual(["holds", "holds"]);
  });

  it("the naive flag protocol is not: both flags up, both wait forever (a fair stutter)", () => {
    const r = checkSync(mutex(false), { continue: true, properties: [starvationFree(0)] });
    const p = r.properties[0]!;
    expect(p.verdict).toBe("violated");
    const last = p.trace!.steps.at(-1)!.state as Mutex;
    expect(last.flag).toEqual([true, true]);
    expect(last.pc).toEqual(["wait", "wait"]);
    // The behaviour stays there: no fair action is enabled, so stuttering forever is fair.
    expect(p.trace!.loop).toBe(p.trace!.steps.length - 1);
    expect(p.trace!.fairness!.every((f) => f.disabledAt.length === 1 && f.takenAt.length === 0)).toBe(true);
  });

  it("without fairness even Peterson's algorithm may stop anywhere", () => {
    const r = checkSync({ ...mutex(true), fairness: [] }, { continue: true, properties: [starvationFree(0)] });
    expect(r.properties[0]!.verdict).toBe("violated");
    // It asks for the critical section, then simply stops: nothing obliges it to go on.
    expect(r.properties[0]!.trace!.loop).toBe(1);
  });
});
