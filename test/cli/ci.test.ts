/**
 * The gate: `dnsmc ci` on the repository's matrix passes and reproduces the
 * committed counterexamples byte for byte; wrong or missing expectations fail.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { dnsmc, ROOT } from "./run-cli.js";

const tmp = () => mkdtempSync(join(tmpdir(), "dnsmc-ci-"));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const matrix = JSON.parse(readFileSync(join(ROOT, "model/matrix.json"), "utf8"));

describe("dnsmc ci", () => {
  it("passes on the repository's matrix and regenerates the committed counterexamples byte for byte", () => {
    const out = tmp();
    const r = dnsmc(["ci", "--out", out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/incident\s+VIOLATED \(9 actions\)\s+VIOLATED \(6 actions\)\s+VIOLATED \(9 actions\)\s+witness found \(5 actions\)\s+39,089/);
    expect(r.stdout).toMatch(/cas\s+holds\s+holds\s+holds\s+witness found \(5 actions\)\s+9,897/);
    expect(r.stdout).toMatch(/recheck\s+holds\s+holds\s+holds\s+witness found \(5 actions\)\s+9,897/);
    expect(r.stdout).toMatch(/incident,enactors=4 \(symmetry\)\s+VIOLATED \(9 actions\)/);
    expect(r.stdout).toMatch(/All 32 verdicts are as expected/);
    const committed = join(ROOT, "counterexamples");
    expect(files(out)).toEqual(files(committed));
    for (const f of files(committed)) expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(committed, f), "utf8"));
  });

  it("a configuration may run on several threads, with the same verdicts", () => {
    const dir = tmp();
    const m = structuredClone(matrix);
    for (const c of m.configurations) c.workers = 2;
    writeFileSync(join(dir, "matrix.json"), JSON.stringify(m));
    const r = dnsmc(["ci", "--config", join(dir, "matrix.json"), "--out", join(dir, "out")]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/All 32 verdicts are as expected/);
    const committed = join(ROOT, "counterexamples");
    for (const f of files(committed)) expect(readFileSync(join(dir, "out", f), "utf8"), f).toBe(readFileSync(join(committed, f), "utf8"));
  });

  it("fails when an expected violation is no longer found", () => {
    const dir = tmp();
    const m = structuredClone(matrix);
    m.configurations = m.configurations.filter((c: { variant: string }) => c.variant === "cas");
    m.configurations[0].expect["endpoint-never-empty"] = "violated";
    writeFileSync(join(dir, "matrix.json"), JSON.stringify(m));
    const r = dnsmc(["ci", "--config", join(dir, "matrix.json"), "--no-write"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("cas: endpoint-never-empty was expected to be violated but holds: the checker no longer finds the known race");
    // The other variants are not in this matrix: reported, not ignored.
    expect(r.stdout).toContain('Variant "incident" is not in the matrix');
  });

  it("fails with the trace when a violation is unexpected, and when an expectation is missing", () => {
    const dir = tmp();
    const m = structuredClone(matrix);
    m.configurations[0].expect["endpoint-never-empty"] = "holds";
    delete m.configurations[0].expect["no-regression"];
    writeFileSync(join(dir, "matrix.json"), JSON.stringify(m));
    const r = dnsmc(["ci", "--config", join(dir, "matrix.json"), "--no-write"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("incident: endpoint-never-empty is VIOLATED, expected holds (trace below)");
    expect(r.stdout).toContain('incident: property "no-regression" has no expected verdict');
    expect(r.stdout).toContain("9. Enactor B cleans up: deletes plans 1, 2");
  });

  it.each([
    [{ configurations: [{ variant: "incident", expect: {}, colour: "red" }] }, /configurations\[0\]\.colour: unknown key/],
    [{ configurations: [{ variant: "nope", expect: {} }] }, /configurations\[0\]\.variant: must be one of incident/],
    [{ configurations: [{ variant: "cas", parameters: { enactors: 99 } }] }, /configurations\[0\]\.parameters\.enactors: must be an integer from 1 to 26/],
    [{ configurations: [{ variant: "cas", expect: { "no-such-property": "holds" } }] }, /configurations\[0\]\.expect\.no-such-property: unknown key/],
    [{ configurations: [{ variant: "cas", expect: { recoverable: "fine" } }] }, /configurations\[0\]\.expect\.recoverable: must be one of holds, violated, found/],
    [{ configurations: [{ variant: "cas", workers: 0 }] }, /configurations\[0\]\.workers: must be an integer from 1 to 64/],
  ])("rejects a malformed matrix %j with the offending path (exit 2)", (content, message) => {
    const dir = tmp();
    writeFileSync(join(dir, "m.json"), JSON.stringify(content));
    const r = dnsmc(["ci", "--config", join(dir, "m.json"), "--no-write"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
