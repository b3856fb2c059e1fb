/** The command line as a user meets it: outputs, exit codes and bad input. */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dnsmc, ROOT } from "./run-cli.js";
import { project } from "./declarations.js";
import { checkSync } from "../../checker/index.js";
import { dnsModel } from "../../model/index.js";

import { kindLabel } from "../../checker/report/steps.js";
import { isTemporal } from "../../checker/property.js";
const { family, properties } = await project();
const variantNames = family.variants.map((v) => v.name);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const tmp = () => mkdtempSync(join(tmpdir(), "dnsmc-cli-"));

describe("dnsmc list", () => {
  it("lists variants, properties with kinds, and parameters with defaults and ranges", { tags: ["declarations"] }, () => {
    const r = dnsmc(["list"]);
    expect(r.code).toBe(0);
    for (const v of family.variants) expect(r.stdout).toMatch(new RegExp(`^ {2}${v.name}\\s+${escape(v.description)}$`, "m"));
    for (const p of properties) expect(r.stdout).toMatch(new RegExp(`^ {2}${p.name}\\s+${kindLabel(p.kind)}\\s`, "m"));
    expect(r.stdout).toMatch(/--enactors\s+default 3\s+range 1\.\.26/);
    expect(r.stdout).toMatch(/--keep\s+default 1\s+range 0\.\.255/);
  });

  it("--json gives the same as data", { tags: ["declarations"] }, () => {
    const r = dnsmc(["list", "--json"]);
    const data = JSON.parse(r.stdout);
    expect(data.variants.map((v: { name: string }) => v.name)).toEqual(variantNames);
    expect(data.properties.map((p: { name: string; kind: string }) => [p.name, p.kind])).toEqual(properties.map((p) => [p.name, p.kind]));
  });
});

describe("dnsmc check", () => {
  it("exits 1 on the incident and prints the counterexample in the report's words", () => {
    const out = tmp();
    const r = dnsmc(["check", "--variant", "incident", "--property", "endpoint-never-empty", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/endpoint-never-empty\s+invariant\s+VIOLATED \(9 actions\)/);
    expect(r.stdout).toContain("7. Enactor A applies plan 2 to endpoint 0 (regional), replacing plan 4");
    expect(r.stdout).toContain("9. Enactor B cleans up: deletes plans 1, 2");
    expect(r.stdout).toContain("Why it fails: endpoint 0 (regional) points at plan 2, which Enactor B's clean-up deleted at step 9, so it has no records.");
    expect(r.stdout).toContain("note: Stale check: Enactor A checked at step 2 that plan 2 was newer than plan 1; when it wrote at step 7, endpoint 0 (regional) already had plan 4.");
    expect(readdirSync(join(out, "incident")).sort()).toEqual(["endpoint-never-empty.html", "endpoint-never-empty.itf.json", "endpoint-never-empty.md"]);
  });

  it("exits 0 when every property holds, exhaustively", () => {
    const r = dnsmc(["check", "--variant", "cas", "--continue", "--no-write"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("explored every reachable state: 9,897 distinct states");
  });

  it("--json prints the result object with counts and traces", () => {
    const r = dnsmc(["check", "--variant", "incident", "--continue", "--json", "--no-write", "--enactors", "2", "--endpoints", "1", "--plans", "4"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.distinctStates).toBe(253);
    // The same counts as the API's generic object path, which shares no code with the CLI's packed search.
    const generic = checkSync(dnsModel("incident", { enactors: 2, endpoints: 1, plans: 4 }), { fastPath: false, continue: true });
    expect(json.statesGenerated).toBe(generic.statesGenerated);
    // The former name stays in the JSON, with the same number.
    expect(json.statesFound).toBe(json.statesGenerated);
    expect(json.diameter).toBe(generic.diameter);
    expect(typeof json.elapsedMs).toBe("number");
    const p = json.properties.find((x: { name: string }) => x.name === "endpoint-never-empty");
    expect(p).toMatchObject({ kind: "always", verdict: "violated", traceLength: 8 });
    expect(p.trace.steps).toHaveLength(9);
  });

  it("exits 3 when a bound stops the search before it is exhaustive", () => {
    expect(dnsmc(["check", "--variant", "cas", "--max-states", "100", "--no-write"]).code).toBe(3);
    expect(dnsmc(["check", "--variant", "cas", "--max-depth", "3", "--no-write"]).code).toBe(3);
    const r = dnsmc(["check", "--variant", "cas", "--max-states", "100", "--no-write"]);
    expect(r.stdout).toContain("INCOMPLETE");
  });

  it("--timeout stops the search with exit 3 and says so", () => {
    const r = dnsmc(["check", "--variant", "cas", "--continue", "--timeout", "0.001", "--no-write"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("stopped by the time limit (--timeout): INCOMPLETE");
  });

  it("--max-memory stops cleanly with partial statistics (exit 3)", () => {
    const r = dnsmc(["check", "--variant", "incident", "--enactors", "4", "--endpoints", "3", "--plans", "8", "--continue", "--no-properties", "--no-write", "--max-memory", "150M", "--json"]);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ status: "incomplete", stopReason: "max-memory", complete: false });
    expect(json.distinctStates).toBeGreaterThan(0);
    expect(json.distinctStates).toBeLessThan(123_888_550);
    expect(dnsmc(["check", "--max-memory", "lots"]).stderr).toContain("--max-memory must be a size such as 512M or 4G");
  });

  it("says why when it cannot use the threads --workers asks for, and says nothing when none were asked for", () => {
    const dfs = ["check", "--variant", "incident", "--strategy", "dfs", "--no-write"];
    const asked = dnsmc([...dfs, "--workers", "2"]);
    expect(asked.code).toBe(1);
    // Under the counts, not after the trace.
    expect(asked.stdout.split("\n")[2]).toBe("  note: depth-first search is sequential, so one thread works although 2 were asked for");
    expect(dnsmc(dfs).stdout).not.toContain("note: depth-first");
    // Used as asked: no note.
    expect(dnsmc(["check", "--variant", "incident", "--no-write", "--workers", "2"]).stdout).not.toContain("were asked for");
  });

  it("--workers 2 reports exactly what one thread reports, with both threads searching", () => {
    // No recoverable property (it needs every edge, so the sequential search), and levels big enough to be shared.
    const args = ["check", "--variant", "guarded-cleanup", "--plans", "8", "--continue", "--no-write", "--json"];
    for (const p of ["endpoint-never-empty", "no-regression", "stale-write-possible"]) args.push("--property", p);
    const run = (w: string) => {
      const r = dnsmc([...args, "--workers", w], ROOT, { DNSMC_DEBUG: "1" });
      // The plan says how many threads worked: the one thing that differs.
      const { elapsedMs: _e, storeBytes: _b, plan, ...rest } = JSON.parse(r.stdout);
      return { result: [r.code, rest], debug: r.stderr, plan };
    };
    const one = run("1");
    const two = run("2");
    expect([one.plan.threads, two.plan.threads]).toEqual([1, 2]);
    expect(one.result[1]).toMatchObject({ complete: true, distinctStates: 839_302 });
    expect(one.debug).toContain("level search starts");
    // DNSMC_DEBUG prints each level's successors per thread: two numbers once the second thread joins.
    expect(two.debug).toMatch(/per thread: \d+ successors in \d+ ms, \d+ successors/);
    expect(two.result).toEqual(one.result);
    expect(dnsmc(["check", "--workers", "0"]).stderr).toContain("--workers must be an integer from 1 to 64");
  });

  it("worker threads started before the options are parsed: the level search on two threads agrees with one", () => {
    const run = (...workers: string[]) => {
      const r = dnsmc(["check", "--variant", "incident", "--plans", "6", "--continue", "--no-write", "--json", "--no-properties", ...workers]);
      // Time, the plan and the set's size are what differ with threads (one thread starts with a smaller set).
      const { elapsedMs: _e, plan: _p, storeBytes: _b, ...rest } = JSON.parse(r.stdout);
      return [r.code, rest];
    };
    const one = run("--workers", "1");
    expect(one[1]).toMatchObject({ complete: true });
    expect(run("--workers", "2")).toEqual(one);
    expect(run("--workers=2")).toEqual(one);
    expect(run("--workers", "3")).toEqual(one);
  });

  it("a usage error after the worker threads started still ends the process at once", () => {
    const started = performance.now();
    const r = dnsmc(["check", "--workers", "2", "--variant", "nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown variant "nope"');
    const rejected = dnsmc(["check", "--workers", "2", "--enactors", "99"]);
    expect(rejected.code).toBe(2);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("--verbose adds the model's stack trace to a model error", () => {
    const r = dnsmc(["check", "--model", "test/fixtures/throws.mjs", "--no-write", "--verbose"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/throws\.mjs:\d+/);
  });

  it("under --symmetry, leaves the temporal properties out and says so; naming one is a usage error", { tags: ["declarations"] }, () => {
    const temporal = properties.filter((p) => isTemporal(p)).map((p) => p.name);
    expect(temporal.length).toBeGreaterThan(0);
    const r = dnsmc(["check", "--variant", "incident", "--enactors", "4", "--symmetry", "--continue", "--no-write"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Not checked: ${temporal.join(", ")} (temporal properties are not checked under --symmetry`);
    for (const name of temporal) expect(r.stdout).not.toMatch(new RegExp(`^ {2}${name}\\s`, "m"));
    const named = dnsmc(["check", "--variant", "incident", "--symmetry", "--property", temporal[0]!, "--no-write"]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(`--symmetry cannot check "${temporal[0]}"`);
  });

  it("depth-first search finds the violation too", () => {
    const r = dnsmc(["check", "--variant", "incident", "--dfs", "--property", "endpoint-never-empty", "--no-write"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("depth-first");
  });

  it("names the counts as the field does: states generated; the diameter only after a complete breadth-first search", () => {
    const bfs = dnsmc(["check", "--variant", "cas", "--continue", "--no-write"]);
    expect(bfs.stdout).toMatch(/9,897 distinct states \(30,896 generated\), diameter 17,/);
    // Depth-first, the deepest state is not the diameter: it is the maximum depth reached.
    const dfs = dnsmc(["check", "--variant", "cas", "--continue", "--no-write", "--dfs"]);
    expect(dfs.stdout).toMatch(/9,897 distinct states \(30,896 generated\), maximum depth \d+,/);
  });

  it.each([
    [["check", "--variant", "nope"], new RegExp(`Unknown variant "nope".*${variantNames.join(", ")}`)],
    [["check", "--property", "nope"], /Unknown property "nope"/],
    [["check", "--frobnicate"], /Unknown option '--frobnicate'/],
    [["check", "--enactors", "0"], /--enactors must be an integer from 1 to 26; got 0/],
    [["check", "--enactors", "two"], /--enactors must be an integer from 1 to 26; got "two"/],
    [["check", "--keep=-1"], /--keep must be an integer from 0 to 255; got -1/],
    [["check", "--keep", "-1"], /--keep must be an integer from 0 to 255; got -1/],
    [["check", "--timeout", "soon"], /--timeout must be a positive number of seconds/],
    [["check", "--strategy", "random"], /Unknown strategy "random"/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["check", "--model", "does/not/exist.js"], /does not exist/],
    [["check", "--model", "test/fixtures/no-model.mjs"], /does not export a model/],
  ])("bad input %j exits 2 with a clear message", (args, message) => {
    const r = dnsmc(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack dump without --verbose
  });

  it("a model that throws is reported with the path to the failing step (exit 2)", () => {
    const r = dnsmc(["check", "--model", "test/fixtures/throws.mjs", "--no-write"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("next() threw: division by zero in state 2");
    expect(r.stderr).toContain("1. step 0 -> 1");
    expect(r.stderr).toContain("2. step 1 -> 2");
  });

  it("a nondeterministic model is reported as such (exit 2)", () => {
    const r = dnsmc(["check", "--model", "test/fixtures/nondeterministic.mjs", "--no-write"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the model is nondeterministic/i);
  });
});

describe("--model: checking a user's own model", () => {
  it("finds the Die Hard solution as a 6-action counterexample", () => {
    const out = tmp();
    const r = dnsmc(["check", "--model", "test/fixtures/die-hard.mjs", "--continue", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/big-jug-never-holds-4\s+invariant\s+VIOLATED \(6 actions\)/);
    expect(r.stdout).toContain("four-gallons-reachable");
    expect(readdirSync(join(out, "die-hard"))).toContain("big-jug-never-holds-4.itf.json");
  });

  it("the public API is importable from plain JavaScript", async () => {
    const { spawnSync } = await import("node:child_process");
    const run = spawnSync(process.execPath, [join(ROOT, "test/fixtures/api.mjs")], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ status: "violated", distinctStates: 4, length: 3 });
  });
});

describe("help", () => {
  it("documents the exit codes", () => {
    const r = dnsmc(["help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3\s+incomplete/);
  });
});
