/** Where the family of a matrix run comes from, in a form a worker thread can receive. */
import { loadModelFile, loadProject, type LoadedFamily } from "../load.js";
import { findProject } from "../project.js";
import { UsageError } from "../exit-codes.js";
import { WORKER_MODEL } from "../early-workers.js";
import type { MatrixEntry } from "./matrix.js";

/** A `--model` file, or the project found from a folder. */
export type FamilySource = { readonly modelFile: string } | { readonly projectRoot: string };

/** Loads the family a source names. */
export async function loadSource(source: FamilySource): Promise<LoadedFamily> {
  if ("modelFile" in source) return loadModelFile(source.modelFile);
  const project = findProject(source.projectRoot);
  if (!project) throw new UsageError(`No dnsmc project at ${source.projectRoot}.`);
  return loadProject(project);
}

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
