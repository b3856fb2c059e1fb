/**
 * `dnsmc ci`: the gate. Checks every configuration of the matrix
 * exhaustively, writes the counterexamples, prints the verdict table, and
 * exits 0 only when every verdict is the expected one and every variant and
 * property is covered by the matrix.
 */
import { relative, resolve } from "node:path";
import { writeCounterexamples } from "../../report/counterexamples.js";
import { verdictText } from "../../report/summary.js";
import { traceToText } from "../../report/text.js";
import type { PropertyResult } from "../../result.js";
import { loadContext } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { readMatrix, type MatrixEntry } from "../matrix.js";
import { COMMON_OPTIONS, parse } from "../options.js";
import type { Output } from "../output.js";
import { runCheck, type Run } from "../run.js";
import { modelErrorLines } from "./check.js";

const CI_OPTIONS = { ...COMMON_OPTIONS, config: { type: "string" }, out: { type: "string" }, "no-write": { type: "boolean" } } as const;

/** Runs `dnsmc ci ARGS`; returns the exit code. */
export async function ciCommand(args: readonly string[], io: Output): Promise<number> {
  const { values } = parse(args, CI_OPTIONS, "ci");
  const { loaded, project, defaultOut } = await loadContext(args, io);
  const file = typeof values.config === "string" ? resolve(values.config) : project?.matrix;
  if (!file) throw new UsageError('No check matrix: pass --config FILE, or set "matrix" in the "dnsmc" field of package.json.');
  const matrix = readMatrix(file, loaded.family, loaded.properties);
  const out = values["no-write"] ? null : typeof values.out === "string" ? resolve(values.out) : defaultOut;
  io.out(`dnsmc ci: ${matrix.length} configuration${matrix.length === 1 ? "" : "s"} from ${relative(process.cwd(), file)}`);

  const problems: string[] = [];
  const covered = new Set(matrix.map((m) => m.variant));
  for (const v of loaded.family.variants) {
    if (!covered.has(v.name)) problems.push(`Variant "${v.name}" is not in the matrix: add a configuration for it with its expected verdicts.`);
  }
  const rows: string[][] = [];
  const files: string[] = [];
  const traces: string[] = [];
  for (const entry of matrix) {
    const run = await runCheck(loaded, entry.variant, entry.parameters, loaded.properties, { exhaustive: true, symmetry: entry.symmetry });
    if (run.result.error) {
      for (const line of modelErrorLines(run.result.error)) io.err(line);
      return EXIT.usage;
    }
    if (out) files.push(...writeCounterexamples(run.model, run.result, out, { model: entry.variant, parameters: entry.parameters, source: loaded.source }));
    rows.push([entry.name, ...run.result.properties.map((p) => verdictText(p)), run.result.distinctStates.toLocaleString("en-US")]);
    problems.push(...compare(entry, run, traces));
  }
  const header = ["configuration", ...loaded.properties.map((p) => p.name), "distinct states"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  io.out("");
  for (const r of [header, ...rows]) io.out("  " + r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd());
  if (files.length > 0) {
    io.out("");
    io.out(`Counterexamples written under ${relative(process.cwd(), out!) || "."}/ (${files.length / 2} traces, .itf.json and .md)`);
  }
  io.out("");
  if (problems.length === 0) {
    io.out(`All ${rows.length * loaded.properties.length} verdicts are as expected.`);
    return EXIT.ok;
  }
  io.out(`${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
  for (const p of problems) io.out(`  - ${p}`);
  for (const line of traces) io.out(line);
  return EXIT.violated;
}

// Every verdict against its expectation; an unexpected counterexample is printed in full.
function compare(entry: MatrixEntry, run: Run, traces: string[]): string[] {
  const problems: string[] = [];
  for (const p of run.result.properties as PropertyResult[]) {
    const expected = entry.expect[p.name];
    const got = p.verdict;
    if (expected === undefined) {
      problems.push(`${entry.name}: property "${p.name}" has no expected verdict (it is ${verdictText(p)}); record it under "expect" in the matrix.`);
    } else if (expected !== got) {
      if (expected === "violated" && got !== "violated") {
        problems.push(`${entry.name}: ${p.name} was expected to be violated but ${got === "holds" ? "holds" : `is ${got}`}: the checker no longer finds the known race, so the model or the checker regressed.`);
      } else if (got === "violated") {
        problems.push(`${entry.name}: ${p.name} is VIOLATED, expected ${expected}${p.trace ? " (trace below)" : ""}.`);
        if (p.trace) traces.push("", `${entry.name}:`, ...traceToText(run.model, p, p.trace));
      } else {
        problems.push(`${entry.name}: ${p.name} is ${got}, expected ${expected}.`);
      }
    }
  }
  return problems;
}
