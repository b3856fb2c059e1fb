/** A scratch copy of the project, to run the README's commands in without touching the checkout. */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "../cli/run-cli.js";

/**
 * Copies the project (sources, build, git metadata) with its timestamps, so
 * that the build is not stale, and links node_modules. Returns the folder and
 * a function that removes it.
 */
export function scratchProject(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "dnsmc-readme-"));
  cpSync(ROOT, dir, {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => {
      const path = relative(ROOT, source);
      return path !== "node_modules" && !path.startsWith("dist/test-output") && path !== "dist/test-results.json" && !path.startsWith("dist/docs");
    },
  });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Output and exit code of a shell command. */
export interface ShellRun {
  readonly code: number | null;
  readonly output: string;
}

/** Runs a command line as a user would type it, in `cwd`; the output is stderr then stdout (no terminal, no colour). */
export function shell(command: string, cwd: string): ShellRun {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  // A user's terminal, not npm's: the npm_* variables of the `npm test` running this would make npx run this checkout's
  // dnsmc rather than the copy's (npm_config_local_prefix).
  for (const k of Object.keys(env)) if (k.startsWith("npm_") || ["FORCE_COLOR", "COLUMNS", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "INIT_CWD", "NODE_ENV", "NODE"].includes(k)) delete env[k];
  env.PATH = (env.PATH ?? "").split(":").filter((p) => !p.includes("node_modules")).join(":");
  const run = spawnSync(command, { cwd, shell: true, encoding: "utf8", env, timeout: 240_000 });
  return { code: run.status, output: run.stderr + run.stdout };
}
