/**
 * Finding the model to check. The CLI never imports a model by name: it
 * reads the `"dnsmc"` field of the nearest package.json (walking up from the
 * working directory, then falling back to dnsmc's own package), or takes a
 * user's module from `--model FILE`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "./exit-codes.js";

/** Where one model family's files are: the top of the `"dnsmc"` field, or an item of its `families`. */
export interface FamilyConfig {
  /** Module exporting the model family. */
  readonly model: string;
  /** Folder of compiled property modules, each discovered and checked. */
  readonly properties: string | null;
  /** The check matrix for `dnsmc ci`. */
  readonly matrix: string | null;
  /** Module whose default export is the real implementation `dnsmc conform` drives (checker/conform/implementation.ts). */
  readonly implementation: string | null;
}

/**
 * The `"dnsmc"` field of package.json. Its top-level family is the default
 * one (and its paths are this object's own); `families` adds more, each
 * checked by `dnsmc ci` and picked by `--family NAME` or by its variants.
 */
export interface ProjectConfig extends FamilyConfig {
  /** Folder holding package.json; the paths below are relative to it. */
  readonly root: string;
  /** Every family in order, the top-level one first. */
  readonly families: readonly FamilyConfig[];
  /** Where `npm run build` puts compiled files, and which source folders feed it (for the staleness check); null in an installed package. */
  readonly build: { readonly command: string; readonly output: string; readonly sources: readonly string[] } | null;
}

const FAMILY_KEYS = ["model", "properties", "matrix", "implementation"];
const KNOWN_KEYS = [...FAMILY_KEYS, "families", "build"];

/** The project configuration, or null if no package.json up the tree (or dnsmc's own) has a `dnsmc` field. */
export function findProject(from = process.cwd()): ProjectConfig | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const config = readConfig(dir);
    if (config) return config;
    if (dirname(dir) === dir) break;
  }
  // dnsmc's own package: dist/checker/cli/project.js -> three levels up.
  return readConfig(resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", ".."));
}

function readConfig(dir: string): ProjectConfig | null {
  const file = join(dir, "package.json");
  if (!existsSync(file)) return null;
  let pkg: { dnsmc?: unknown };
  try {
    pkg = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}). Fix the file, or run dnsmc from another folder.`);
  }
  const raw = pkg.dnsmc;
  if (raw === undefined) return null;
  if (typeof raw !== "object" || raw === null) throw new UsageError(`The "dnsmc" field of ${file} must be an object like {"model": "./dist/model/index.js"}.`);
  const cfg = raw as Record<string, unknown>;
  const unknown = Object.keys(cfg).filter((k) => !KNOWN_KEYS.includes(k));
  if (unknown.length > 0) throw new UsageError(`Unknown key dnsmc.${unknown[0]} in ${file}; the keys are ${KNOWN_KEYS.join(", ")}.`);
  const familyAt = (raw: Record<string, unknown>, where: string): FamilyConfig => {
    const path = (key: string): string | null => {
      const v = raw[key];
      if (v === undefined) return null;
      if (typeof v !== "string") throw new UsageError(`${where}.${key} in ${file} must be a path (a string).`);
      return resolve(dir, v);
    };
    const model = path("model");
    if (!model) throw new UsageError(`${where === "dnsmc" ? `The "dnsmc" field of ${file}` : `${where} in ${file}`} has no "model": set it to the module that exports the model family.`);
    return { model, properties: path("properties"), matrix: path("matrix"), implementation: path("implementation") };
  };
  const first = familyAt(cfg, "dnsmc");
  const listed = cfg.families ?? [];
  if (!Array.isArray(listed)) throw new UsageError(`dnsmc.families in ${file} must be an array of objects like {"model": "./dist/other/index.js", "properties": ..., "matrix": ...}.`);
  const more = listed.map((f, i) => {
    const where = `dnsmc.families[${i}]`;
    if (typeof f !== "object" || f === null || Array.isArray(f)) throw new UsageError(`${where} in ${file} must be an object like {"model": "./dist/other/index.js"}.`);
    const extra = Object.keys(f).filter((k) => !FAMILY_KEYS.includes(k));
    if (extra.length > 0) throw new UsageError(`Unknown key ${where}.${extra[0]} in ${file}; the keys are ${FAMILY_KEYS.join(", ")}.`);
    return familyAt(f as Record<string, unknown>, where);
  });
  // An installed package (under node_modules) ships compiled code only: it has no build to keep in step.
  const build = isInstalled(dir) ? undefined : (cfg.build as { command?: unknown; output?: unknown; sources?: unknown } | undefined);
  return {
    root: dir,
    ...first,
    families: [first, ...more],
    build:
      build && typeof build.command === "string" && typeof build.output === "string" && Array.isArray(build.sources)
        ? { command: build.command, output: resolve(dir, build.output), sources: build.sources.map((s) => resolve(dir, String(s))) }
        : null,
  };
}

/** The project as seen by one of its families: that family's paths at the top. */
export function withFamily(project: ProjectConfig, index: number): ProjectConfig {
  return { ...project, ...project.families[index]! };
}

/** Whether a folder is an installed package rather than someone's checkout. */
export function isInstalled(dir: string): boolean {
  return dir.split(/[\\/]/).includes("node_modules");
}
