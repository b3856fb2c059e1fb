/**
 * The gate: `dnsmc ci` on the repository's matrix passes and reproduces the
 * committed counterexamples byte for byte; a single wrong expectation, in
 * either direction, fails it; a missing one is answered with the JSON to
 * paste. What is expected comes from model/matrix.json.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dnsmc, ROOT } from "./run-cli.js";
import { allConfigurations, committedCounterexamples, files, matrix, verdictCount, type MatrixConfiguration } from "./declarations.js";

const tmp = () => mkdtempSync(join(tmpdir(), "dnsmc-ci-"));

interface CiJson {
  ok: boolean;
  configurations: { name: string; variant: string; distinctStates: number; properties: { name: string; verdict: string; expected: string | null; ok: boolean }[] }[];
  problems: string[];
  suggestions: { where: string; json: string }[];
}

function ci(m: { configurations: MatrixConfiguration[] }, ...args: string[]) {
  const dir = tmp();
  writeFileSync(join(dir, "matrix.json"), JSON.stringify(m));
  return dnsmc(["ci", "--config", join(dir, "matrix.json"), ...args]);
}

// Each traces file the gate wrote is the committed one, byte for byte, and every committed one was written.
function expectCommittedTraces(out: string, firstFamilyOnly = false): void {
  const written = files(out);
  const committed = committedCounterexamples({ firstFamilyOnly });
  expect(committed.length).toBeGreaterThan(0);
  for (const f of committed) expect(written, `${f} is committed but was not written`).toContain(f);
  for (const f of committed) expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(ROOT, "counterexamples", f), "utf8"));
}

describe("dnsmc ci", () => {
  it("passes on the repository's matrix and regenerates the committed counterexamples byte for byte", { tags: ["declarations"] }, () => {
    const out = tmp();
    // What a user's own `dnsmc check --enactors 2` leaves beside the reviewed traces is none of this test's business.
    expect(dnsmc(["check", "--variant", "incident", "--enactors", "2", "--out", out]).code).toBe(1);
    const r = dnsmc(["ci", "--out", out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}incident\s.*VIOLATED \(9 actions\)\s+VIOLATED \(6 actions\)\s.*39,089$/m);
    expect(r.stdout).toMatch(/^ {2}cas\s+holds\s.*9,897$/m);
    expect(r.stdout).toContain(`All ${verdictCount()} verdicts are as expected`);
    expectCommittedTraces(out);
  });

  it("--json gives every verdict beside its expectation from the matrix", { tags: ["declarations"] }, () => {
    const r = dnsmc(["ci", "--json", "--no-write"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CiJson;
    expect(json.ok).toBe(true);
    expect(json.problems).toEqual([]);
    // Every family's matrix, in the order of package.json's families.
    const declared = allConfigurations();
    expect(json.configurations.map((c) => c.variant)).toEqual(declared.map((c) => c.variant));
    json.configurations.forEach((c, i) => {
      expect(Object.fromEntries(c.properties.map((p) => [p.name, p.verdict]))).toEqual(declared[i]!.expect);
    });
  });

  it("a configuration may run on several threads, with the same verdicts and traces", () => {
    const dir = tmp();
    const m = matrix();
    for (const c of m.configurations) c.workers = 2;
    const r = ci(m, "--out", join(dir, "out"));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`All ${verdictCount()} verdicts are as expected`);
    // --config gates one family: the first one's traces.
    expectCommittedTraces(join(dir, "out"), true);
  });

  // The gate's exit code is the whole point of the gate: one flipped expectation of the full matrix must fail it, whichever way.
  const flips: [string, (c: MatrixConfiguration) => boolean, string, string, RegExp][] = [
    ["an expected violation that is no longer found", (c) => c.variant === "cas" && !c.parameters, "endpoint-never-empty", "violated", /cas: endpoint-never-empty was expected to be violated but holds: the checker no longer finds the known race/],
    ["an unexpected violation", (c) => c.variant === "incident" && !c.parameters, "endpoint-never-empty", "holds", /incident: endpoint-never-empty is VIOLATED, expected holds/],
    ["a witness that is found where it was expected unreachable", (c) => c.variant === "fixed" && !c.parameters, "stale-write-possible", "violated", /fixed: stale-write-possible was expected to be unreachable \(violated\) but the witness is found/],
  ];
  it.each(flips)("fails on exactly one flipped expectation: %s", (_title, which, property, flipped, message) => {
    const m = matrix();
    const target = m.configurations.find(which)!;
    expect(target.expect[property]).not.toBe(flipped);
    target.expect[property] = flipped;
    // One run, as data: the problems are the lines the terminal prints under "1 problem:" (see the next test for the text).
    const r = ci(m, "--no-write", "--json");
    expect(r.code, r.stdout).toBe(1);
    const json = JSON.parse(r.stdout) as CiJson;
    expect(json.ok).toBe(false);
    expect(json.problems).toHaveLength(1);
    expect(json.problems[0]).toMatch(message);
  });

  it("a witness expected but unreachable fails the gate (a fix that makes the race inexpressible)", () => {
    const r = dnsmc(["ci", "--model", "test/fixtures/unreachable-witness.mjs", "--config", "test/fixtures/unreachable-witness.matrix.json", "--no-write"]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain("counter: reaches-three is VIOLATED, expected found");
    expect(r.stdout).toContain("The witness is unreachable, so the other properties may hold only vacuously.");
  });

  it("a missing expectation and a missing variant are answered with the JSON to paste, not with traces", { tags: ["declarations"] }, () => {
    const m = matrix();
    const first = m.configurations[0]!;
    const [dropped] = Object.keys(first.expect);
    delete first.expect[dropped!];
    const variant = m.configurations.at(-1)!.variant;
    const lacking = m.configurations.filter((c) => c.variant === variant);
    m.configurations = m.configurations.filter((c) => c.variant !== variant);
    const r = ci(m, "--no-write");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${first.variant}: property "${dropped}" has no expected verdict`);
    expect(r.stdout).toContain(`Variant "${variant}" is not in the matrix`);
    expect(r.stdout).toMatch(/^2 problems:$/m);
    expect(r.stdout).not.toMatch(/^\s+1\. /m); // no trace
    const json = JSON.parse(ci(m, "--no-write", "--json").stdout) as CiJson;
    // Pasting the suggestions gives back the matrix as it was (for the variant, its default configuration).
    expect(json.suggestions).toHaveLength(2);
    expect(JSON.parse(json.suggestions[0]!.json)).toEqual(matrix().configurations[0]!.expect);
    const suggested = JSON.parse(json.suggestions[1]!.json);
    expect(suggested.variant).toBe(variant);
    expect(suggested.expect).toEqual(lacking.find((c) => !c.parameters && !c.symmetry)?.expect ?? suggested.expect);
  });

  it.each([
    [{ configurations: [{ variant: "incident", expect: {}, colour: "red" }] }, /configurations\[0\]\.colour: unknown key/],
    [{ configurations: [{ variant: "nope", expect: {} }] }, /configurations\[0\]\.variant: must be one of incident/],
    [{ configurations: [{ variant: "cas", parameters: { enactors: 99 } }] }, /configurations\[0\]\.parameters\.enactors: must be an integer from 1 to 26/],
    [{ configurations: [{ variant: "cas", expect: { "no-such-property": "holds" } }] }, /configurations\[0\]\.expect\.no-such-property: unknown key/],
    [{ configurations: [{ variant: "cas", expect: { recoverable: "fine" } }] }, /configurations\[0\]\.expect\.recoverable: must be one of holds, violated, found/],
    [{ configurations: [{ variant: "cas", workers: 0 }] }, /configurations\[0\]\.workers: must be an integer from 1 to 64/],
    [
      { configurations: [{ variant: "incident", symmetry: true, expect: { "empty-endpoint-repaired": "violated" } }] },
      /configurations\[0\]\.expect\.empty-endpoint-repaired: is a temporal property, which is not checked under symmetry/,
    ],
  ])("rejects a malformed matrix %j with the offending path (exit 2)", (content, message) => {
    const r = ci(content as never, "--no-write");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
