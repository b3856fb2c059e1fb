/** Random simulation: seeded walks are reproducible, and a violation is shortened to a locally minimal trace. */
import { describe, expect, it } from "vitest";
import { simulate, violatingPrefix } from "../../checker/simulate.js";
import { dnsModel } from "../../model/index.js";
import endpointNeverEmpty from "../../properties/endpoint-never-empty.js";
import noRegression from "../../properties/no-regression.js";
import staleWrite from "../../properties/stale-write-possible.js";

const large = { enactors: 5, endpoints: 4, plans: 20, keep: 1 };

describe("simulate", () => {
  it("finds the incident race in a configuration too large to exhaust, reproducibly from the seed and walk", () => {
    const model = dnsModel("incident", large);
    const a = simulate(model, { properties: [endpointNeverEmpty, staleWrite], seed: 7, runs: 100, depth: 200 });
    expect(a.violation?.property).toBe("endpoint-never-empty");
    expect(a.witnesses).toContain("stale-write-possible");
    const again = simulate(dnsModel("incident", large), { properties: [endpointNeverEmpty], seed: 7, runs: 1, depth: 200, firstRun: a.violation!.run });
    expect(again.violation!.trace.steps.map((s) => s.description)).toEqual(a.violation!.trace.steps.map((s) => s.description));
  });

  it("shortens the violation to a locally minimal trace: removing any one action loses it", () => {
    const model = dnsModel("incident", large);
    const r = simulate(model, { properties: [noRegression], seed: 3, runs: 100, depth: 200 });
    const actions = r.violation!.trace.steps.slice(1).map((s) => s.action!);
    const init = model.initStates()[0]!;
    expect(violatingPrefix(model, init, noRegression, actions)).toHaveLength(actions.length);
    for (let i = 0; i < actions.length; i++) {
      const without = [...actions.slice(0, i), ...actions.slice(i + 1)];
      const still = violatingPrefix(model, init, noRegression, without);
      expect(still === null || still.length >= actions.length).toBe(true);
    }
    expect(actions.length).toBeLessThanOrEqual(r.violation!.originalLength);
  });

  it("finds nothing in a fixed variant", () => {
    const r = simulate(dnsModel("fixed", large), { properties: [endpointNeverEmpty, noRegression], seed: 1, runs: 200, depth: 200 });
    expect(r.violation).toBeNull();
    expect(r.runs).toBe(200);
  });
});
