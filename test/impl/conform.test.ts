/**
 * Does the code match the model? The real implementation (impl/) against a
 * real Knot DNS server, driven by the checker's traces and by random walks;
 * and a deliberately wrong implementation, which both must catch.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dnsmc, ROOT } from "../cli/run-cli.js";
import { committedCounterexamples } from "../cli/declarations.js";

const INCIDENT = "counterexamples/incident/endpoint-never-empty.itf.json";
const REGIONAL = "dynamodb.us-east-1.dynamodb.test.";

// A project like this one whose implementation is the fixture that keeps one plan fewer at clean-up.
function wrongProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "dnsmc-wrong-"));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "wrong",
      type: "module",
      dnsmc: { model: join(ROOT, "dist/model/index.js"), properties: join(ROOT, "dist/properties"), matrix: join(ROOT, "model/matrix.json"), implementation: join(ROOT, "test/fixtures/wrong-cleanup.mjs") },
    }),
  );
  return dir;
}

describe("dnsmc conform against Knot DNS", () => {
  it("the incident trace matches at every step and leaves the regional endpoint with no address", () => {
    const r = dnsmc(["conform", INCIDENT, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ matched: true, steps: 9, firstDivergence: null, variant: "incident", server: "knot" });
    expect(json.endpoints[REGIONAL]).toEqual({ rcode: "NXDOMAIN", addresses: [] });
  });

  it("on cas the server refuses the stale write and the regional endpoint keeps plan 4's addresses", () => {
    const r = dnsmc(["conform", INCIDENT, "--variant", "cas"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("7. Enactor A's conditional write of plan 2 to endpoint 0 (regional) has no effect: it has newer plan 4\n");
    expect(r.stdout).toContain(`${REGIONAL}: NOERROR, 192.0.2.4, 198.51.100.4`);
  });

  // Every committed counterexample is conformed by "the gate conforms every counterexample it finds" below: the gate
  // regenerates them byte for byte (test/cli/ci.test.ts) and runs each on the implementation, one JUnit case each.

  it("against BIND 9 too: the same steps, the same answers", () => {
    const incident = JSON.parse(dnsmc(["conform", INCIDENT, "--server", "bind", "--json"]).stdout);
    expect(incident).toMatchObject({ matched: true, steps: 9, server: "bind" });
    expect(incident.endpoints[REGIONAL]).toEqual({ rcode: "NXDOMAIN", addresses: [] });
    const cas = JSON.parse(dnsmc(["conform", INCIDENT, "--variant", "cas", "--server", "bind", "--json"]).stdout);
    expect(cas.endpoints[REGIONAL]).toEqual({ rcode: "NOERROR", addresses: ["192.0.2.4", "198.51.100.4"] });
    const walks = dnsmc(["conform", "--random", "--server", "bind", "--variant", "guarded-cleanup", "--seed", "7", "--runs", "6", "--json"]);
    expect(walks.code, walks.stdout + walks.stderr).toBe(0);
  });

  it("a wrong implementation is caught at the first step where it diverges", () => {
    const r = dnsmc(["conform", join(ROOT, INCIDENT)], wrongProject());
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain("9. Enactor B cleans up: deletes plans 1, 2   [DIVERGES]");
    expect(r.stdout).toContain("deleted plans: 1, 2 in the model, 1, 2, 3 in the implementation");
    expect(r.stdout).toContain("The implementation diverges from the model at step 9.");
  });

  it("random walks match the real implementation on every variant", () => {
    const small = ["--enactors", "2", "--endpoints", "1", "--plans", "4"];
    const runs: [string, string[]][] = [["incident", []], ["guarded-cleanup", []], ["cas", []], ["fixed", []], ["recheck", []], ["incident", small], ["fixed", small]];
    for (const [variant, config] of runs) {
      {
        const r = dnsmc(["conform", "--random", "--variant", variant, ...config, "--seed", "7", "--runs", "8", "--json"]);
        expect(r.code, `${variant} ${config}: ${r.stdout}${r.stderr}`).toBe(0);
        expect(JSON.parse(r.stdout).steps).toBeGreaterThan(40);
      }
    }
  });

  it("random walks catch the wrong implementation, shrunk to a trace that conform and replay read", () => {
    const dir = wrongProject();
    const r = dnsmc(["conform", "--random", "--variant", "incident", "--seed", "1", "--runs", "50", "--out", join(dir, "out")], dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/A walk diverged; shortened to \d+ actions/);
    const trace = join(dir, "out", "conformance", "incident.itf.json");
    expect(existsSync(trace)).toBe(true);
    const steps = JSON.parse(readFileSync(trace, "utf8")).states.length - 1;
    // The shortest divergence is 6 actions (Plan, Plan, a pick, two writes, the clean-up); shrinking gets near it.
    expect(steps).toBeGreaterThanOrEqual(6);
    expect(steps).toBeLessThanOrEqual(10);
    expect(dnsmc(["conform", trace], dir).code).toBe(1);
    expect([0, 1]).toContain(dnsmc(["replay", trace], dir).code);
  });

  it("the gate conforms every counterexample it finds: one JUnit case each, and a divergence fails it", () => {
    const dir = mkdtempSync(join(tmpdir(), "dnsmc-gate-conform-"));
    const good = dnsmc(["ci", "--conform", "--no-write", "--junit", join(dir, "junit.xml")]);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/Counterexamples run on the implementation \(dnsmc conform\), (\d+) of \1 matching the model/);
    const xml = readFileSync(join(dir, "junit.xml"), "utf8");
    // The families with an implementation: the first (the others' are passed over, and say so).
    const traces = committedCounterexamples({ firstFamilyOnly: true }).filter((f) => f.endsWith(".itf.json")).length;
    expect(xml).toContain(`<testsuite name="conformance" tests="${traces}" failures="0"`);
    const wrong = dnsmc(["ci", "--conform", "--no-write", "--json"], wrongProject());
    expect(wrong.code).toBe(1);
    const json = JSON.parse(wrong.stdout);
    expect(json.conformance.filter((c: { matched: boolean }) => !c.matched).length).toBeGreaterThan(0);
    expect(json.problems.join("\n")).toMatch(/the implementation diverges from the model on the endpoint-never-empty counterexample, at step 9/);
  });

  it("a configuration of the matrix may ask for conformance itself", () => {
    const dir = mkdtempSync(join(tmpdir(), "dnsmc-matrix-conform-"));
    const matrix = JSON.parse(readFileSync(join(ROOT, "model/matrix.json"), "utf8"));
    matrix.configurations[0].conform = true;
    writeFileSync(join(dir, "matrix.json"), JSON.stringify(matrix));
    const r = dnsmc(["ci", "--config", join(dir, "matrix.json"), "--no-write"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // One counterexample per property the first configuration violates.
    const traces = Object.values(matrix.configurations[0].expect as Record<string, string>).filter((v) => v === "violated").length;
    expect(r.stdout).toContain(`${traces} of ${traces} matching the model`);
  });

  it("without Knot DNS: one paragraph saying how to install it, exit 2", () => {
    const r = dnsmc(["conform", INCIDENT], ROOT, { DNSMC_KNOTD: "/nonexistent/knotd" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Knot DNS (knotd) is not installed");
    expect(r.stderr).toContain("apt-get install knot");
  });

  it.each([
    [["conform"], /takes one trace file/],
    [["conform", INCIDENT, "--server", "nsd"], /Unknown --server "nsd": this implementation runs against knot, bind/],
    [["conform", INCIDENT, "--variant", "nope"], /Unknown variant "nope"/],
    [["conform", "package.json"], /is not a trace dnsmc can read/],
  ])("bad input %j exits 2", (args, message) => {
    const r = dnsmc(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

// Whether a process has ended (a zombie not yet reaped by its new parent has ended too).
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (!existsSync(`/proc/${pid}`) || /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"))) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe("the Knot DNS server the project starts", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("is stopped and its folder removed on %s", async (signal, code) => {
    const child = spawn(process.execPath, [join(ROOT, "test/fixtures/knot-hold.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
    const line = await new Promise<string>((resolve) => child.stdout.once("data", (d) => resolve(String(d))));
    const { pid, folder } = JSON.parse(line) as { pid: number; folder: string };
    expect(existsSync(folder)).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(existsSync(folder)).toBe(false);
    expect(await gone(pid)).toBe(true);
  });
});
