/**
 * How a worker thread of a parallel check rebuilds the model the main thread
 * is checking: from the same source (the project or a --model file), variant,
 * parameters and property names.
 */
import type { Model } from "../model.js";
import type { Property } from "../property.js";
import { loadSource, type FamilySource } from "./load.js";
import { buildModel, selectProperties } from "./select.js";

/** What the main thread sends. */
export interface WorkerModelSpec {
  readonly source: FamilySource;
  readonly variant: string;
  readonly params: Readonly<Record<string, number>>;
  /** The checked properties' names, in order (empty: none). */
  readonly properties: readonly string[];
}

/** The model and properties described by `spec`. */
export async function workerModel(spec: WorkerModelSpec): Promise<{ model: Model<unknown, unknown>; properties: readonly Property[] }> {
  // A check of no property (the benchmark's, for one) need not load the property modules.
  const loaded = await loadSource(spec.source, { discover: spec.properties.length > 0 });
  return {
    model: buildModel(loaded, spec.variant, spec.params),
    properties: spec.properties.length === 0 ? [] : selectProperties(loaded, spec.properties),
  };
}
