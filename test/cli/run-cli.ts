/** Runs the built CLI as a user would, capturing its output and exit code. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The built CLI entry point. */
export const CLI = `${ROOT}dist/checker/cli/main.js`;

/** Result of one CLI run. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `dnsmc ARGS` in `cwd` (default: the repository root). */
export function dnsmc(args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
  // Start from a plain environment: colour and width come only from what the test passes.
  const base = { ...process.env };
  for (const k of ["FORCE_COLOR", "NO_COLOR", "COLUMNS", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"]) delete base[k];
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...base, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
