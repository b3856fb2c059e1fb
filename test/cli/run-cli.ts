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
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
