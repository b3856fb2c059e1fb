/**
 * `dnsmc ci`: the gate. Checks every configuration of the matrix
 * exhaustively (in parallel across cores), writes the counterexamples,
 * prints the verdict table, and exits 0 only when every verdict is the
 * expected one and every variant and property is covered by the matrix.
 * Optionally writes JUnit XML, a Markdown summary, and GitHub annotations.
 */
import { count } from "../../report/summary.js";
import { existsSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative, resolve } from "node:path";
import { ciSummaryMarkdown } from "../../report/ci-summary.js";
import { writeRendered } from "../../report/counterexamples.js";
import { appendFileAtomic, writeFileAtomic } from "../../report/files.js";
import { githubError } from "../../report/github.js";
import { junitXml, type JunitSuite } from "../../report/junit.js";
import { judge, uncovered, type Judgement } from "../ci/judge.js";
import { defaultEntry, readMatrix } from "../ci/matrix.js";
import { pasteLines, pastes } from "../ci/paste.js";
import { usableFile, usableFolder } from "../output-path.js";
import { ciJson } from "../ci/json.js";
import type { ConfigOutcome } from "../ci/outcome.js";
import type { MatrixEntry } from "../ci/matrix.js";
import type { FamilySource } from "../load.js";
import { runMatrix } from "../ci/pool.js";
import { loadContexts, type CommandContext } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { COMMON_OPTIONS, integer, parse, peekModelFlag, type ParsedValues } from "../options.js";
import type { Output } from "../output.js";
import { modelErrorLines } from "./check.js";
import { selectProperties } from "../select.js";
import { conformCounterexamples, type ConformanceCase } from "../ci/conformance.js";

const CI_OPTIONS = {
  ...COMMON_OPTIONS,
  config: { type: "string" },
  out: { type: "string" },
  "no-write": { type: "boolean" },
  junit: { type: "string" },
  summary: { type: "string" },
  workers: { type: "string" },
  conform: { type: "boolean" },
} as const;

/** What gating one family gave: its verdicts as data, and its share of the JUnit and summary files. */
interface FamilyGate {
  /** The exit code for this family alone. */
  readonly code: number;
  readonly json: Record<string, unknown> | null;
  readonly suites: JunitSuite[];
  readonly summary: string;
  readonly verdicts: number;
}

/** Runs `dnsmc ci ARGS`; returns the exit code. */
export async function ciCommand(args: readonly string[], io: Output): Promise<number> {
  const { values } = parse(args, CI_OPTIONS, "ci");
  if (typeof values.junit === "string") usableFile(values.junit, "--junit");
  if (typeof values.summary === "string") usableFile(values.summary, "--summary");
  // Without --model, --config or --family, the gate covers every family of the project, one after the other.
  const contexts = await loadContexts(args, io, peekModelFlag(args) === undefined && values.config === undefined && values.family === undefined);
  const started = performance.now();
  const prepared = contexts.map((context) => prepareFamily(args, values, context, contexts.length > 1));
  // Every family's configurations share one set of threads: a project's gate starts them once.
  const jobs = prepared.flatMap((p) => p.entries.map((entry) => ({ entry, loaded: p.context.loaded, source: p.source })));
  const all = await runMatrix(jobs, prepared[0]!.workers);
  const gates: FamilyGate[] = [];
  let at = 0;
  for (const [k, p] of prepared.entries()) {
    if (k > 0 && values.json !== true) io.out("");
    const gate = await finishFamily(values, p, all.slice(at, at + p.entries.length), started, io);
    at += p.entries.length;
    if (gate.code === EXIT.usage) return gate.code;
    gates.push(gate);
  }
  const ok = gates.every((g) => g.code === EXIT.ok);
  if (values.json === true) {
    const [first] = gates;
    const list = gates.map((g) => g.json!);
    const merged =
      gates.length === 1
        ? first!.json
        : {
            ok,
            matrix: list[0]!.matrix,
            families: list.map((j) => ({ family: j.family, matrix: j.matrix, ok: j.ok })),
            ...Object.fromEntries((["configurations", "problems", "suggestions", "conformance"] as const).map((key) => [key, list.flatMap((j) => j[key] as unknown[])])),
          };
    io.out(JSON.stringify(merged, null, 2));
  } else if (gates.length > 1) {
    io.out("");
    const verdicts = gates.reduce((n, g) => n + g.verdicts, 0);
    const failed = contexts.filter((_, k) => gates[k]!.code !== EXIT.ok).map((c) => c.loaded.family.name);
    io.out(ok ? `dnsmc ci: all ${verdicts} verdicts of ${gates.length} families as expected (${((performance.now() - started) / 1000).toFixed(1)} s).` : `dnsmc ci: problems in ${failed.join(", ")} (above).`);
  }
  if (typeof values.junit === "string") writeFileAtomic(resolve(values.junit), junitXml("dnsmc ci", gates.flatMap((g) => g.suites)));
  const summaryFile = process.env.GITHUB_STEP_SUMMARY || (typeof values.summary === "string" ? resolve(values.summary) : null);
  if (summaryFile) {
    const markdown = gates.map((g) => g.summary).join("\n");
    if (process.env.GITHUB_STEP_SUMMARY) appendFileAtomic(summaryFile, markdown);
    else writeFileAtomic(summaryFile, markdown);
  }
  return ok ? EXIT.ok : EXIT.violated;
}

/** One family's part of a gate, before anything is checked. */
interface PreparedFamily {
  readonly context: CommandContext;
  readonly file: string;
  readonly matrix: readonly MatrixEntry[];
  /** The matrix's entries, then the default entry of each variant it lacks. */
  readonly entries: readonly MatrixEntry[];
  readonly source: FamilySource;
  readonly out: string | null;
  readonly workers: number;
  /** Part of a gate over every family of the project (no --family, --config or --model). */
  readonly wholeProject: boolean;
}

// Reads one family's matrix and decides where its traces go; prints its header line.
function prepareFamily(args: readonly string[], values: ParsedValues, context: CommandContext, wholeProject: boolean): PreparedFamily {
  const { loaded, project, defaultOut } = context;
  const file = typeof values.config === "string" ? resolve(values.config) : project?.matrix;
  if (!file) throw new UsageError(`No check matrix for ${loaded.family.name}: pass --config FILE, or set "matrix" beside its "model" in the "dnsmc" field of package.json.`);
  selectProperties(loaded, []); // a family with no property, or two of one name, has nothing to gate
  const matrix = readMatrix(file, loaded.family, loaded.properties);
  // --out DIR holds the first family's traces; every other family's go in DIR/<family>, as under counterexamples/.
  const outBase = typeof values.out === "string" ? (context.familyIndex === 0 ? values.out : join(values.out, loaded.family.name)) : defaultOut;
  const out = values["no-write"] ? null : usableFolder(outBase, "--out");
  const workers = typeof values.workers === "string" ? integer("--workers", values.workers, 1, 1024) : availableParallelism();
  const modelFile = peekModelFlag(args);
  const source = modelFile !== undefined ? { modelFile: resolve(modelFile) } : { projectRoot: project!.root, family: context.familyIndex };
  // A variant the matrix lacks is checked too, in its default configuration, so that the entry to add can be printed whole.
  const lacking = uncovered(loaded.family, matrix).map((v) => defaultEntry(loaded.family, v));
  return { context, file, matrix, entries: [...matrix, ...lacking], source, out, workers, wholeProject };
}

// Judges one family's outcomes: writes its counterexamples, prints its table and problems (with the time since the gate started).
async function finishFamily(values: ParsedValues, prepared: PreparedFamily, all: readonly ConfigOutcome[], started: number, io: Output): Promise<FamilyGate> {
  const { context, file, matrix, out, workers } = prepared;
  const { loaded, project } = context;
  const json = values.json === true;
  const matrixName = relative(process.cwd(), file);
  if (!json) io.out(`dnsmc ci: ${loaded.family.name}: ${matrix.length} configuration${matrix.length === 1 ? "" : "s"} from ${matrixName}, ${Math.min(workers, matrix.length)} worker${workers === 1 ? "" : "s"}`);
  const lacking = prepared.entries.slice(matrix.length);
  const failed = all.find((o) => o.error);
  if (failed?.error) {
    io.err(`In configuration ${failed.entry.name}:`);
    for (const line of modelErrorLines(failed.error)) io.err(line);
    return { code: EXIT.usage, json: null, suites: [], summary: "", verdicts: 0 };
  }
  const outcomes = all.slice(0, matrix.length);
  const written = out ? outcomes.flatMap((o) => writeRendered(out, o.files)) : [];
  const judgements = judge(outcomes);
  // Counterexamples run on the real implementation, where asked (--conform, or "conform": true on a configuration). A
  // project-wide --conform passes over the families that name no implementation; asked of one such family, it is an error.
  const skipConform = values.conform === true && prepared.wholeProject && project?.implementation === null;
  const conformed = outcomes.filter((o) => (values.conform === true && !skipConform) || o.entry.conform);
  const conformance = conformed.length > 0 ? await conformCounterexamples(conformed, loaded, project) : [];
  const diverged = conformance.filter((c) => !c.matched).map((c) => `${c.config}: the implementation diverges from the model on the ${c.property} counterexample, at step ${c.divergence} (dnsmc conform shows it).`);
  const coverage = lacking.map((e) => `Variant "${e.variant}" is not in the matrix: add a configuration for it with its expected verdicts (the JSON to paste is below).`);
  const problems = judgements.filter((j) => !j.ok);
  const names = loaded.properties.map((p) => p.name);
  const suggestions = pastes(outcomes, all.slice(matrix.length)).map((p) => ({ ...p, matrix: matrixName }));
  const ok = problems.length + coverage.length + diverged.length === 0;

  const data = json ? { family: loaded.family.name, ...ciJson(matrixName, outcomes, judgements, [...coverage, ...diverged], suggestions, ok), conformance: conformance.map(({ lines: _lines, ...c }) => c) } : null;
  if (!json) {
    printTable(io, names, outcomes, judgements);
    if (out) {
      io.out("");
      io.out(`Counterexamples written under ${relative(process.cwd(), out) || "."}/ (${written.length / 3} traces, as .itf.json, .md and .html)`);
      for (const stale of staleFiles(out, outcomes, written)) io.out(`  note: ${relative(process.cwd(), stale)} was not written by this run (stale? delete it if its property now holds)`);
    }
    if (skipConform) {
      io.out("");
      io.out(`--conform: ${loaded.family.name} names no implementation ("implementation" in its entry of package.json's "dnsmc.families"), so its counterexamples run on none.`);
    }
    if (conformance.length > 0) {
      io.out("");
      io.out(`Counterexamples run on the implementation (dnsmc conform), ${conformance.filter((c) => c.matched).length} of ${conformance.length} matching the model:`);
      for (const c of conformance) io.out(`  ${c.config}: ${c.property}: ${c.matched ? "matches at every step" : `DIVERGES at step ${c.divergence}`}`);
    }
    io.out("");
    if (ok) io.out(`All ${judgements.length} verdicts are as expected (${((performance.now() - started) / 1000).toFixed(1)} s).`);
    else {
      const count = problems.length + coverage.length + diverged.length;
      io.out(`${count} problem${count === 1 ? "" : "s"}:`);
      for (const c of coverage) io.out(`  - ${c}`);
      for (const d of diverged) io.out(`  - ${d}`);
      for (const j of problems) io.out(`  - ${j.problem}`);
      // A surprise gets its trace; a missing expectation gets the JSON to paste (below).
      for (const j of problems) {
        if (j.expected !== null && j.property.text && j.property.verdict === "violated") for (const line of ["", `${j.config}:`, ...j.property.text]) io.out(line);
      }
      for (const line of pasteLines(matrixName, suggestions)) io.out(line);
    }
  }
  if (process.env.GITHUB_ACTIONS === "true") {
    for (const c of coverage) io.out(githubError(c, { title: "dnsmc: uncovered variant" }));
    for (const j of problems) {
      const message = j.problem!.replace(" (trace below).", ".") + (j.property.verdict === "violated" && j.property.reason ? ` ${j.property.reason}` : "");
      io.out(githubError(message, { file: j.source, title: `dnsmc: ${j.property.name} in ${j.config}` }));
    }
  }
  return {
    code: ok ? EXIT.ok : EXIT.violated,
    json: data,
    suites: junitSuites(outcomes, judgements, coverage, conformance),
    summary: summary(names, outcomes, judgements, coverage),
    verdicts: judgements.length,
  };
}

function printTable(io: Output, names: readonly string[], outcomes: readonly ConfigOutcome[], judgements: readonly Judgement[]): void {
  const header = ["configuration", ...names, "distinct states"];
  const rows = outcomes.map((o) => [
    o.entry.name,
    ...names.map((n) => {
      const j = judgements.find((x) => x.config === o.entry.name && x.property.name === n);
      return j ? j.property.verdictText + (j.ok ? "" : " (!)") : "-";
    }),
    count(o.distinctStates),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  io.out("");
  for (const r of [header, ...rows]) io.out("  " + r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd());
  if (judgements.some((j) => !j.ok)) io.out("  (!) not as expected");
  if (outcomes.some((o) => o.entry.symmetry) && rows.some((r) => r.includes("-"))) io.out("  - not checked: temporal properties are not checked under symmetry");
}

function junitSuites(outcomes: readonly ConfigOutcome[], judgements: readonly Judgement[], coverage: readonly string[], conformance: readonly ConformanceCase[]): JunitSuite[] {
  const suites: JunitSuite[] = outcomes.map((o) => ({
    name: o.entry.name,
    timeSeconds: o.elapsedMs / 1000,
    properties: {
      variant: o.entry.variant,
      symmetry: String(o.entry.symmetry),
      distinctStates: String(o.distinctStates),
      ...Object.fromEntries(Object.entries(o.entry.parameters).map(([k, v]) => [k, String(v)])),
    },
    cases: judgements
      .filter((j) => j.config === o.entry.name)
      .map((j) => ({
        name: j.property.name,
        classname: `dnsmc.${o.entry.name}`,
        ...(j.ok
          ? j.property.text
            ? { output: `Expected ${j.property.verdict === "found" ? "example" : "counterexample"}:\n${j.property.text.join("\n")}` }
            : {}
          : { failure: { message: j.problem!, type: j.expected === null ? "missing-expectation" : "unexpected-verdict", body: (j.property.text ?? [j.property.note ?? ""]).join("\n") } }),
      })),
  }));
  if (conformance.length > 0) {
    suites.push({
      name: "conformance",
      timeSeconds: 0,
      properties: { variant: "", symmetry: "", distinctStates: "" },
      cases: conformance.map((c) => ({
        name: `${c.config}: ${c.property}`,
        classname: "dnsmc.conformance",
        ...(c.matched
          ? { output: c.lines.join("\n") }
          : { failure: { message: `the implementation diverges from the model at step ${c.divergence}`, type: "divergence", body: c.lines.join("\n") } }),
      })),
    });
  }
  if (coverage.length > 0) {
    suites.push({
      name: "coverage",
      timeSeconds: 0,
      properties: { variant: "", symmetry: "", distinctStates: "" },
      cases: coverage.map((c) => ({ name: c, classname: "dnsmc.coverage", failure: { message: c, type: "uncovered-variant", body: c } })),
    });
  }
  return suites;
}

function summary(names: readonly string[], outcomes: readonly ConfigOutcome[], judgements: readonly Judgement[], coverage: readonly string[]): string {
  const rows = outcomes.map((o) => ({
    config: o.entry.name,
    distinctStates: o.distinctStates,
    cells: names.map((n) => {
      const j = judgements.find((x) => x.config === o.entry.name && x.property.name === n);
      return { text: j?.property.verdictText ?? "-", ok: j?.ok ?? false };
    }),
  }));
  const problems = judgements
    .filter((j) => !j.ok)
    .map((j) => ({
      title: `${j.property.name} in ${j.config}`,
      problem: j.problem!,
      reason: j.property.verdict === "violated" ? j.property.reason : null,
      markdown: j.property.verdict === "violated" ? j.property.markdown : null,
    }));
  return ciSummaryMarkdown(names, rows, problems, coverage);
}

// Files in this run's counterexample folders that it did not write: left from an earlier run.
function staleFiles(out: string, outcomes: readonly ConfigOutcome[], written: readonly string[]): string[] {
  const now = new Set(written);
  return [...new Set(outcomes.map((o) => join(out, o.folder)))]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).map((f) => join(dir, f)))
    .filter((f) => !now.has(f))
    .sort();
}
