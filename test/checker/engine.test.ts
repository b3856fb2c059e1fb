/**
 * The engine against independent reference answers on random graphs: the
 * reachable set, shortest counterexamples, and the verdicts of every kind of
 * property, under BFS and DFS, exhaustive and stopping early.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { always, checkSync, convergesTo, recoverable, sometimes, step } from "../../checker/index.js";
import { distances, graphArb, graphModel, isPath, reachableFrom } from "./graph-model.js";

const states = (trace: { steps: readonly { state: unknown }[] } | null) => (trace ? trace.steps.map((s) => s.state as number) : []);

describe("exploration on random graphs", () => {
  it("stores exactly the reachable states", () => {
    fc.assert(
      fc.property(graphArb, fc.constantFrom("bfs" as const, "dfs" as const), fc.boolean(), (g, strategy, go) => {
        const reachable = distances(g).filter((d) => d < Infinity).length;
        // With no properties there is nothing to stop early for: both modes explore everything.
        const r = checkSync(graphModel(g), { strategy, continue: go });
        expect(r.distinctStates).toBe(reachable);
        expect(r.complete).toBe(true);
        expect(r.statesGenerated).toBe(g.inits.length + [...Array(g.n).keys()].filter((s) => distances(g)[s]! < Infinity).reduce((a, s) => a + g.succ[s]!.length, 0));
      }),
    );
  });

  it("goes on after a violation with continue (or its former name, exhaustive), else stops at it", () => {
    const chain = graphModel({ n: 5, succ: [[1], [2], [3], [4], []], inits: [0] });
    const properties = [always<number>("not-1", (s) => s !== 1)];
    expect(checkSync(chain, { properties }).distinctStates).toBeLessThan(5);
    for (const options of [{ continue: true }, { exhaustive: true }]) {
      const r = checkSync(chain, { properties, ...options });
      expect(r.distinctStates).toBe(5);
      expect(r.properties[0]!.verdict).toBe("violated");
    }
  });

  it("BFS diameter is the largest shortest distance", () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const d = distances(g).filter((x) => x < Infinity);
        expect(checkSync(graphModel(g), { continue: true }).diameter).toBe(Math.max(...d));
      }),
    );
  });

  it("an invariant fails iff a bad state is reachable, with a shortest trace under BFS", () => {
    fc.assert(
      fc.property(graphArb, fc.uniqueArray(fc.nat(13), { maxLength: 4 }), fc.boolean(), (g, bad, go) => {
        const dist = distances(g);
        const best = Math.min(...bad.map((s) => dist[s] ?? Infinity));
        const r = checkSync(graphModel(g), { properties: [always<number>("not-bad", (s) => !bad.includes(s))], continue: go });
        const p = r.properties[0]!;
        if (best === Infinity) {
          expect(p.verdict).toBe("holds");
        } else {
          expect(p.verdict).toBe("violated");
          expect(p.traceLength).toBe(best);
          const path = states(p.trace);
          expect(isPath(g, path)).toBe(true);
          expect(bad).toContain(path[path.length - 1]);
        }
      }),
    );
  });

  it("DFS finds the same invariant verdicts, with valid (not necessarily shortest) traces", () => {
    fc.assert(
      fc.property(graphArb, fc.uniqueArray(fc.nat(13), { maxLength: 4 }), (g, bad) => {
        const dist = distances(g);
        const r = checkSync(graphModel(g), { strategy: "dfs", properties: [always<number>("not-bad", (s) => !bad.includes(s))] });
        const p = r.properties[0]!;
        expect(p.verdict).toBe(bad.some((s) => dist[s]! < Infinity) ? "violated" : "holds");
        if (p.trace) expect(isPath(g, states(p.trace))).toBe(true);
      }),
    );
  });

  it("a step property fails iff a bad edge is reachable, with a shortest trace", () => {
    fc.assert(
      fc.property(graphArb, fc.array(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 5 }), fc.boolean(), (g, badEdges, go) => {
        const dist = distances(g);
        const isBad = (a: number, b: number) => badEdges.some(([x, y]) => x === a && y === b);
        let best = Infinity;
        for (let s = 0; s < g.n; s++) for (const t of g.succ[s]!) if (dist[s]! < Infinity && isBad(s, t)) best = Math.min(best, dist[s]! + 1);
        const r = checkSync(graphModel(g), { properties: [step<number, number>("good-edges", (a, _x, b) => !isBad(a, b))], continue: go });
        const p = r.properties[0]!;
        expect(p.verdict).toBe(best === Infinity ? "holds" : "violated");
        if (best < Infinity) {
          expect(p.traceLength).toBe(best);
          const path = states(p.trace);
          expect(isPath(g, path)).toBe(true);
          expect(isBad(path[path.length - 2]!, path[path.length - 1]!)).toBe(true);
        }
      }),
    );
  });

  it("a witness is found iff reachable (shortest), and is a violation only after an exhaustive search", () => {
    fc.assert(
      fc.property(graphArb, fc.uniqueArray(fc.nat(13), { maxLength: 3 }), (g, targets) => {
        const dist = distances(g);
        const best = Math.min(...targets.map((s) => dist[s] ?? Infinity));
        const r = checkSync(graphModel(g), { properties: [sometimes<number>("reach", (s) => targets.includes(s))] });
        const p = r.properties[0]!;
        expect(p.verdict).toBe(best === Infinity ? "violated" : "found");
        if (best < Infinity) expect(p.traceLength).toBe(best);
        // Cut at depth 0: found in an initial state, else undecided if an initial state has a successor, else the search was complete.
        const limited = checkSync(graphModel(g), { properties: [sometimes<number>("reach", (s) => targets.includes(s))], maxDepth: 0 });
        const cut = g.inits.some((s) => g.succ[s]!.length > 0);
        const expected = targets.some((t) => g.inits.includes(t)) ? "found" : cut ? "unknown" : "violated";
        expect(limited.properties[0]!.verdict).toBe(expected);
      }),
    );
  });

  it("recoverable fails iff a reachable state cannot reach the goal, with a shortest trace to such a state", () => {
    fc.assert(
      fc.property(graphArb, fc.uniqueArray(fc.nat(13), { maxLength: 4 }), fc.constantFrom("bfs" as const, "dfs" as const), (g, goal, strategy) => {
        const dist = distances(g);
        let best = Infinity;
        const stuck = new Set<number>();
        for (let s = 0; s < g.n; s++) {
          if (dist[s] === Infinity) continue;
          if (![...reachableFrom(g, s)].some((t) => goal.includes(t))) {
            stuck.add(s);
            best = Math.min(best, dist[s]!);
          }
        }
        const back = recoverable<number>("back", (s) => goal.includes(s));
        // Checked with a convergence property, recoverable shares the analyses' passes (graph/analyses.ts: one depth-first
        // pass, one bit of a fixpoint each): the same verdict and trace, and the convergence property's own as when alone.
        const cv = convergesTo<number>("cv", (s) => goal.includes(s));
        const r = checkSync(graphModel(g), { strategy, properties: [back] });
        const shared = checkSync(graphModel(g), { strategy, properties: [back, cv] });
        const alone = checkSync(graphModel(g), { strategy, properties: [cv] });
        expect(shared.properties[0]).toEqual(r.properties[0]);
        expect(shared.properties[1]).toEqual(alone.properties[0]);
        const p = r.properties[0]!;
        expect(p.verdict).toBe(best === Infinity ? "holds" : "violated");
        if (best < Infinity) {
          expect(p.traceLength).toBe(best);
          const path = states(p.trace);
          expect(isPath(g, path)).toBe(true);
          expect(stuck.has(path[path.length - 1]!)).toBe(true);
        }
      }),
    );
  });

  it("stops at the first violation unless asked to continue, leaving the rest unknown", () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const dist = distances(g);
        const far = dist.indexOf(Math.max(...dist.filter((d) => d < Infinity)));
        const props = [always<number>("never-init", (s) => !g.inits.includes(s)), always<number>("never-far", (s) => s !== far)];
        const early = checkSync(graphModel(g), { properties: props });
        expect(early.properties[0]!.verdict).toBe("violated");
        expect(early.status).toBe("violated");
        // The search stops once the initial states are judged: the far state is decided only if it is one of them.
        expect(early.properties[1]!.verdict).toBe(dist[far] === 0 ? "violated" : "unknown");
        expect(early.stopReason).toBe("violation");
        const full = checkSync(graphModel(g), { properties: props, continue: true });
        expect(full.properties.map((p) => p.verdict)).toEqual(["violated", "violated"]);
        expect(full.properties[1]!.traceLength).toBe(dist[far]);
      }),
    );
  });

  it("--max-states stops with an incomplete result when states remain", () => {
    fc.assert(
      fc.property(graphArb, fc.integer({ min: 1, max: 5 }), (g, limit) => {
        const reachable = distances(g).filter((d) => d < Infinity).length;
        const r = checkSync(graphModel(g), { maxStates: limit, properties: [always<number>("t", () => true)] });
        if (reachable > limit) {
          expect(r.stopReason).toBe("max-states");
          expect(r.status).toBe("incomplete");
          expect(r.distinctStates).toBe(limit);
        } else {
          expect(r.status).toBe("ok");
        }
      }),
    );
  });
});
