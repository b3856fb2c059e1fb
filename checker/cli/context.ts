/** Loading what a command works on: `--model FILE`, or the project's configured family. */
import { resolve } from "node:path";
import { UsageError } from "./exit-codes.js";
import { loadModelFile, loadProject, type LoadedFamily } from "./load.js";
import { peekModelFlag } from "./options.js";
import type { Output } from "./output.js";
import { findProject, isInstalled, type ProjectConfig } from "./project.js";
import { rebuildIfStale } from "./rebuild.js";

/** The loaded family, the project (if any), and the default folder for counterexamples. */
export interface CommandContext {
  readonly loaded: LoadedFamily;
  readonly project: ProjectConfig | null;
  readonly defaultOut: string;
}

/** Loads the family a command's arguments point at. */
export async function loadContext(args: readonly string[], io: Output): Promise<CommandContext> {
  const modelFile = peekModelFlag(args);
  if (modelFile !== undefined) {
    return { loaded: await loadModelFile(modelFile), project: null, defaultOut: resolve("counterexamples") };
  }
  const project = findProject();
  if (!project) {
    throw new UsageError('No model to check: pass --model FILE, or run dnsmc in a project whose package.json has a "dnsmc": {"model": ...} field.');
  }
  rebuildIfStale(project, io.err);
  // Traces of an installed package's model are the user's: they go where the user is, never into node_modules.
  const defaultOut = isInstalled(project.root) ? resolve("counterexamples") : resolve(project.root, "counterexamples");
  return { loaded: await loadProject(project), project, defaultOut };
}
