/**
 * The search plan: which search a check runs on how many threads, and why,
 * reported with the result, so that a check that cannot use the threads it
 * was given says so.
 */
import { describe, expect, it } from "vitest";
import { always, check, recoverable, step, WORKER_MODEL } from "../../dist/checker/index.js";
import { dnsModel } from "../../dist/model/index.js";

const schema = (await import("../../examples/two-phase-commit.mjs" as string)).default;
const IMMER = new URL("../../examples/two-phase-commit-immer.mjs", import.meta.url).href;
const immer = (await import(IMMER)).default;

describe("the search plan", () => {
  it("a packed model with an origin: the level search on every thread given", async () => {
    const r = await check(schema.create("two-phase-commit", { rms: 3 }), { workers: 2 });
    expect(r.plan).toMatchObject({ search: "levels", threads: 2, prefetch: false });
  });

  it("a property of the whole graph too: the level search records it on every thread", async () => {
    const r = await check(schema.create("two-phase-commit", { rms: 3 }), { workers: 2, continue: true, properties: [recoverable("any", () => true)] });
    expect(r.plan).toMatchObject({ search: "levels", threads: 2 });
    expect(r.properties[0]!.verdict).toBe("holds");
  });

  it("a packed model no thread can rebuild: one thread, and the reason", async () => {
    const r = await check(dnsModel("cas"), { workers: 2 });
    expect(r.plan).toMatchObject({ search: "levels", threads: 1 });
    expect(r.plan!.reason).toMatch(/cannot rebuild the model.*one thread works although 2 were asked for/);
  });

  it.each([
    ["a state limit", { maxStates: 100 }, /exact cut-off/],
    ["depth-first search", { strategy: "dfs" as const }, /depth-first/],
    ["a depth limit", { maxDepth: 3 }, /exact cut-off/],
  ])("the sequential search for %s, with the reason", async (_what, options, reason) => {
    const r = await check(schema.create("two-phase-commit", { rms: 3 }), { workers: 2, ...options });
    expect(r.plan).toMatchObject({ search: "sequential", threads: 1 });
    expect(r.plan!.reason).toMatch(reason);
  });

  it("a plain-object model: the sequential search with a worker computing ahead, unless a step property needs every transition", async () => {
    const model = immer.create("two-phase-commit-immer", { rms: 3 });
    const workerSource = { module: WORKER_MODEL, spec: { origin: { module: IMMER, params: { rms: 3 } }, properties: [] } };
    expect((await check(model, { workers: 2, workerSource })).plan).toMatchObject({ search: "sequential", threads: 2, prefetch: true });
    const withStep = await check(model, { workers: 2, workerSource, properties: [step("any", () => true)] });
    expect(withStep.plan).toMatchObject({ search: "sequential", threads: 1, prefetch: false });
    expect((await check(model, { properties: [always("any", () => true)] })).plan).toMatchObject({ threads: 1, prefetch: false });
  });
});
