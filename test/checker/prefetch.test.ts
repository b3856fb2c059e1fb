/**
 * The generic path on two threads (prefetch.ts): a worker thread computes
 * successors' fingerprints ahead of the sequential search, which keeps the
 * one store and the breadth-first order. Counts, verdicts and traces are a
 * single thread's; the worker really takes part; a model whose next() is not
 * a function of the state is reported, not checked wrongly.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { withDebug } from "./debug-log.js";
import { check, WORKER_MODEL, type CheckResult } from "../../dist/checker/index.js";

const EXAMPLE = new URL("../../examples/two-phase-commit-immer.mjs", import.meta.url).href;
const family = (await import(EXAMPLE)).default;


const summary = (r: CheckResult<any, any>) => ({
  status: r.status,
  counts: [r.distinctStates, r.statesFound, r.diameter],
  properties: r.properties.map((p) => [p.name, p.verdict, p.trace?.steps.map((s) => [s.description, JSON.stringify(s.state)])]),
});

describe("the generic path with a worker thread", () => {
  it("gives the single thread's counts, verdicts and traces, with the worker taking part", async () => {
    const rms = 5;
    const model = family.create("two-phase-commit-immer", { rms });
    const options = { properties: family.properties, continue: true };
    const one = await check(model, options);
    const log: string[] = [];
    const source = { module: WORKER_MODEL, spec: { origin: { module: EXAMPLE, params: { rms } }, properties: [] } };
    const two = await withDebug(log, () => check(model, { ...options, workers: 2, workerSource: source, patientPrefetch: true }));
    expect(summary(two)).toEqual(summary(one));
    const worker = Number(/prefetch: (\d+) states expanded by the worker thread/.exec(log.join("\n"))?.[1] ?? 0);
    expect(worker).toBeGreaterThan(0);
  });

  it("a model whose successors differ between threads is reported, not checked wrongly", async () => {
    // A grid whose next() takes a different step in a worker thread: hidden state, as a clock or a counter would be.
    const dir = mkdtempSync(join(tmpdir(), "dnsmc-prefetch-"));
    const file = join(dir, "grid.mjs");
    writeFileSync(
      file,
      `import { threadId } from "node:worker_threads";
export const model = {
  name: "grid",
  initStates: () => [{ a: 0, b: 0 }],
  actions: (s) => [...(s.a < 400 ? ["a"] : []), ...(s.b < 400 ? ["b"] : [])],
  next: (s, x) => (x === "a" ? { ...s, a: s.a + (threadId > 0 && s.a > 300 ? 2 : 1) } : { ...s, b: s.b + 1 }),
};`,
    );
    const { model } = await import(pathToFileURL(file).href);
    const source = { module: WORKER_MODEL, spec: { origin: { module: pathToFileURL(file).href }, properties: [] } };
    const r = await check(model, { continue: true, workers: 2, workerSource: source, patientPrefetch: true });
    expect(r.status).toBe("error");
    expect(r.error?.message).toMatch(/different successor in the worker thread/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("a step property keeps every transition on the search's own thread, with the same result", async () => {
    const { step } = await import("../../dist/checker/index.js");
    const monotone = step("tm-never-reverts", (a: any, _x: unknown, b: any) => !(a.tmState !== "init" && b.tmState === "init"));
    const model = family.create("two-phase-commit-immer", { rms: 4 });
    const source = { module: WORKER_MODEL, spec: { origin: { module: EXAMPLE, params: { rms: 4 } }, properties: [] } };
    const two = await check(model, { properties: [monotone], continue: true, workers: 2, workerSource: source });
    const one = await check(model, { properties: [monotone], continue: true });
    expect(summary(two)).toEqual(summary(one));
  });
});
