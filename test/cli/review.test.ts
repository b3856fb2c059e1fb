/** Reviewing traces: replay against each variant, exit codes, bad trace files, --minimize, view, terminal output. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { foldLine } from "../../checker/report/terminal.js";
import { count } from "../../checker/report/summary.js";
import { dnsmc, ROOT } from "./run-cli.js";
import { committedCounterexamples, project } from "./declarations.js";
import { needsGraph } from "../../checker/property.js";

const TRACE = "counterexamples/incident/endpoint-never-empty.itf.json";
const tmp = () => mkdtempSync(join(tmpdir(), "dnsmc-review-"));
const edited = (edit: (doc: any) => void): string => {
  const doc = JSON.parse(readFileSync(join(ROOT, TRACE), "utf8"));
  edit(doc);
  const file = join(tmp(), "edited.itf.json");
  writeFileSync(file, JSON.stringify(doc));
  return file;
};

describe("dnsmc replay of the committed incident trace", () => {
  it("on incident: every step the same, still violated (exit 1)", () => {
    const r = dnsmc(["replay", TRACE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Every step has the same effect on incident as in the trace.");
    expect(r.stdout).toContain("endpoint-never-empty still fails at the end on incident.");
  });

  it("on cas: the write at step 7 has no effect and the endpoint stays non-empty (exit 0)", () => {
    const r = dnsmc(["replay", TRACE, "--variant", "cas"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("7. Enactor A's conditional write of plan 2 to endpoint 0 (regional) has no effect: it has newer plan 4   [different effect]");
    expect(r.stdout).toContain("endpoint 0 (regional): plan 2 in the trace, plan 4 on cas");
    // Step 8 writes endpoint 1 as in the trace: only the state it started from differs.
    expect(r.stdout).toContain("8. Enactor B applies plan 4 to endpoint 1, replacing plan 1   [same effect; the state differs since step 7]");
    expect(r.stdout).toContain("9. Enactor B cleans up: deletes plans 1, 2   [different effect]");
    expect(r.stdout).toContain("First divergence: step 7.");
    expect(r.stdout).toContain("endpoint-never-empty no longer fails at the end on cas.");
  });

  it("on guarded-cleanup: the outcome differs at the clean-up of step 9 (exit 0)", () => {
    const r = dnsmc(["replay", TRACE, "--variant", "guarded-cleanup"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("9. Enactor B cleans up: deletes plan 1   [different effect]");
    expect(r.stdout).toContain("First divergence: step 9.");
  });

  it.each([["fixed"], ["recheck"]])("on %s: no longer violated (exit 0)", (variant) => {
    expect(dnsmc(["replay", TRACE, "--variant", variant]).code).toBe(0);
  });

  it("a plain JavaScript model's trace replays and views with no decoder of its own", () => {
    const out = mkdtempSync(join(tmpdir(), "dnsmc-plain-"));
    expect(dnsmc(["check", "--model", "test/fixtures/die-hard.mjs", "--out", out]).code).toBe(1);
    const trace = join(out, "die-hard", "big-jug-never-holds-4.itf.json");
    const replayed = dnsmc(["replay", "--model", "test/fixtures/die-hard.mjs", trace]);
    expect(replayed.code, replayed.stderr).toBe(1);
    expect(replayed.stdout).toMatch(/^dnsmc replay: .* on die-hard$/m);
    expect(replayed.stdout).toContain("6. pour big into small\n");
    expect(replayed.stdout).toContain("Every step has the same effect on die-hard as in the trace.");
    const viewed = dnsmc(["view", "--model", "test/fixtures/die-hard.mjs", trace, "-o", join(out, "page.html")]);
    expect(viewed.code, viewed.stderr).toBe(0);
    expect(readFileSync(join(out, "page.html"), "utf8")).toContain("pour big into small");
  });

  it("a step whose action is not enabled is named with the reason (exit 2)", () => {
    // Step 5 becomes "Enactor B applies" although B is idle.
    const file = edited((d) => (d.states[5]["mbt::actionTaken"] = "Apply"));
    const r = dnsmc(["replay", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('5. Apply {"enactor":{"tag":"Some","value":"B"}}: NOT ENABLED on incident: Enactor B is not applying a plan (idle)');
  });

  it.each([
    [(d: any) => (d.states[3]["mbt::actionTaken"] = "Jump"), /step 3: unknown action "Jump"/],
    [(d: any) => delete d.states[4].latest, /step 4: latest must be an integer/],
    [(d: any) => (d.states[2].enactors = { "#map": [["A", { tag: "dancing" }]] }), /step 2: enactors.A must be \{"tag": "idle" \| "applying" \| "cleaning"/],
    [(d: any) => (d.states = []), /"states" must be a non-empty array/],
  ])("a malformed trace is rejected naming the step (exit 2): %#", (edit, message) => {
    const r = dnsmc(["replay", edited(edit)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("a file that is not JSON is rejected (exit 2)", () => {
    const file = join(tmp(), "bad.itf.json");
    writeFileSync(file, "{ not json");
    const r = dnsmc(["replay", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a trace dnsmc can read: it is not valid JSON/);
  });
});

describe("lassos among the committed counterexamples", () => {
  // Every committed trace with a loop (ITF's "loop"): a temporal property's counterexample.
  const lassos = committedCounterexamples()
    .filter((f) => f.endsWith(".itf.json"))
    .map((f) => ({ file: f, doc: JSON.parse(readFileSync(join(ROOT, "counterexamples", f), "utf8")) as { loop?: number; states: unknown[]; "#meta": { variant: string } } }))
    .filter((x) => x.doc.loop !== undefined);

  it("are there, each with its loop inside the trace", () => {
    expect(lassos.length).toBeGreaterThan(0);
    for (const { doc } of lassos) expect(doc.loop!).toBeLessThan(doc.states.length);
  });

  it("replay on their own variant as lassos that still violate, and on fixed as ones that do not", () => {
    for (const { file, doc } of lassos) {
      const own = dnsmc(["replay", join("counterexamples", file)]);
      expect(own.code, own.stdout + own.stderr).toBe(1);
      expect(own.stdout).toContain(`a lasso looping from step ${doc.loop}`);
      expect(own.stdout).toContain(`still fails on ${doc["#meta"].variant}: the cycle closes, it is fair there`);
      const fixed = dnsmc(["replay", join("counterexamples", file), "--variant", "fixed"]);
      expect([0, 2], fixed.stdout + fixed.stderr).toContain(fixed.code);
    }
  });

  it("carry their loop and fairness argument in --json as in ITF", () => {
    const { doc } = lassos[0]!;
    const meta = doc["#meta"] as unknown as { variant: string; property: string; parameters: Record<string, number> };
    const params = Object.entries(meta.parameters).flatMap(([k, v]) => [`--${k}`, String(v)]);
    const r = dnsmc(["check", "--variant", meta.variant, ...params, "--property", meta.property, "--no-write", "--json"]);
    expect(r.code).toBe(1);
    const trace = (JSON.parse(r.stdout) as { properties: { trace: { loop: number; fairness: { name: string }[]; steps: unknown[] } }[] }).properties[0]!.trace;
    expect(trace.loop).toBe(doc.loop);
    expect(trace.steps).toHaveLength(doc.states.length);
    expect(trace.fairness.length).toBeGreaterThan(0);
  });

  it("show their loop in Markdown: the way back, and Mermaid's loop block or a note for a stutter", () => {
    for (const { file, doc } of lassos) {
      const md = readFileSync(join(ROOT, "counterexamples", file.replace(/\.itf\.json$/, ".md")), "utf8");
      const last = doc.states.length - 1;
      if (doc.loop! < last) {
        expect(md, file).toContain(`**↩ back to step ${doc.loop}: the same state, and the cycle again**`);
        expect(md, file).toContain(`loop forever: steps ${doc.loop! + 1}-${last}, back to step ${doc.loop}`);
      } else {
        expect(md, file).toContain("↻ from here the behaviour stays in this state forever");
        expect(md, file).toContain(`from step ${doc.loop} the behaviour stays in this state forever`);
      }
      expect(md, file).toContain("Why the cycle is a fair behaviour");
    }
  });
});

describe("dnsmc simulate", () => {
  it("prints the seed and a one-line command that reproduces the violation", () => {
    const args = ["simulate", "--variant", "incident", "--enactors", "5", "--endpoints", "4", "--plans", "20", "--seed", "11", "--property", "endpoint-never-empty"];
    const r = dnsmc(args);
    expect(r.code).toBe(1);
    const command = /Reproduce: npx dnsmc (.*)/.exec(r.stdout)![1]!;
    expect(command).toContain("--seed 11 --run 0 --runs 1");
    const again = dnsmc(command.split(" "));
    expect(again.code).toBe(1);
    const trace = (out: string) => out.slice(out.indexOf("Counterexample:"));
    expect(trace(again.stdout)).toBe(trace(r.stdout));
  });

  it("exits 0 when no walk violates a property", async () => {
    const r = dnsmc(["simulate", "--variant", "cas", "--runs", "50", "--seed", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No violation found. Random walks are not a proof");
    // Every declared property of the whole graph (recoverable, temporal) is listed as not judged.
    const wholeGraph = (await project()).properties.filter(needsGraph).map((p) => p.name);
    expect(wholeGraph.length).toBeGreaterThan(0);
    expect(r.stdout).toContain(`not judged by simulation (needs the whole graph): ${wholeGraph.join(", ")}`);
  });
});

describe("dnsmc check --minimize", () => {
  it("finds the smallest world that shows the race", () => {
    const r = dnsmc(["check", "--variant", "incident", "--property", "endpoint-never-empty", "--minimize", "--no-write"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Smallest configuration for endpoint-never-empty: enactors=2 endpoints=1 plans=3 keep=0");
    expect(r.stdout).toMatch(/Counterexample: endpoint-never-empty \(invariant\), 7 actions/);
  });

  it("--json carries the minimization: the configuration, the number tried, the trace", () => {
    const r = dnsmc(["check", "--variant", "incident", "--property", "endpoint-never-empty", "--minimize", "--no-write", "--json"]);
    expect(r.code).toBe(1);
    const [m] = JSON.parse(r.stdout).minimized;
    expect(m).toMatchObject({ property: "endpoint-never-empty", parameters: { enactors: 2, endpoints: 1, plans: 3, keep: 0 }, tried: 25, traceLength: 7 });
    expect(m.trace.steps).toHaveLength(8);
    expect(m.trace.reason).toContain("clean-up deleted");
  });
});

describe("dnsmc view", () => {
  it("writes the same page that dnsmc check wrote beside the trace", () => {
    const out = join(tmp(), "page.html");
    const r = dnsmc(["view", TRACE, "-o", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(join(ROOT, "counterexamples/incident/endpoint-never-empty.html"), "utf8"));
  });
});

describe("terminal output", () => {
  it("writes counts with thousands separators exactly as en-US does, on any machine", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e9, max: -1 }), fc.nat(Number.MAX_SAFE_INTEGER)), (n) => {
        expect(count(n)).toBe(n.toLocaleString("en-US"));
      }),
    );
  });

  it("folds long lines at the width with a hanging indent", () => {
    const folded = foldLine("        Enactor A: applying plan 2, next endpoint 0 (regional) → applying plan 2, next endpoint 1", 60);
    expect(folded.every((l) => l.length <= 60)).toBe(true);
    expect(folded[1]).toMatch(/^ {12}\S/);
    expect(folded.join(" ").replace(/ +/g, " ").trim()).toBe("Enactor A: applying plan 2, next endpoint 0 (regional) → applying plan 2, next endpoint 1");
  });

  it("COLUMNS=80 keeps every line within 80 columns; colour only when forced and not NO_COLOR", () => {
    const r = dnsmc(["check", "--variant", "incident", "--property", "endpoint-never-empty", "--no-write"], ROOT, { COLUMNS: "80" });
    expect(r.stdout.split("\n").filter((l) => l.length > 80)).toEqual([]);
    expect(r.stdout).not.toContain("\u001b[");
    expect(dnsmc(["check", "--variant", "incident", "--no-write"], ROOT, { FORCE_COLOR: "1" }).stdout).toContain("\u001b[31mVIOLATED");
    expect(dnsmc(["check", "--variant", "incident", "--no-write"], ROOT, { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toContain("\u001b[");
  });
});
