/**
 * The level-synchronous search against the obviously-correct reference on
 * random graphs, as the sequential search is in engine.test.ts: the graph as a
 * packed model, searched on one thread and on two (levels shared from the
 * first state on, in the smallest fingerprint set, so that it grows).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withDebug } from "./debug-log.js";
import { always, check, sometimes, step, WorkerPool, type CheckResult } from "../../dist/checker/index.js";
// @ts-expect-error: a plain JavaScript fixture, as worker threads load it.
import { graphProperties, packedGraphModel } from "../fixtures/packed-graph.mjs";
import { distances, graphArb, type Graph } from "./graph-model.js";

const FIXTURE = new URL("../fixtures/packed-graph.mjs", import.meta.url).href;

interface Spec {
  bad: number[];
  wanted: number[];
  badEdges: [number, number][];
}

const specArb = fc.record({
  bad: fc.uniqueArray(fc.nat(13), { maxLength: 2 }),
  wanted: fc.uniqueArray(fc.nat(13), { maxLength: 2 }),
  badEdges: fc.uniqueArray(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 3 }),
});

// What the search must report, computed by plain BFS over the graph.
function reference(g: Graph, spec: Spec) {
  const dist = distances(g);
  const reachable = dist.filter((d) => d < Infinity);
  const shortest = (targets: number[]) => Math.min(...targets.map((s) => dist[s] ?? Infinity));
  let edge = Infinity;
  for (let s = 0; s < g.n; s++) for (const t of g.succ[s]!) if (dist[s]! < Infinity && spec.badEdges.some(([x, y]) => x === s && y === t)) edge = Math.min(edge, dist[s]! + 1);
  const length = (d: number) => (d === Infinity ? null : d);
  const bad = shortest(spec.bad);
  const wanted = shortest(spec.wanted);
  return {
    distinctStates: reachable.length,
    diameter: Math.max(...reachable),
    verdicts: [
      [bad === Infinity ? "holds" : "violated", length(bad)],
      [wanted === Infinity ? "violated" : "found", length(wanted)],
      [edge === Infinity ? "holds" : "violated", length(edge)],
    ],
  };
}

// The level search's DNSMC_DEBUG lines say how many successors each thread expanded in each level.

const outcome = (r: CheckResult<unknown, unknown>) => ({
  distinctStates: r.distinctStates,
  diameter: r.diameter,
  verdicts: r.properties.map((p) => [p.verdict, p.traceLength]),
});

describe("the level search on random graphs", () => {
  it("one thread: the reachable set, the diameter, and shortest traces for every property kind", async () => {
    await fc.assert(
      fc.asyncProperty(graphArb, specArb, async (g, spec) => {
        const r = await check(packedGraphModel(g), { properties: graphProperties(spec), continue: true, tableSlots: 1 });
        expect(r.error).toBeUndefined();
        expect(outcome(r)).toEqual(reference(g, spec));
      }),
    );
  });

  it("two threads sharing every level", async () => {
    let shared = 0;
    await fc.assert(
      fc.asyncProperty(graphArb, specArb, async (g, spec) => {
        // The second thread must be ready before the first level, or these tiny searches end without it.
        const pool = new WorkerPool(FIXTURE, 1);
        pool.load({ graph: g, properties: spec }, false);
        while (!pool.threads.every((t) => t.ready)) await new Promise((resolve) => setTimeout(resolve, 2));
        const log: string[] = [];
        const r = await withDebug(log, () => check(packedGraphModel(g), { properties: graphProperties(spec), continue: true, workerPool: pool, sharedLevelStates: 1, tableSlots: 1 }));
        if (log.some((line) => /per thread: \d+ successors in \d+ ms, \d+ successors/.test(line))) shared++;
        expect(r.error).toBeUndefined();
        expect(outcome(r)).toEqual(reference(g, spec));
      }),
      { numRuns: 25 },
    );
    // Most graphs have a level with more than one state to share.
    expect(shared).toBeGreaterThan(10);
    // 25 thread pools started one after another: about 10 s, but near a minute on a loaded host.
  }, 180_000);

  it("does not evaluate a property again once found: only its first depth is reported", async () => {
    // A chain 0 -> 1 -> ... -> 20: a state's number is its depth.
    const g = { n: 21, succ: Array.from({ length: 21 }, (_, s) => (s < 20 ? [s + 1] : [])), inits: [0] };
    const judged = { invariant: [] as number[], witness: [] as number[], step: [] as number[] };
    const properties = [
      always<Uint32Array>("not-1", (s) => (judged.invariant.push(s[0]!), s[0] !== 1)),
      sometimes<Uint32Array>("reaches-2", (s) => (judged.witness.push(s[0]!), s[0] === 2)),
      step<Uint32Array, number>("no-3-to-4", (before, _a, after) => (judged.step.push(before[0]!), !(before[0] === 3 && after[0] === 4))),
    ];
    const r = await check(packedGraphModel(g), { properties, continue: true });
    expect(r.plan!.search).toBe("levels");
    expect(r.distinctStates).toBe(21);
    expect(r.properties.map((p) => [p.verdict, p.traceLength])).toEqual([
      ["violated", 1],
      ["found", 2],
      ["violated", 4],
    ]);
    // The level search judged each no deeper than where it found it; the traces' rebuilding judged them up to there too.
    expect(Math.max(...judged.invariant)).toBe(1);
    expect(Math.max(...judged.witness)).toBe(2);
    expect(Math.max(...judged.step)).toBe(3);
  });
});
