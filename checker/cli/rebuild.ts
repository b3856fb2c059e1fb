/**
 * Keeping the compiled model in step with its sources. A new property is one
 * new `.ts` file in properties/; so that the next `dnsmc check` sees it with
 * no other step, the CLI compares each source with its compiled `.js` and,
 * if any is missing or older, runs the project's build command first.
 * That convenience belongs to a checkout: an installed package has no build
 * (see `findProject`) and is never rebuilt.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { UsageError } from "./exit-codes.js";
import type { ProjectConfig } from "./project.js";

/** Source files whose compiled output is missing or older than they are. */
export function staleSources(project: ProjectConfig): string[] {
  const build = project.build;
  if (!build) return [];
  const stale: string[] = [];
  for (const folder of build.sources) {
    for (const file of tsFiles(folder)) {
      const out = join(build.output, relative(project.root, file)).replace(/\.ts$/, ".js");
      if (!existsSync(out) || statSync(out).mtimeMs < statSync(file).mtimeMs) stale.push(relative(project.root, file));
    }
  }
  return stale;
}

/** Runs the build if sources changed; says so on stderr. Throws a UsageError if the build fails. */
export function rebuildIfStale(project: ProjectConfig, log: (line: string) => void): void {
  const stale = staleSources(project);
  if (stale.length === 0 || !project.build) return;
  const shown = stale.slice(0, 3).join(", ") + (stale.length > 3 ? ` and ${stale.length - 3} more` : "");
  log(`dnsmc: ${shown} changed since the last build; running \`${project.build.command}\``);
  // Loaded only when a build runs: node:child_process takes 5 ms to load, on every run of the CLI otherwise.
  const { spawnSync } = createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process");
  const run = spawnSync(project.build.command, { cwd: project.root, shell: true, encoding: "utf8" });
  if (run.status !== 0) {
    throw new UsageError(
      `The build failed (\`${project.build.command}\` exited ${run.status ?? run.signal}), so the changed model or property cannot be checked. ` +
        `Fix the errors below and run dnsmc again.\n${(run.stdout + run.stderr).trim()}`,
    );
  }
}

function tsFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") && !entry.name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}
