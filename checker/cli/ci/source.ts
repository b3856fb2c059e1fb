/** Where the family of a matrix run comes from, in a form a worker thread can receive. */
import { loadModelFile, loadProject, type LoadedFamily } from "../load.js";
import { findProject } from "../project.js";
import { UsageError } from "../exit-codes.js";

/** A `--model` file, or the project found from a folder. */
export type FamilySource = { readonly modelFile: string } | { readonly projectRoot: string };

/** Loads the family a source names. */
export async function loadSource(source: FamilySource): Promise<LoadedFamily> {
  if ("modelFile" in source) return loadModelFile(source.modelFile);
  const project = findProject(source.projectRoot);
  if (!project) throw new UsageError(`No dnsmc project at ${source.projectRoot}.`);
  return loadProject(project);
}
