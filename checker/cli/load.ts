/**
 * Loading a model family and its properties: from the project's
 * configuration (the built-in model) or from `--model FILE`. Properties are
 * discovered: every module in the configured properties folder is imported
 * and each exported property is checked, so adding one is adding one file.
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { familyOf, type ModelFamily, type ModelModule } from "../family.js";
import { isProperty, type Property } from "../property.js";
import { UsageError } from "./exit-codes.js";
import { findProject, withFamily, type ProjectConfig } from "./project.js";

/** A family with every property that applies to it. */
export interface LoadedFamily {
  readonly family: ModelFamily;
  readonly properties: readonly Property[];
  /** Where the family came from, for messages and ITF `source`. */
  readonly source: string;
  /** The `file:` URL of the module that exports the family, and of each discovered property module: how worker threads rebuild it. */
  readonly module: string;
  readonly propertyModules: readonly string[];
}

/** Where a family comes from, in a form a worker thread can receive: a `--model` file, or the project found from a folder. */
export type FamilySource = { readonly modelFile: string } | { readonly projectRoot: string; /** Index into the project's families; 0 (the default) when absent. */ readonly family?: number };

/**
 * Loads the family a source names. Without `discover`, the project's
 * properties folder is not read: a worker thread of a check that names no
 * property has no use for those modules, and loading them would only delay it.
 */
export async function loadSource(source: FamilySource, { discover = true }: { discover?: boolean } = {}): Promise<LoadedFamily> {
  if ("modelFile" in source) return loadModelFile(source.modelFile);
  const project = findProject(source.projectRoot);
  if (!project) throw new UsageError(`No dnsmc project at ${source.projectRoot}.`);
  return loadProject(withFamily(project, source.family ?? 0), { discover });
}

/** Loads a user's `--model FILE` module. */
export async function loadModelFile(file: string): Promise<LoadedFamily> {
  const path = resolve(file);
  if (!existsSync(path)) {
    throw new UsageError(`The model file ${file} does not exist. Pass the path of a JavaScript module (.js or .mjs) that exports a model; see "Checking your own model" in the README.`);
  }
  const mod = await importModule(path, "model file");
  return { ...familyFrom(mod, file), source: basename(file), module: pathToFileURL(path).href, propertyModules: [] };
}

/** Loads the project's configured family and discovers its properties folder (unless told not to). */
export async function loadProject(project: ProjectConfig, { discover = true }: { discover?: boolean } = {}): Promise<LoadedFamily> {
  if (!existsSync(project.model)) {
    throw new UsageError(`The model module ${relative(process.cwd(), project.model)} does not exist. Build the project first (npm install, or npm run build).`);
  }
  // The model and the property modules load together (each import waits mostly on the module loader, not on this thread).
  const [mod, discovered] = await inOrder([importModule(project.model, "model module"), discover && project.properties ? discoverProperties(project) : Promise.resolve({ found: [], modules: [] })]);
  const { family, properties } = familyFrom(mod, relative(project.root, project.model));
  return { family, properties: [...properties, ...discovered.found], source: family.name, module: pathToFileURL(project.model).href, propertyModules: discovered.modules };
}

async function discoverProperties(project: ProjectConfig): Promise<{ found: Property[]; modules: string[] }> {
  const folder = project.properties!;
  if (!existsSync(folder)) return { found: [], modules: [] };
  const files = readdirSync(folder)
    .filter((f) => (f.endsWith(".js") || f.endsWith(".mjs")) && !f.endsWith(".test.js"))
    .filter((f) => hasSource(project, join(folder, f)))
    .sort();
  const modules = await inOrder(files.map((f) => importModule(join(folder, f), "property module")));
  const found: Property[] = [];
  for (const [k, f] of files.entries()) {
    const mod = modules[k] as Record<string, unknown>;
    const props = Object.values(mod).flatMap((v) => (Array.isArray(v) ? v : [v])).filter(isProperty);
    if (props.length === 0) {
      throw new UsageError(
        `${relative(process.cwd(), join(folder, f))} exports no property. A property file exports one, e.g. \`export default always("name", state => ...)\`; see "Adding a property" in the README.`,
      );
    }
    found.push(...props);
  }
  return { found, modules: files.map((f) => pathToFileURL(join(folder, f)).href) };
}

// A compiled file whose source was deleted must not be checked (tsc leaves orphans behind).
function hasSource(project: ProjectConfig, compiled: string): boolean {
  if (!project.build) return true;
  const source = join(project.root, relative(project.build.output, compiled)).replace(/\.m?js$/, ".ts");
  return existsSync(source);
}

// Like Promise.all, but when several fail, the error reported is the first in order, not the first in time.
async function inOrder<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  for (const s of settled) if (s.status === "rejected") throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

async function importModule(path: string, what: string): Promise<ModelModule> {
  try {
    return (await import(pathToFileURL(path).href)) as ModelModule;
  } catch (error) {
    const shown = relative(process.cwd(), path);
    const e = error as Error;
    const syntax = e instanceof SyntaxError;
    const where = syntax ? syntaxErrorAt(path) : thrownAt(e, path);
    const fix = !where
      ? "Check that it is a valid ES module (.js or .mjs) and that its imports resolve."
      : syntax
        ? "Fix the syntax error at that line and column."
        : "The module threw while it was loading: fix the code at that line.";
    throw new UsageError(
      `Could not load the ${what} ${shown}${where ? `:${where.line}:${where.column}` : ""}: ${syntax ? "syntax error: " : ""}${e?.message ?? String(error)}. ${fix}${where?.excerpt ? `\n${where.excerpt}` : ""}`,
    );
  }
}

interface SourcePosition {
  readonly line: number;
  readonly column: number;
  /** The offending line with a caret under the error, as Node prints it. */
  readonly excerpt?: string;
}

// Node 20's import() reports a SyntaxError without its position; `node --check` prints it (only paid on this error path).
function syntaxErrorAt(path: string): SourcePosition | null {
  const { spawnSync } = createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process");
  const run = spawnSync(process.execPath, ["--check", path], { encoding: "utf8" });
  const lines = run.stderr.split("\n");
  const head = /:(\d+)$/.exec(lines[0] ?? "");
  if (!head) return null;
  const caret = lines[2] ?? "";
  const column = caret.indexOf("^") + 1;
  return { line: Number(head[1]), column: Math.max(column, 1), excerpt: `  ${lines[1]}\n  ${caret}` };
}

// An exception thrown while the module runs: the first frame in the module itself.
function thrownAt(error: Error, path: string): SourcePosition | null {
  const url = pathToFileURL(path).href;
  for (const frame of (error?.stack ?? "").split("\n")) {
    const at = frame.indexOf(url + ":");
    if (at < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(frame.slice(at + url.length));
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return null;
}

/** Reads a module's exports as a family: a family object, or a single `model` with `properties`. */
export function familyFrom(mod: ModelModule, file: string): { family: ModelFamily; properties: readonly Property[] } {
  const listed = mod.properties === undefined ? [] : Array.isArray(mod.properties) ? mod.properties : [mod.properties];
  const bad = listed.findIndex((p) => !isProperty(p));
  if (bad >= 0) throw new UsageError(`${file}: properties[${bad}] is not a property. Build properties with always(), step(), sometimes() or recoverable() from "dnsmc".`);
  const found = familyOf(mod);
  if (found) return found;
  throw new UsageError(
    `${file} does not export a model. Export one as \`export const model = { name, initStates, actions, next }\` (with \`export const properties = [...]\`), or a model family as the default export; see "Checking your own model" in the README.`,
  );
}
