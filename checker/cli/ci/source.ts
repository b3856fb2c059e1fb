/** How a matrix entry is run, in a form a worker thread can receive. */
import { WORKER_MODEL } from "../early-workers.js";
import type { FamilySource } from "../load.js";
import type { MatrixEntry } from "./matrix.js";

/** The options that run one matrix entry: exhaustive, with its symmetry and threads. */
export function entryOptions(source: FamilySource, entry: MatrixEntry, properties: readonly string[]) {
  return {
    exhaustive: true,
    symmetry: entry.symmetry,
    ...(entry.workers > 1
      ? {
          workers: entry.workers,
          workerSource: {
            module: WORKER_MODEL,
            spec: { source, variant: entry.variant, params: entry.parameters, properties },
          },
        }
      : {}),
  };
}
