/** How a matrix entry is run, with how its worker threads rebuild the model (the engine's worker-model.ts). */
import { WORKER_MODEL } from "../../worker-model.js";
import type { LoadedFamily } from "../load.js";
import type { MatrixEntry } from "./matrix.js";
import type { Property } from "../../property.js";
import { checkableUnder } from "../select.js";

/** The properties one matrix entry checks: all, but under symmetry not the temporal ones (the matrix expects none of them there). */
export function entryProperties(loaded: LoadedFamily, entry: MatrixEntry): Property[] {
  return checkableUnder(loaded.properties, entry.symmetry, []).properties;
}

/** The options that run one matrix entry: every state explored (`continue`), with its symmetry and threads. */
export function entryOptions(loaded: LoadedFamily, entry: MatrixEntry, properties: readonly string[]) {
  return {
    continue: true,
    symmetry: entry.symmetry,
    ...(entry.workers > 1
      ? {
          workers: entry.workers,
          workerSource: {
            module: WORKER_MODEL,
            spec: { origin: { module: loaded.module, variant: entry.variant, params: entry.parameters, propertyModules: loaded.propertyModules }, properties },
          },
        }
      : {}),
  };
}
