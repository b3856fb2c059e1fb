/**
 * The project's own declarations, read the way the CLI reads them: the check
 * matrix, the variants' index and the discovered properties. Tests derive
 * what they expect from these, so that a property or a variant added by the
 * README's recipes keeps the suite green.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadSource } from "../../dist/checker/cli/load.js";
import { ROOT } from "./run-cli.js";

/** One configuration of model/matrix.json, as written. */
export interface MatrixConfiguration {
  variant: string;
  parameters?: Record<string, number>;
  symmetry?: boolean;
  workers?: number;
  expect: Record<string, string>;
}

/** model/matrix.json, as written. */
export const matrix = (): { configurations: MatrixConfiguration[] } => JSON.parse(readFileSync(join(ROOT, "model/matrix.json"), "utf8"));

/** The model family and every discovered property. */
export const project = () => loadSource({ projectRoot: ROOT });

/** How many verdicts the gate judges on the repository's matrix. */
export const verdictCount = (): number => matrix().configurations.reduce((n, c) => n + Object.keys(c.expect).length, 0);

/** Every file under a folder, relative to it, sorted. */
export function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * The counterexamples under version control: the reviewed references. Traces
 * that a user's own `dnsmc check` wrote beside them are not among them.
 */
export function committedCounterexamples(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "counterexamples"], { cwd: ROOT, encoding: "utf8" });
  return listed
    .split("\0")
    .filter(Boolean)
    .map((f) => relative("counterexamples", f))
    .sort();
}
