/**
 * The incident's other mechanisms (NLB velocity control, EC2 queue
 * throttling) as families beside the DNS model: found through package.json,
 * picked by --family, by a variant's name or by a trace's #meta; and the gate
 * fails when a protection stops protecting, or stops letting recovery happen.
 * What is expected is derived from the families' own declarations.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dnsmc, ROOT } from "../cli/run-cli.js";
import { committedCounterexamples, matrixFiles } from "../cli/declarations.js";

interface Listed {
  model: string;
  variants: { name: string }[];
  properties: { name: string; kind: string }[];
}
const listing = JSON.parse(dnsmc(["list", "--json"]).stdout) as Listed & { families?: Listed[] };
const families = listing.families ?? [listing];

describe("the project's families", () => {
  it("are every family package.json lists, each with its own matrix", { tags: ["declarations"] }, () => {
    expect(families.length).toBe(matrixFiles().length);
    expect(families.length).toBeGreaterThan(1);
    expect(new Set(families.map((f) => f.model)).size).toBe(families.length);
  });

  it.each(families.slice(1).flatMap((f) => f.variants.map((v) => [f.model, v.name])))("%s is picked by its variant %s", (family, variant) => {
    const r = dnsmc(["check", "--variant", variant, "--no-write", "--json"]);
    expect([0, 1]).toContain(r.code);
    const json = JSON.parse(r.stdout) as { family?: string; model?: string; variant: string; properties: { name: string }[] };
    expect(json.variant).toBe(variant);
    expect(json.properties.map((p) => p.name).sort()).toEqual(families.find((f) => f.model === family)!.properties.map((p) => p.name).sort());
  });

  it("--family names one; an unknown one, or one beside --model, is a usage error naming the families", () => {
    const [, second] = families;
    const r = dnsmc(["check", "--family", second!.model, "--no-write"]);
    expect(r.stdout).toContain(`dnsmc check: ${second!.model}, variant ${second!.variants[0]!.name}`);
    const unknown = dnsmc(["check", "--family", "nope"]);
    expect(unknown.code).toBe(2);
    for (const f of families) expect(unknown.stderr).toContain(f.model);
    const both = dnsmc(["check", "--family", second!.model, "--model", "test/fixtures/die-hard.mjs"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--family");
  });

  it("dnsmc diff finds the family of the variants it compares", () => {
    const [, second] = families;
    const [a, b] = second!.variants;
    const r = dnsmc(["diff", a!.name, b!.name]);
    expect(r.code, r.stderr).toBe(0);
    for (const p of second!.properties) expect(r.stdout).toContain(p.name);
  });

  // Every committed trace of another family is replayed and viewed without naming its family: its #meta does.
  const others = committedCounterexamples().filter((f) => f.endsWith(".itf.json") && !committedCounterexamples({ firstFamilyOnly: true }).includes(f));
  it("have committed counterexamples", () => expect(others.length).toBeGreaterThan(0));
  it.each(others)("%s replays on its own variant and still fails there", (file) => {
    const r = dnsmc(["replay", join("counterexamples", file)]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain("Every step has the same effect");
    const meta = JSON.parse(readFileSync(join(ROOT, "counterexamples", file), "utf8"))["#meta"];
    expect(r.stdout).toMatch(new RegExp(`${meta.property} still fails.* on ${meta.variant}`));
  });
});

describe("the unprotected variants' counterexamples", () => {
  it("name the step that removed a healthy AZ, and the retry that re-filled the queue", () => {
    const nlb = dnsmc(["check", "--variant", "no-velocity-control", "--property", "capacity-floor", "--no-write"]);
    expect(nlb.code).toBe(1);
    expect(nlb.stdout).toMatch(/failover removes AZ \w from DNS \(it is healthy\)[^\n]*\n(.*\n)*? +note: AZ \w is healthy: its checks fail only because its new instances' network state has not propagated \(step \d+\)/);
    const ec2 = dnsmc(["check", "--variant", "no-throttling", "--property", "launches-complete", "--no-write"]);
    expect(ec2.code).toBe(1);
    expect(ec2.stdout).toContain("↻ the cycle starts here");
    expect(ec2.stdout).toMatch(/note: The retry re-fills the queue: launch \d's caller gave up at step \d+, but .* still queued ahead/);
  });
});

describe("the gate over every family", () => {
  it("writes one JUnit report with every family's configurations", () => {
    const file = join(mkdtempSync(join(tmpdir(), "dnsmc-families-")), "junit.xml");
    const r = dnsmc(["ci", "--no-write", "--junit", file]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const xml = readFileSync(file, "utf8");
    for (const f of matrixFiles()) {
      for (const c of (JSON.parse(readFileSync(f, "utf8")) as { configurations: { variant: string }[] }).configurations) expect(xml).toContain(`<testsuite name="${c.variant}`);
    }
    expect(r.stdout).toMatch(new RegExp(`all \\d+ verdicts of ${families.length} families as expected`));
  });
});

describe("the gate on a broken protection", () => {
  // Each break, the family whose matrix gates it, and what must then be reported.
  const cases: [string, string, RegExp[]][] = [
    ["nlb-floor-ignored", "model/nlb/matrix.json", [/velocity-control: capacity-floor is VIOLATED, expected holds/]],
    ["nlb-never-removes", "model/nlb/matrix.json", [/velocity-control: down-az-removed is VIOLATED, expected holds/, /velocity-control: failover-happens is VIOLATED, expected found/]],
    ["ec2-admits-all", "model/ec2/matrix.json", [/queue-throttling: launches-complete is VIOLATED, expected holds/, /queue-throttling: queue-within-bound is VIOLATED, expected holds/]],
  ];
  it.each(cases)("%s fails the gate", (brk, matrix, messages) => {
    const r = dnsmc(["ci", "--model", "test/fixtures/broken-protection.mjs", "--config", matrix, "--no-write"], ROOT, { DNSMC_BREAK: brk });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    for (const m of messages) expect(r.stdout).toMatch(m);
  });
});
