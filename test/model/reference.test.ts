/**
 * The reference numbers of PROTOCOL.md, computed by the checker: distinct
 * states for every variant in both configurations, the symmetric counts,
 * the expected verdicts, and the 9-action counterexample of the incident.
 */
import { describe, expect, it } from "vitest";
import { check } from "../../checker/index.js";
import { dnsModel, VARIANTS } from "../../model/index.js";
import type { DnsState } from "../../model/state.js";
import endpointNeverEmpty from "../../properties/endpoint-never-empty.js";
import noRegression from "../../properties/no-regression.js";
import recoverable from "../../properties/recoverable.js";
import staleWrite from "../../properties/stale-write-possible.js";

const small = { enactors: 2, endpoints: 1, plans: 4, keep: 1 };
const all = [endpointNeverEmpty, noRegression, recoverable, staleWrite];

describe("distinct reachable states (PROTOCOL.md)", () => {
  it.each([
    ["incident", small, 253],
    ["guarded-cleanup", small, 253],
    ["cas", small, 165],
    ["fixed", small, 165],
    ["incident", {}, 39_089],
    ["guarded-cleanup", {}, 42_054],
    ["cas", {}, 9_897],
    ["fixed", {}, 9_897],
  ])("%s %j: %i", async (variant, params, expected) => {
    const r = await check(dnsModel(variant, params), { continue: true });
    expect(r.complete).toBe(true);
    expect(r.distinctStates).toBe(expected);
  });

  it.each([
    ["incident", small, 146],
    ["cas", small, 96],
    ["incident", {}, 7_889],
    ["cas", {}, 2_085],
  ])("with symmetry, %s %j: %i", async (variant, params, expected) => {
    const r = await check(dnsModel(variant, params), { continue: true, symmetry: true });
    expect(r.distinctStates).toBe(expected);
  });
});

describe("the generic object path and the packed fast path", () => {
  it.each(VARIANTS.map((v) => [v.name]))("agree on %s: states, diameter, verdicts, traces", { tags: ["declarations"] }, async (variant) => {
    const fast = await check(dnsModel(variant), { properties: all, continue: true });
    const generic = await check(dnsModel(variant), { properties: all, continue: true, fastPath: false });
    expect(generic.distinctStates).toBe(fast.distinctStates);
    expect(generic.statesFound).toBe(fast.statesFound);
    expect(generic.diameter).toBe(fast.diameter);
    expect(generic.properties.map((p) => [p.verdict, p.traceLength, p.trace?.reason])).toEqual(fast.properties.map((p) => [p.verdict, p.traceLength, p.trace?.reason]));
  });
});

describe("depth-first search over packed states", () => {
  it.each([["incident"], ["cas"]])("%s: the same states as breadth-first, and a valid (if longer) counterexample", async (variant) => {
    const dfs = await check(dnsModel(variant), { strategy: "dfs", continue: true, properties: [endpointNeverEmpty] });
    expect(dfs.distinctStates).toBe(variant === "incident" ? 39_089 : 9_897);
    const p = dfs.properties[0]!;
    expect(p.verdict).toBe(variant === "incident" ? "violated" : "holds");
    if (p.trace) expect(p.traceLength).toBeGreaterThanOrEqual(9);
  });
});

describe("verdicts in the default configuration", () => {
  it.each([
    ["incident", ["violated", "violated", "violated", "found"]],
    ["guarded-cleanup", ["violated", "violated", "violated", "found"]],
    ["cas", ["holds", "holds", "holds", "found"]],
    ["fixed", ["holds", "holds", "holds", "found"]],
  ])("%s", async (variant, verdicts) => {
    const r = await check(dnsModel(variant), { properties: all, continue: true });
    expect(r.properties.map((p) => p.verdict)).toEqual(verdicts);
  });
});

describe("the October 2025 race", () => {
  it("the shortest counterexample to endpoint-never-empty in incident is the 9-action story of PROTOCOL.md", async () => {
    const r = await check(dnsModel("incident"), { properties: [endpointNeverEmpty] });
    const p = r.properties[0]!;
    expect(p.verdict).toBe("violated");
    expect(p.traceLength).toBe(9);
    expect(p.trace!.steps.slice(1).map((s) => s.description)).toEqual([
      "Planner produces plan 2",
      "Enactor A picks plan 2 (newest in Route53: plan 1)",
      "Planner produces plan 3",
      "Planner produces plan 4",
      "Enactor B picks plan 4 (newest in Route53: plan 1)",
      "Enactor B applies plan 4 to endpoint 0 (regional), replacing plan 1",
      "Enactor A applies plan 2 to endpoint 0 (regional), replacing plan 4",
      "Enactor B applies plan 4 to endpoint 1, replacing plan 1",
      "Enactor B cleans up: deletes plans 1, 2",
    ]);
    expect(p.trace!.reason).toBe("endpoint 0 (regional) points at plan 2, which Enactor B's clean-up deleted at step 9, so it has no records.");
    expect(p.trace!.notes).toEqual([
      { step: 2, text: "Freshness check: Enactor A checks once that plan 2 is newer than plan 1 in Route53, and does not check again before writing." },
      { step: 7, text: "Stale check: Enactor A checked at step 2 that plan 2 was newer than plan 1; when it wrote at step 7, endpoint 0 (regional) already had plan 4." },
    ]);
  });

  it("in guarded-cleanup the explanation says the stale write came after the deletion", async () => {
    const r = await check(dnsModel("guarded-cleanup"), { properties: [endpointNeverEmpty] });
    expect(r.properties[0]!.trace!.reason).toBe(
      "endpoint 0 (regional) points at plan 2, which Enactor B's clean-up deleted at step 8; Enactor A wrote it there at step 9, after it was deleted, so it has no records.",
    );
  });

  it("with symmetry the counterexample is still 9 actions", async () => {
    const r = await check(dnsModel("incident"), { properties: [endpointNeverEmpty], symmetry: true });
    expect(r.properties[0]!.traceLength).toBe(9);
  });

  it.each([
    ["cas", "has no effect"],
    ["incident", "overwrites the newer plan"],
  ])("under %s the stale write %s", async (variant) => {
    const model = dnsModel(variant);
    const r = await check(model, { properties: [staleWrite] });
    const state = r.properties[0]!.trace!.steps.at(-1)!.state as DnsState;
    // The witness's last state: an Enactor about to write plan p to an endpoint that already has a newer one.
    const at = (x: number) => state.enactors.at(x);
    const e = [...Array(state.enactors.length).keys()].find((x) => at(x).phase === "applying" && state.active.get(at(x).next) > at(x).plan)!;
    const [endpoint, stale, newer] = [at(e).next, at(e).plan, state.active.get(at(e).next)];
    const apply = model.actions(state).find((a) => a.kind === "Apply" && a.enactor === e)!;
    const after = model.next(state, apply);
    expect(after.active.get(endpoint)).toBe(variant === "cas" ? newer : stale);
    expect(after.enactors.at(e).next).toBe(endpoint + 1);
  });
});

describe("parameters", () => {
  it("rejects out-of-range values and unknown variants with a clear message", () => {
    expect(() => dnsModel("incident", { enactors: 0 })).toThrow(/enactors must be an integer from 1 to 26; got 0/);
    expect(() => dnsModel("incident", { keep: -1 })).toThrow(/keep must be an integer from 0/);
    expect(() => dnsModel("incident", { plans: 2.5 })).toThrow(/plans must be an integer/);
    expect(() => dnsModel("nope")).toThrow(/Unknown variant "nope"/);
  });

  it("keep 0 deletes every older plan", async () => {
    const r = await check(dnsModel("fixed", { enactors: 2, endpoints: 1, plans: 3, keep: 0 }), { properties: all, continue: true });
    expect(r.properties.map((p) => p.verdict)).toEqual(["holds", "holds", "holds", "found"]);
  });
});
