/**
 * How a worker thread builds the model the main thread is checking, from its
 * origin (model.ts, ModelOrigin): the module that exports the family or the
 * model, the variant and parameters, and the property modules a check's
 * properties are found in by name. The engine's own, so that a user of the
 * `check()` API gets threads without the CLI; the CLI hands it the project's
 * model and discovered properties the same way.
 */
import { familyOf, type ModelModule } from "./family.js";
import type { Model, ModelOrigin } from "./model.js";
import { isProperty, type Property } from "./property.js";
import { deadlockFree } from "./deadlock.js";

/** What a worker thread is told to build: the model's origin and the checked properties' names, in order. */
export interface WorkerModelSpec {
  readonly origin: ModelOrigin;
  readonly properties: readonly string[];
  /** The check reports deadlocks: the deadlock property comes first (deadlock.ts). */
  readonly deadlock?: boolean;
}

/** This module's URL: the `module` of a {@link WorkerSource} that rebuilds a model from its origin. */
export const WORKER_MODEL = import.meta.url;

/** The model and properties `spec` describes. */
export async function workerModel(spec: WorkerModelSpec): Promise<{ model: Model<unknown, unknown>; properties: readonly Property[] }> {
  const { origin } = spec;
  // A check of no property (the benchmark's, for one) need not load the property modules.
  const [mod, ...propertyModules] = (await Promise.all([origin.module, ...(spec.properties.length > 0 ? (origin.propertyModules ?? []) : [])].map((m) => import(m)))) as ModelModule[];
  const found = familyOf(mod!);
  if (!found) throw new Error(`${origin.module} exports no model family or model to build in a worker thread.`);
  const model = found.family.create(origin.variant ?? found.family.variants[0]!.name, origin.params ?? {});
  const deadlock = spec.deadlock ? [deadlockFree(model)] : [];
  if (spec.properties.length === 0) return { model, properties: deadlock };
  const candidates = [...found.properties, ...propertyModules.flatMap((m) => Object.values(m as object).flatMap((v) => (Array.isArray(v) ? v : [v])).filter(isProperty))];
  const properties = spec.properties.map((name) => {
    const p = candidates.find((c) => c.name === name);
    if (!p) {
      throw new Error(
        `property "${name}" is not exported by the model's module or its property modules, so a worker thread cannot find it. Export it (a family's \`properties\`, or \`export const properties\`), or check on one worker.`,
      );
    }
    return p;
  });
  return { model, properties: [...deadlock, ...properties] };
}
