/**
 * The check matrix: which configurations `dnsmc ci` checks, and the verdict
 * expected of every property in each. Read from JSON and validated strictly:
 * an unknown key, variant, parameter or property is an error naming its path.
 */
import { readFileSync } from "node:fs";
import { configurationName, type ModelFamily } from "../../family.js";
import { isTemporal, type Property } from "../../property.js";
import { SYMMETRY_SKIPS_TEMPORAL } from "../select.js";
import { MAX_THREADS } from "../../search/levels/control-block.js";
import { UsageError } from "../exit-codes.js";

/** A verdict a configuration may expect: `found` is a witness reached. */
export type ExpectedVerdict = "holds" | "violated" | "found";
const VERDICTS: readonly ExpectedVerdict[] = ["holds", "violated", "found"];

/** One row of the matrix. */
export interface MatrixEntry {
  /** Position in the matrix's `configurations`; -1 for a variant the matrix lacks, checked to suggest its entry. */
  readonly index: number;
  /** Shown in reports; defaults to the variant and its non-default parameters. */
  readonly name: string;
  readonly variant: string;
  readonly parameters: Readonly<Record<string, number>>;
  readonly symmetry: boolean;
  /** Threads for this configuration's search (see `dnsmc check --workers`). */
  readonly workers: number;
  /** Expected verdict by property name. */
  readonly expect: Readonly<Record<string, ExpectedVerdict>>;
  /** Also run each counterexample on the project's implementation (`dnsmc conform`). */
  readonly conform: boolean;
}

/** Reads and validates a matrix file against a family and its properties. */
export function readMatrix(file: string, family: ModelFamily, properties: readonly Property[]): MatrixEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`Cannot read the check matrix ${file}: ${(error as Error).message}. Fix the file (it must be JSON; see "The check matrix" in the README).`);
  }
  const fail = (path: string, problem: string): never => {
    throw new UsageError(`${file}: ${path}: ${problem}. See "The check matrix" in the README for the format.`);
  };
  const object = (value: unknown, path: string, keys: readonly string[]): Record<string, unknown> => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "must be an object");
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) if (!keys.includes(k) && !k.startsWith("$")) fail(`${path}.${k}`, `unknown key (allowed: ${keys.join(", ")})`);
    return record;
  };
  const top = object(raw, "(top)", ["configurations"]);
  if (!Array.isArray(top.configurations) || top.configurations.length === 0) fail("configurations", "must be a non-empty array");
  return (top.configurations as unknown[]).map((c, i) => {
    const at = `configurations[${i}]`;
    const entry = object(c, at, ["name", "variant", "parameters", "symmetry", "workers", "expect", "conform"]);
    const variant = entry.variant;
    if (typeof variant !== "string" || !family.variants.some((v) => v.name === variant)) {
      fail(`${at}.variant`, `must be one of ${family.variants.map((v) => v.name).join(", ")}`);
    }
    const params = object(entry.parameters ?? {}, `${at}.parameters`, family.parameters.map((p) => p.name));
    const parameters = Object.fromEntries(
      family.parameters.map((p) => {
        const v = params[p.name] ?? p.default;
        if (typeof v !== "number" || !Number.isInteger(v) || v < p.min || v > p.max) fail(`${at}.parameters.${p.name}`, `must be an integer from ${p.min} to ${p.max}`);
        return [p.name, v as number];
      }),
    );
    if (entry.symmetry !== undefined && typeof entry.symmetry !== "boolean") fail(`${at}.symmetry`, "must be true or false");
    if (entry.conform !== undefined && typeof entry.conform !== "boolean") fail(`${at}.conform`, "must be true or false");
    const workers = entry.workers ?? 1;
    if (typeof workers !== "number" || !Number.isInteger(workers) || workers < 1 || workers > MAX_THREADS) fail(`${at}.workers`, `must be an integer from 1 to ${MAX_THREADS}`);
    const expectRaw = object(entry.expect ?? {}, `${at}.expect`, properties.map((p) => p.name));
    const expect: Record<string, ExpectedVerdict> = {};
    for (const [name, v] of Object.entries(expectRaw)) {
      if (name.startsWith("$")) continue;
      if (entry.symmetry === true && properties.some((p) => p.name === name && isTemporal(p))) fail(`${at}.expect.${name}`, `is a temporal property, which is not checked under symmetry (${SYMMETRY_SKIPS_TEMPORAL}); remove it from this configuration`);
      if (!VERDICTS.includes(v as ExpectedVerdict)) fail(`${at}.expect.${name}`, `must be one of ${VERDICTS.join(", ")}`);
      expect[name] = v as ExpectedVerdict;
    }
    const name = typeof entry.name === "string" ? entry.name : configurationName(variant as string, family.parameters, parameters) + (entry.symmetry ? " (symmetry)" : "");
    return { index: i, name, variant: variant as string, parameters, symmetry: entry.symmetry === true, workers: workers as number, expect, conform: entry.conform === true };
  });
}

/** An entry for a variant the matrix lacks: its default configuration, with nothing expected yet. */
export function defaultEntry(family: ModelFamily, variant: string): MatrixEntry {
  return { index: -1, name: variant, variant, parameters: Object.fromEntries(family.parameters.map((p) => [p.name, p.default])), symmetry: false, workers: 1, expect: {}, conform: false };
}
