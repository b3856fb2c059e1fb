/**
 * The stage between parsing and reporting: pick the properties, build the
 * model for a variant and parameters, and check it. Shared by `check` and `ci`.
 */
import { check, type CheckOptions } from "../check.js";
import type { Model } from "../model.js";
import type { Property } from "../property.js";
import type { CheckResult } from "../result.js";
import { UsageError } from "./exit-codes.js";
import type { LoadedFamily } from "./load.js";

/** One checked model. */
export interface Run {
  readonly model: Model<unknown, unknown>;
  readonly result: CheckResult<unknown, unknown>;
}

/** The properties named in `names` (all of them when `names` is empty); unknown names are usage errors. */
export function selectProperties(loaded: LoadedFamily, names: readonly string[]): Property[] {
  const seen = new Map<string, Property>();
  for (const p of loaded.properties) {
    if (seen.has(p.name)) throw new UsageError(`Two properties are named "${p.name}"; rename one of them (property names must be unique).`);
    seen.set(p.name, p);
  }
  if (names.length === 0) return [...loaded.properties];
  return names.map((name) => {
    const p = seen.get(name);
    if (!p) throw new UsageError(`Unknown property "${name}". The properties are: ${[...seen.keys()].join(", ") || "(none)"} (see \`dnsmc list\`).`);
    return p;
  });
}

/** Builds the model; a parameter combination the model rejects is a usage error. */
export function buildModel(loaded: LoadedFamily, variant: string, params: Readonly<Record<string, number>>): Model<unknown, unknown> {
  try {
    return loaded.family.create(variant, params);
  } catch (error) {
    throw new UsageError(`The model rejected variant "${variant}" with ${JSON.stringify(params)}: ${(error as Error).message}`);
  }
}

/** Checks one variant and configuration. */
export async function runCheck(
  loaded: LoadedFamily,
  variant: string,
  params: Readonly<Record<string, number>>,
  properties: readonly Property[],
  options: Omit<CheckOptions<unknown, unknown>, "properties">,
): Promise<Run> {
  let model: Model<unknown, unknown>;
  try {
    model = buildModel(loaded, variant, params);
    if (options.symmetry && !model.canonical) {
      throw new UsageError(`--symmetry needs the model to define canonical(state); ${loaded.family.name} does not.`);
    }
  } catch (error) {
    // check() closes the pool it is given; here it never gets it.
    await options.workerPool?.close();
    throw error;
  }
  const result = await check(model, { ...options, properties });
  return { model, result };
}
