/**
 * Command-line options, parsed with node:util's parseArgs into typed
 * records. Model parameters become flags (`--enactors 3`) from the loaded
 * family's declaration, so the CLI knows no model's parameters by name.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { defaultWorkers } from "../search/levels/parallel.js";
import { MAX_THREADS } from "../search/levels/control-block.js";
import type { Strategy } from "../search/frontier.js";
import type { ModelFamily } from "../family.js";
import { UsageError } from "./exit-codes.js";

type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  model: { type: "string" },
  family: { type: "string" },
  verbose: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpecs;

/** Options of `dnsmc check`, besides the family's parameters. */
export const CHECK_OPTIONS = {
  ...COMMON_OPTIONS,
  variant: { type: "string" },
  property: { type: "string", multiple: true },
  continue: { type: "boolean" },
  strategy: { type: "string" },
  dfs: { type: "boolean" },
  symmetry: { type: "boolean" },
  "max-states": { type: "string" },
  "max-depth": { type: "string" },
  timeout: { type: "string" },
  "max-memory": { type: "string" },
  generic: { type: "boolean" },
  workers: { type: "string" },
  out: { type: "string" },
  "no-write": { type: "boolean" },
  "no-properties": { type: "boolean" },
  minimize: { type: "boolean" },
  deadlock: { type: "boolean" },
} as const satisfies OptionSpecs;

/** What `dnsmc check` was asked to do. */
export interface CheckCommandOptions {
  readonly variant: string;
  readonly params: Readonly<Record<string, number>>;
  /** Property names to check; empty means all. */
  readonly properties: readonly string[];
  /** Check no property: only explore and count states (as the reference checkers do in the benchmark). */
  readonly noProperties: boolean;
  /** `--continue`: explore every state and decide every property. */
  readonly continue: boolean;
  readonly strategy: Strategy;
  readonly symmetry: boolean;
  readonly maxStates?: number;
  readonly maxDepth?: number;
  readonly timeoutMs?: number;
  readonly maxMemoryBytes?: number;
  /** Explore through the generic object path instead of the model's packed fast path. */
  readonly generic: boolean;
  /** Threads for the search (breadth-first, packed models). */
  readonly workers: number;
  /** Whether `--workers` was given: a check that then runs on fewer threads says why. */
  readonly workersAsked: boolean;
  /** Folder for counterexample files, or null to write none. */
  readonly out: string | null;
  readonly json: boolean;
  readonly verbose: boolean;
  /** Search smaller configurations for each violated property. */
  readonly minimize: boolean;
  /** Report a reachable state with no enabled action (the property "deadlock"). */
  readonly deadlock: boolean;
}

/** Parsed flags: strings, booleans, or lists for repeatable flags. */
export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

/** Parses argv with the given option specs; unknown flags and stray arguments are usage errors. */
export function parse(args: readonly string[], options: OptionSpecs, command: string, allowPositionals = false): { values: ParsedValues; positionals: string[] } {
  try {
    return parseArgs({ args: negativeValues(args, options), strict: true, allowPositionals, options }) as { values: ParsedValues; positionals: string[] };
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\.$/, "")}. Run \`dnsmc help ${command}\` for the options it takes.`);
  }
}

// parseArgs calls `--max-states -5` ambiguous (is -5 a flag?); a number is a value, so it is joined to its flag and judged by the flag's range.
function negativeValues(args: readonly string[], options: OptionSpecs): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const spec = arg.startsWith("--") ? options[arg.slice(2)] : undefined;
    const next = args[i + 1];
    if (spec?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The value of `--model`, looked for before the model (and so its parameter flags) is known. */
export function peekModelFlag(args: readonly string[]): string | undefined {
  return peekFlag(args, "model", "the path of a model module, e.g. --model ./my-model.js");
}

/** The value of `--NAME` before the options are parsed (they depend on the family it picks), or undefined. */
export function peekFlag(args: readonly string[], name: string, what: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = args[i]!;
  if (arg.includes("=")) return arg.slice(`--${name}=`.length);
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) throw new UsageError(`Option --${name} needs a value: ${what}.`);
  return value;
}

/** Flags for a family's parameters: `--<name> N`. */
export function parameterOptions(family: ModelFamily): OptionSpecs {
  return Object.fromEntries(family.parameters.map((p) => [p.name, { type: "string" } as const]));
}

/** Parses `dnsmc check`'s arguments against a loaded family. */
export function parseCheckOptions(args: readonly string[], family: ModelFamily, defaultOut: string): CheckCommandOptions {
  const clash = family.parameters.find((p) => p.name in CHECK_OPTIONS);
  if (clash) throw new UsageError(`The model's parameter "${clash.name}" has the same name as a dnsmc option; rename the parameter.`);
  const { values: v } = parse(args, { ...CHECK_OPTIONS, ...parameterOptions(family) }, "check");
  const variant = checkVariant(family, (v.variant as string | undefined) ?? family.variants[0]!.name);
  const strategy = (v.dfs ? "dfs" : ((v.strategy as string | undefined) ?? "bfs")) as Strategy;
  if (strategy !== "bfs" && strategy !== "dfs") throw new UsageError(`Unknown strategy "${strategy}": use --strategy bfs (default, shortest traces) or --strategy dfs.`);
  const timeoutMs = v.timeout === undefined ? undefined : milliseconds("--timeout", v.timeout as string);
  const maxMemoryBytes = v["max-memory"] === undefined ? undefined : bytes("--max-memory", v["max-memory"] as string);
  const maxStates = v["max-states"] === undefined ? undefined : integer("--max-states", v["max-states"] as string, 1, Number.MAX_SAFE_INTEGER);
  const maxDepth = v["max-depth"] === undefined ? undefined : integer("--max-depth", v["max-depth"] as string, 0, Number.MAX_SAFE_INTEGER);
  return {
    variant,
    params: parameterValues(family, v),
    properties: (v.property as string[] | undefined) ?? [],
    noProperties: Boolean(v["no-properties"]),
    continue: Boolean(v.continue),
    strategy,
    symmetry: Boolean(v.symmetry),
    ...(maxStates === undefined ? {} : { maxStates }),
    ...(maxDepth === undefined ? {} : { maxDepth }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(maxMemoryBytes === undefined ? {} : { maxMemoryBytes }),
    generic: Boolean(v.generic),
    workers: v.workers === undefined ? defaultWorkers() : integer("--workers", v.workers as string, 1, MAX_THREADS),
    workersAsked: v.workers !== undefined,
    out: v["no-write"] ? null : ((v.out as string | undefined) ?? defaultOut),
    json: Boolean(v.json),
    verbose: Boolean(v.verbose),
    minimize: Boolean(v.minimize),
    deadlock: Boolean(v.deadlock),
  };
}

/** Every parameter of the family: the flag's value, checked against its range, or the default. */
export function parameterValues(family: ModelFamily, values: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(
    family.parameters.map((p) => {
      const raw = values[p.name];
      if (raw === undefined) return [p.name, p.default];
      const value = typeof raw === "number" ? raw : integer(`--${p.name}`, String(raw), p.min, p.max);
      if (!Number.isInteger(value) || value < p.min || value > p.max) {
        throw new UsageError(`${p.name} must be an integer from ${p.min} to ${p.max} (${p.description}); got ${value}.`);
      }
      return [p.name, value];
    }),
  );
}

/** A configuration as reports name it: `enactors=3 endpoints=2 ...` (empty for a model without parameters). */
export function configText(params: Readonly<Record<string, number>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
}

/** Parses a decimal integer flag within [min, max]. */
export function integer(flag: string, raw: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`${flag} must be an integer from ${min} to ${max}; got "${raw}".`);
  const value = Number(raw);
  if (value < min || value > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max}; got ${value}.`);
  return value;
}

/** Parses a memory size: a number of megabytes, or with a unit (`512M`, `4G`). */
export function bytes(flag: string, raw: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]?)B?$/i.exec(raw.trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError(`${flag} must be a size such as 512M or 4G (a plain number means megabytes); got "${raw}".`);
  const unit = { "": 2 ** 20, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 }[m[2]!.toUpperCase() as "" | "K" | "M" | "G"];
  return Math.round(Number(m[1]) * unit);
}

/** `name` if it is a variant of the family; otherwise a usage error listing the variants. */
export function checkVariant(family: ModelFamily, name: string): string {
  if (!family.variants.some((x) => x.name === name)) {
    throw new UsageError(`Unknown variant "${name}". The variants of ${family.name} are: ${family.variants.map((x) => x.name).join(", ")} (see \`dnsmc list\`).`);
  }
  return name;
}

/** Parses a positive number of seconds into milliseconds. */
export function milliseconds(flag: string, raw: string): number {
  const seconds = Number(raw);
  if (!(seconds > 0) || !Number.isFinite(seconds)) throw new UsageError(`${flag} must be a positive number of seconds, got "${raw}".`);
  return Math.ceil(seconds * 1000);
}
