/**
 * Loading what a command works on: `--model FILE`, or one of the project's
 * configured families: the one `--family NAME` names, else the one whose
 * variants include `--variant NAME`, else the one a trace file's `#meta`
 * names (`replay`, `view`, `conform`), else the one owning a variant named
 * as an argument (`diff A B`), else the first.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "./exit-codes.js";
import { familyFrom, loadModelFile, loadProject, type LoadedFamily } from "./load.js";
import { peekFlag, peekModelFlag } from "./options.js";
import type { Output } from "./output.js";
import { findProject, isInstalled, withFamily, type ProjectConfig } from "./project.js";
import { rebuildIfStale } from "./rebuild.js";
import { pathToFileURL } from "node:url";
import type { ModelFamily } from "../family.js";

/** The loaded family, the project (if any, as that family sees it: its paths at the top), and the default folder for counterexamples. */
export interface CommandContext {
  readonly loaded: LoadedFamily;
  readonly project: ProjectConfig | null;
  readonly defaultOut: string;
  /** The family's index among the project's families (0 for `--model`). */
  readonly familyIndex: number;
}

/** Loads the family a command's arguments point at. */
export async function loadContext(args: readonly string[], io: Output): Promise<CommandContext> {
  const modelFile = peekModelFlag(args);
  if (modelFile !== undefined) {
    if (peekFlag(args, "family", "a family name") !== undefined) throw new UsageError("--family picks one of the project's families; it cannot be used with --model FILE, which names the model itself.");
    return { loaded: await loadModelFile(modelFile), project: null, defaultOut: resolve("counterexamples"), familyIndex: 0 };
  }
  const project = findProject();
  if (!project) {
    throw new UsageError('No model to check: pass --model FILE, or run dnsmc in a project whose package.json has a "dnsmc": {"model": ...} field.');
  }
  rebuildIfStale(project, io.err);
  const index = await pickFamily(project, args);
  return projectContext(project, index);
}

/**
 * With `every` (ci and list, unless an argument picks one family), the
 * context of every family of the project, in order; otherwise, or when the
 * project has one, the one family the arguments point at.
 */
export async function loadContexts(args: readonly string[], io: Output, every: boolean): Promise<CommandContext[]> {
  const project = every ? findProject() : null;
  if (!project || project.families.length === 1) return [await loadContext(args, io)];
  rebuildIfStale(project, io.err);
  const contexts: CommandContext[] = [];
  for (let i = 0; i < project.families.length; i++) contexts.push(await projectContext(project, i));
  return contexts;
}

/** The context of the project's family at `index`. */
export async function projectContext(project: ProjectConfig, index: number): Promise<CommandContext> {
  const chosen = withFamily(project, index);
  const loaded = await loadProject(chosen);
  // Traces of an installed package's model are the user's: they go where the user is, never into node_modules.
  const base = isInstalled(project.root) ? resolve("counterexamples") : resolve(project.root, "counterexamples");
  // The first family's traces are at the top of counterexamples/; each other family's in a folder named after it.
  return { loaded, project: chosen, defaultOut: index === 0 ? base : join(base, loaded.family.name), familyIndex: index };
}

/** Every family of the project: its name and variants (the model modules only, not their properties). */
export async function projectFamilies(project: ProjectConfig): Promise<ModelFamily[]> {
  const families: ModelFamily[] = [];
  for (const f of project.families) {
    if (!existsSync(f.model)) throw new UsageError(`The model module ${f.model} does not exist. Build the project first (npm install, or npm run build).`);
    families.push(familyFrom(await import(pathToFileURL(f.model).href), f.model).family);
  }
  return families;
}

async function pickFamily(project: ProjectConfig, args: readonly string[]): Promise<number> {
  if (project.families.length === 1 && peekFlag(args, "family", "a family name") === undefined) return 0;
  const families = await projectFamilies(project);
  const names = families.map((f) => f.name);
  const named = peekFlag(args, "family", `one of ${names.join(", ")}`);
  if (named !== undefined) {
    const at = names.indexOf(named);
    if (at < 0) throw new UsageError(`Unknown family "${named}". The project's families are ${names.join(", ")} (dnsmc list shows them); pass one of them to --family.`);
    return at;
  }
  const variant = peekFlag(args, "variant", "a variant name");
  const trace = variant === undefined ? traceMeta(args) : undefined;
  if (trace && names.includes(trace.source)) return names.indexOf(trace.source);
  // `dnsmc diff A B` names its variants without --variant.
  const wanted = variant ?? trace?.variant ?? args.find((a) => !a.startsWith("-") && families.some((f) => f.variants.some((v) => v.name === a)));
  const owner = families.findIndex((f) => f.variants.some((v) => v.name === wanted));
  if (owner >= 0) return owner;
  return 0;
}

// The family and variant a trace file given as an argument was written for (its ITF #meta), if any.
function traceMeta(args: readonly string[]): { variant: string; source: string } | undefined {
  for (const a of args) {
    if (a.startsWith("-") || !a.endsWith(".json") || !existsSync(a)) continue;
    try {
      const meta = (JSON.parse(readFileSync(a, "utf8")) as { "#meta"?: { variant?: unknown; source?: unknown } })["#meta"];
      if (meta && typeof meta.variant === "string") return { variant: meta.variant, source: typeof meta.source === "string" ? meta.source : "" };
    } catch {
      // A file that does not parse is the command's to report, in its own words.
    }
  }
  return undefined;
}
