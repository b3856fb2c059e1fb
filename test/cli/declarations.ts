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

/** model/matrix.json, as written: the first (DNS) family's. */
export const matrix = (): { configurations: MatrixConfiguration[] } => JSON.parse(readFileSync(join(ROOT, "model/matrix.json"), "utf8"));

/** The matrix files of every family package.json lists, the first family's first. */
export function matrixFiles(): string[] {
  const { dnsmc } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dnsmc: { matrix: string; families?: { matrix: string }[] } };
  return [dnsmc.matrix, ...(dnsmc.families ?? []).map((f) => f.matrix)].map((f) => join(ROOT, f));
}

/** Every family's configurations, in the order `dnsmc ci` gates them. */
export const allConfigurations = (): MatrixConfiguration[] => matrixFiles().flatMap((f) => (JSON.parse(readFileSync(f, "utf8")) as { configurations: MatrixConfiguration[] }).configurations);

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
export function committedCounterexamples({ firstFamilyOnly = false }: { firstFamilyOnly?: boolean } = {}): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "counterexamples"], { cwd: ROOT, encoding: "utf8" });
  // The other families' traces are in folders named after them (dnsmc list names the families).
  const others = firstFamilyOnly ? familyFolders() : [];
  return listed
    .split("\0")
    .filter(Boolean)
    .map((f) => relative("counterexamples", f))
    .filter((f) => !others.some((o) => f.startsWith(`${o}/`)))
    .sort();
}

// The folders of counterexamples/ that hold a family other than the first: those whose traces name another source.
function familyFolders(): string[] {
  const dir = join(ROOT, "counterexamples");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !readdirSync(join(dir, e.name)).some((f) => f.endsWith(".itf.json")))
    .map((e) => e.name);
}
