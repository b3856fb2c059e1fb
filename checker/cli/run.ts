/**
 * The stage between parsing and reporting: build the model for a variant and
 * parameters, and check it. Shared by `check` and `ci`.
 */
import { check, type CheckOptions } from "../check.js";
import type { Model } from "../model.js";
import type { Property } from "../property.js";
import type { CheckResult } from "../result.js";
import { UsageError } from "./exit-codes.js";
import type { LoadedFamily } from "./load.js";
import { buildModel } from "./select.js";

/** One checked model. */
export interface Run {
  readonly model: Model<unknown, unknown>;
  readonly result: CheckResult<unknown, unknown>;
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
