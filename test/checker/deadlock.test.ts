/**
 * The deadlock check (`deadlock: true`, `--deadlock`): a reachable state with
 * no enabled action is reported with a shortest path, on random graphs
 * against plain breadth-first search, on the sequential search and the level
 * search, and with the same trace on one thread and two.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, checkSync } from "../../dist/checker/index.js";
// @ts-expect-error: a plain JavaScript fixture, as worker threads load it.
import { packedGraphModel } from "../fixtures/packed-graph.mjs";
import { dnsmc } from "../cli/run-cli.js";
import { distances, graphArb, graphModel, isPath } from "./graph-model.js";

// The reference: the nearest reachable state with no successor, by plain breadth-first search.
function nearestDeadlock(g: { n: number; succ: readonly (readonly number[])[]; inits: readonly number[] }): number | null {
  const dist = distances(g);
  let best: number | null = null;
  for (let s = 0; s < g.n; s++) if (dist[s]! < Infinity && g.succ[s]!.length === 0) best = Math.min(best ?? Infinity, dist[s]!);
  return best;
}

describe("the deadlock check", () => {
  // First: once this process has reserved a fingerprint set, spawning a child may fail for address space.
  it("gives the same trace on one thread and two (the DNS model ends when every plan is applied)", () => {
    const run = (workers: string) => JSON.parse(dnsmc(["check", "--variant", "cas", "--deadlock", "--property", "endpoint-never-empty", "--no-write", "--json", "--workers", workers, "--continue"]).stdout);
    const [one, two] = [run("1"), run("2")];
    const deadlock = (r: any) => r.properties.find((p: any) => p.name === "deadlock");
    expect(deadlock(one).verdict).toBe("violated");
    expect(deadlock(two)).toEqual(deadlock(one));
    expect(two.distinctStates).toBe(one.distinctStates);
  });

  it("finds the nearest state with no enabled action, with a shortest path, or holds (random graphs)", async () => {
    await fc.assert(
      fc.asyncProperty(graphArb, async (g) => {
        const expected = nearestDeadlock(g);
        for (const model of [graphModel(g), packedGraphModel(g)]) {
          const r = await check(model as never, { deadlock: true, continue: true, tableSlots: 1 });
          const p = r.properties.find((x) => x.name === "deadlock")!;
          expect(p.verdict).toBe(expected === null ? "holds" : "violated");
          expect(p.traceLength).toBe(expected);
          if (p.trace) {
            // A packed state is its words: the graph's state number is the first.
            const states = p.trace.steps.map((s) => (typeof s.state === "number" ? s.state : (s.state as Uint32Array)[0]!));
            expect(isPath(g, states)).toBe(true);
            expect(g.succ[states.at(-1)!]!.length).toBe(0);
          }
        }
      }),
    );
  });

  it("is not checked unless asked for", () => {
    const r = checkSync(graphModel({ n: 1, succ: [[]], inits: [0] }), { continue: true });
    expect(r.properties).toEqual([]);
  });

});
