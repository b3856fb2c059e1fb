/**
 * The parallel search gives exactly the sequential search's result (states,
 * states found, diameter, verdicts, traces byte for byte), whatever the
 * number of worker threads, because the main thread merges in sequential order.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// Worker threads run compiled JavaScript, so this test uses the build (npm test builds first).
import { check, type CheckResult } from "../../dist/checker/index.js";
import { dnsModel } from "../../dist/model/index.js";
import endpointNeverEmpty from "../../dist/properties/endpoint-never-empty.js";
import noRegression from "../../dist/properties/no-regression.js";
import recoverable from "../../dist/properties/recoverable.js";
import staleWrite from "../../dist/properties/stale-write-possible.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const all = [endpointNeverEmpty, noRegression, recoverable, staleWrite];
const source = (variant: string, params: Record<string, number>, properties: string[]) => ({
  module: new URL("../../dist/checker/cli/worker-model.js", import.meta.url).href,
  spec: { source: { projectRoot: ROOT }, variant, params, properties },
});
const summary = (r: CheckResult<any, any>) => ({
  status: r.status,
  stopReason: r.stopReason,
  distinctStates: r.distinctStates,
  statesFound: r.statesFound,
  diameter: r.diameter,
  properties: r.properties.map((p) => ({ verdict: p.verdict, length: p.traceLength, steps: p.trace?.steps.map((s) => s.description), reason: p.trace?.reason })),
});

describe("--workers", () => {
  it.each([
    ["incident", {}, false, true],
    ["incident", {}, false, false],
    ["guarded-cleanup", {}, true, true],
    ["cas", { plans: 6 }, false, true],
    ["incident", { enactors: 4 }, true, true],
  ])("%s %j symmetry=%s exhaustive=%s: two workers give the sequential result", async (variant, params, symmetry, exhaustive) => {
    const options = { properties: all, symmetry, exhaustive };
    const one = await check(dnsModel(variant, params), options);
    const two = await check(dnsModel(variant, params), { ...options, workers: 2, workerSource: source(variant, params, all.map((p) => p.name)) });
    expect(two.error).toBeUndefined();
    expect(summary(two)).toEqual(summary(one));
  });

  it("without properties, on 2.5 million states", async () => {
    const params = { endpoints: 3, plans: 8 };
    const one = await check(dnsModel("incident", params), { exhaustive: true });
    const two = await check(dnsModel("incident", params), { exhaustive: true, workers: 2, workerSource: source("incident", params, []) });
    expect(two.distinctStates).toBe(2_562_126);
    expect(summary(two)).toEqual(summary(one));
  });
});
