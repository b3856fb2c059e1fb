/**
 * The level-synchronous search gives exactly the sequential search's result
 * (states, states found, diameter, verdicts, traces byte for byte), on one
 * thread or several: counts come from complete levels, traces from the
 * sequential search bounded to the depth of the first finding, and the
 * properties of the whole graph (recoverable, temporal) from the graph the
 * threads record.
 */
import { describe, expect, it } from "vitest";
import { withDebug } from "./debug-log.js";
// Worker threads run compiled JavaScript, so this test uses the build (npm test builds first).
import { always, check, checkSync, recoverable as recoverableProperty, WorkerPool, type CheckResult, type Model } from "../../dist/checker/index.js";
import { dnsModel } from "../../dist/model/index.js";
import endpointNeverEmpty from "../../dist/properties/endpoint-never-empty.js";
import noRegression from "../../dist/properties/no-regression.js";
import recoverable from "../../dist/properties/recoverable.js";
import staleWrite from "../../dist/properties/stale-write-possible.js";
import repaired from "../../dist/properties/empty-endpoint-repaired.js";
import converges from "../../dist/properties/converges-to-newest.js";

// Worker threads find the properties a check names in these modules, as for the CLI's discovered ones.
const PROPERTY_MODULES = ["endpoint-never-empty", "no-regression", "recoverable", "stale-write-possible", "empty-endpoint-repaired", "converges-to-newest"].map(
  (f) => new URL(`../../dist/properties/${f}.js`, import.meta.url).href,
);
const all = [endpointNeverEmpty, noRegression, recoverable, staleWrite, repaired, converges];
// Temporal properties are not checked under symmetry.
const notTemporal = [endpointNeverEmpty, noRegression, recoverable, staleWrite];
const source = (variant: string, params: Record<string, number>, properties: string[]) => ({
  module: new URL("../../dist/checker/worker-model.js", import.meta.url).href,
  spec: { origin: { module: new URL("../../dist/model/index.js", import.meta.url).href, variant, params, propertyModules: PROPERTY_MODULES }, properties },
});
const summary = (r: CheckResult<any, any>) => ({
  status: r.status,
  stopReason: r.stopReason,
  distinctStates: r.distinctStates,
  statesFound: r.statesFound,
  diameter: r.diameter,
  properties: r.properties.map((p) => ({ verdict: p.verdict, length: p.traceLength, steps: p.trace?.steps.map((s) => s.description), reason: p.trace?.reason })),
});

describe("the level-synchronous search", () => {
  it.each([
    ["incident", {}, false, true],
    ["incident", {}, false, false],
    ["guarded-cleanup", {}, true, true],
    ["guarded-cleanup", {}, false, false],
    ["cas", { plans: 6 }, false, true],
    ["fixed", {}, false, false],
    ["incident", { enactors: 4 }, true, true],
    ["incident", { enactors: 4 }, true, false],
  ])("%s %j symmetry=%s exhaustive=%s: one thread and two give the sequential result", async (variant, params, symmetry, exhaustive) => {
    const properties = symmetry ? notTemporal : all;
    const options = { properties, symmetry, exhaustive };
    const sequential = checkSync(dnsModel(variant, params), options);
    const one = await check(dnsModel(variant, params), options);
    expect(one.plan!.search).toBe("levels");
    // Levels from 64 states on are shared, so that these small models keep the worker thread busy too.
    const names = properties.map((p) => p.name);
    const log: string[] = [];
    const two = await withDebug(log, () => check(dnsModel(variant, params), { ...options, workers: 2, workerSource: source(variant, params, names), sharedLevelStates: 64, patientWorkers: true }));
    // A complete search with properties of the whole graph shares their analyses with the idle worker thread; two or more
    // of them violated share out their searches for counterexamples.
    const graphProperties = properties.filter((p) => ["recoverable", "eventually", "leadsTo", "convergesTo"].includes(p.kind));
    if (two.complete && graphProperties.length > 0) expect(log).toContain("analyses of the graph: on this thread and a worker thread");
    const violatedGraph = two.properties.filter((r) => graphProperties.some((p) => p.name === r.name) && r.verdict === "violated").length;
    if (two.complete && violatedGraph > 1) {
      const split = log.map((line) => /^counterexample searches: (\d+) here, (\d+) on the worker thread/.exec(line)).find((m) => m !== null);
      expect(split, "the searches shared out").toBeDefined();
      expect([Number(split![1]) > 0, Number(split![2]) > 0, Number(split![1]) + Number(split![2])]).toEqual([true, true, violatedGraph]);
    }
    // A set as small as it can be (room for 128 insertions a thread past its hard limit) grows many times, between levels and in the middle of them
    // (a thread then abandons its chunk, and the graph's records of it).
    const growing = await check(dnsModel(variant, params), { ...options, workers: 2, workerSource: source(variant, params, names), sharedLevelStates: 64, tableSlots: 1, patientWorkers: true });
    expect(one.error).toBeUndefined();
    expect(two.error).toBeUndefined();
    expect(growing.error).toBeUndefined();
    expect(summary(one)).toEqual(summary(sequential));
    expect(summary(two)).toEqual(summary(sequential));
    expect(summary(growing)).toEqual(summary(sequential));
    expect(growing.storeBytes).toBeGreaterThan(((2 * 128) / 0.1) * 8);
  });

  it("a graph that outgrows its record area stops the search as at its memory limit: incomplete, the graph's properties unknown", async () => {
    const properties = [recoverable];
    const options = { properties, continue: true, recordWords: 1 << 17 };
    const one = await check(dnsModel("incident", {}), options);
    const two = await check(dnsModel("incident", {}), { ...options, workers: 2, workerSource: source("incident", {}, properties.map((p) => p.name)), sharedLevelStates: 64, patientWorkers: true });
    for (const r of [one, two]) {
      expect(r.error).toBeUndefined();
      expect(r.plan!.search).toBe("levels");
      expect([r.status, r.stopReason, r.properties[0]!.verdict]).toEqual(["incomplete", "max-memory", "unknown"]);
    }
    // The same check with room enough decides it.
    const roomy = await check(dnsModel("incident", {}), { ...options, recordWords: 1 << 22 });
    expect([roomy.stopReason, roomy.properties[0]!.verdict]).toEqual(["exhausted", "violated"]);
  });

  it("a chunk given up half-way because the set must grow loses no state and no finding", async () => {
    // One state with 3,001 successors: itself, then 1..3000. The set starts as small as it can (1,280 slots on one
    // thread), so the round gives up in the middle of the one chunk, the set grows, and the chunk is expanded again.
    const N = 3000;
    const fan: Model<Uint32Array, number> = {
      name: "fan",
      initStates: () => [Uint32Array.of(0)],
      actions: (s) => (s[0] === 0 ? Array.from({ length: N + 1 }, (_, k) => k) : []),
      next: (_s, a) => Uint32Array.of(a),
      key: (s) => String(s[0]),
      packed: {
        words: 1,
        wordsOf: (s) => s,
        wrap: (w) => w,
        actionsInto: (s, out) => {
          if (s[0] !== 0) return 0;
          for (let k = 0; k <= N; k++) out[k] = k;
          return N + 1;
        },
        nextInto: (_s, a, t) => {
          t[0] = a;
        },
      },
    };
    const r = await check(fan, { continue: true, tableSlots: 1 });
    expect(r.distinctStates).toBe(N + 1);
    expect(r.storeBytes).toBeGreaterThan(1280 * 8);
    // Whichever state the round gave up at, a broken invariant there is still found.
    for (let k = 1000; k <= 1400; k++) {
      const v = await check(fan, { tableSlots: 1, properties: [always(`not-${k}`, (s: Uint32Array) => s[0] !== k)] });
      expect(v.properties[0]!.verdict, `state ${k}`).toBe("violated");
    }
    // The graph's records of the chunk given up are dropped with it, and written again when it is expanded again.
    const back = [recoverableProperty("reaches-3000", (s: Uint32Array) => s[0] === 3000 || s[0] === 0)];
    const levels = await check(fan, { continue: true, tableSlots: 1, properties: back });
    expect(levels.plan!.search).toBe("levels");
    expect(summary(levels)).toEqual(summary(checkSync(fan, { continue: true, properties: back })));
  });

  it("stores fingerprints only: at most 16 bytes a state once the table is past its first size", async () => {
    const r = await check(dnsModel("incident", { endpoints: 3, plans: 8 }), { continue: true });
    expect(r.distinctStates).toBe(2_562_126);
    expect(r.storeBytes / r.distinctStates).toBeLessThanOrEqual(16);
    expect(checkSync(dnsModel("incident", {}), { continue: true }).storeBytes / 39_089).toBeGreaterThan(16);
  });

  it("worker threads started before the check (a WorkerPool) join it; three threads give the sequential result", async () => {
    const params = { enactors: 4 };
    const { module, spec } = source("incident", params, notTemporal.map((p) => p.name));
    const pool = new WorkerPool(module, 2);
    pool.load(spec, true);
    const options = { properties: notTemporal, symmetry: true, continue: true };
    const three = await check(dnsModel("incident", params), { ...options, workerPool: pool, sharedLevelStates: 64 });
    expect(summary(three)).toEqual(summary(checkSync(dnsModel("incident", params), options)));
    // The check closed the pool; closing again does nothing.
    await pool.close();
    const other = new WorkerPool(module, 1);
    other.load(spec, false);
    await expect(check(dnsModel("incident", params), { ...options, workerPool: other })).rejects.toThrow(/symmetry/);
  });

  it("a time limit stops every thread: incomplete, with the states counted so far", async () => {
    const params = { enactors: 4, endpoints: 3, plans: 8 };
    const r = await check(dnsModel("incident", params), { continue: true, timeoutMs: 300, workers: 2, workerSource: source("incident", params, []) });
    expect(r.status).toBe("incomplete");
    expect(r.stopReason).toBe("timeout");
    // 123,888,550 states in all (4,3,8,1): a fraction of them in 0.3 s.
    expect(r.distinctStates).toBeGreaterThan(0);
    expect(r.distinctStates).toBeLessThan(123_888_550);
    expect(r.elapsedMs).toBeLessThan(10_000);
  });
});

describe("--workers with properties of the whole graph", () => {
  it.each([
    ["incident", {}, false, true],
    ["incident", {}, false, false],
    ["guarded-cleanup", {}, true, true],
    ["cas", { plans: 6 }, false, true],
    ["incident", { enactors: 4 }, true, true],
  ])("%s %j symmetry=%s exhaustive=%s: two workers give the sequential result", async (variant, params, symmetry, exhaustive) => {
    const properties = symmetry ? notTemporal : all;
    const options = { properties, symmetry, exhaustive };
    const one = checkSync(dnsModel(variant, params), options);
    const two = await check(dnsModel(variant, params), { ...options, workers: 2, workerSource: source(variant, params, properties.map((p) => p.name)) });
    expect(two.error).toBeUndefined();
    expect(summary(two)).toEqual(summary(one));
  });

  it("without properties, on 2.5 million states", async () => {
    const params = { endpoints: 3, plans: 8 };
    const one = checkSync(dnsModel("incident", params), { continue: true });
    const two = await check(dnsModel("incident", params), { continue: true, workers: 2, workerSource: source("incident", params, []) });
    expect(two.distinctStates).toBe(2_562_126);
    expect(summary(two)).toEqual(summary(one));
  });
});
