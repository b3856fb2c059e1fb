/**
 * The two-phase-commit examples, as a user runs them: TLC's published
 * distinct-state counts, the invariant and the witness, the same states with
 * the schema and with immer, symmetry reduction against a brute-force count
 * of permutation classes, and worker threads through the check() API alone.
 */
import { describe, expect, it } from "vitest";
// The examples import "dnsmc" (the package itself, built): so does this test.
import { check, type CheckResult, type Model } from "../../dist/checker/index.js";
import { withDebug } from "../checker/debug-log.js";
import { dnsmc } from "../cli/run-cli.js";

const schema = await import("../../examples/two-phase-commit.mjs" as string);
const immer = await import("../../examples/two-phase-commit-immer.mjs" as string);
type Family = { create(v: string, p: Record<string, number>): Model<any, any>; properties: any[]; variants: { name: string }[] };
const families: Record<string, Family> = { schema: schema.default, immer: immer.default };
const run = (f: Family, rms: number, options = {}): Promise<CheckResult<any, any>> => check(f.create(f.variants[0]!.name, { rms }), { properties: f.properties, continue: true, ...options });

describe("two-phase commit", () => {
  // First: once a check in this process has reserved its fingerprint set, spawning a child may fail for address space.
  it("runs from the command line as the README says", async () => {
    const r = dnsmc(["check", "--model", "examples/two-phase-commit.mjs", "--rms", "5", "--continue", "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("8,832 distinct states");
  });

  // TLC's figures for TwoPhase.tla (3, 5 and 7 RMs).
  it.each([
    [3, 288],
    [5, 8_832],
    [7, 296_448],
  ])("with %i RMs has %i distinct states, with the schema and with immer", async (rms, states) => {
    for (const name of rms === 7 ? ["schema"] : ["schema", "immer"]) {
      const r = await run(families[name]!, rms);
      expect(r.distinctStates, name).toBe(states);
      expect(r.properties.map((p) => [p.name, p.verdict, p.traceLength]), name).toEqual([
        ["consistent", "holds", null],
        // All commit: each RM prepares, the TM receives each, commits, and each RM receives the commit.
        ["all-committed", "found", 3 * rms + 1],
      ]);
    }
  });

  it("the schema model and the immer model take the same steps", async () => {
    const [a, b] = await Promise.all([run(families.schema!, 4), run(families.immer!, 4)]);
    expect(b.statesFound).toBe(a.statesFound);
    const names = (r: CheckResult<any, any>) => r.properties[1]!.trace!.steps.map((s) => s.description);
    expect(names(b)).toEqual(names(a));
  });

  it("symmetry reduction keeps one state per permutation of the RMs (counted by brute force)", async () => {
    const model = families.schema!.create("two-phase-commit", { rms: 4 });
    // Every reachable state, by plain breadth-first search over the model's own functions.
    const seen = new Map<string, unknown>();
    const queue = [...model.initStates()];
    for (const s of queue) seen.set(JSON.stringify(s), s);
    for (let i = 0; i < queue.length; i++) {
      for (const a of model.actions(queue[i])) {
        const t = model.next(queue[i], a);
        const k = JSON.stringify(t);
        if (!seen.has(k)) {
          seen.set(k, t);
          queue.push(t);
        }
      }
    }
    // A class is named by the least of its members' plain forms under every permutation of the 4 RMs.
    const perms = permutations([0, 1, 2, 3]);
    const permute = (p: any, perm: number[]) => ({
      rmState: perm.map((i) => p.rmState[i]),
      tmState: p.tmState,
      tmPrepared: p.tmPrepared.map((i: number) => perm.indexOf(i)).sort(),
      msgs: { ...p.msgs, prepared: p.msgs.prepared.map((i: number) => perm.indexOf(i)).sort() },
    });
    const classes = new Set([...seen.values()].map((s) => perms.map((perm) => JSON.stringify(permute(JSON.parse(JSON.stringify(s)), perm))).sort()[0]));
    const reduced = await check(model, { symmetry: true, continue: true });
    expect(seen.size).toBe((await check(model, { continue: true })).distinctStates);
    expect(reduced.distinctStates).toBe(classes.size);
    expect(classes.size).toBeLessThan(seen.size);
  });

  it("check() uses worker threads for a family's model with no CLI, with the same result", async () => {
    const log: string[] = [];
    const two = await withDebug(log, () => run(families.schema!, 6, { workers: 2, sharedLevelStates: 64, patientWorkers: true }));
    const one = await run(families.schema!, 6, { workers: 1 });
    const summary = (r: CheckResult<any, any>) => [r.distinctStates, r.statesFound, r.diameter, r.properties.map((p) => [p.verdict, p.trace?.steps.map((s) => s.description)])];
    expect(summary(two)).toEqual(summary(one));
    // The second thread took part: a level was shared between two threads.
    expect(log.some((line) => /per thread: \d+ successors in \d+ ms, \d+ successors/.test(line))).toBe(true);
  });

});

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}
