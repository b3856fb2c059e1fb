/**
 * What to check, chosen from a loaded family: the properties by name, and the
 * model of a variant in a configuration. Apart from run.ts, so that a worker
 * thread rebuilding the model does not load the whole engine to do it.
 */
import type { Model } from "../model.js";
import { isTemporal, type Property } from "../property.js";
import { UsageError } from "./exit-codes.js";
import type { LoadedFamily } from "./load.js";

/** The properties named in `names` (all of them when `names` is empty); unknown names are usage errors. */
export function selectProperties(loaded: LoadedFamily, names: readonly string[]): Property[] {
  const seen = new Map<string, Property>();
  for (const p of loaded.properties) {
    if (seen.has(p.name)) throw new UsageError(`Two properties are named "${p.name}"; rename one of them (property names must be unique).`);
    seen.set(p.name, p);
  }
  if (loaded.properties.length === 0) {
    throw new UsageError(
      `${loaded.source} exports no property, so there is nothing to check. Export some, e.g. \`export const properties = [always("name", (state) => ...)]\`, ` +
        `or pass --no-properties to explore and count the states only (see "Checking your own model" in the README).`,
    );
  }
  if (names.length === 0) return [...loaded.properties];
  return names.map((name) => {
    const p = seen.get(name);
    if (!p) throw new UsageError(`Unknown property "${name}". The properties are: ${[...seen.keys()].join(", ") || "(none)"} (see \`dnsmc list\`).`);
    return p;
  });
}

/** Why symmetry reduction leaves temporal properties out (README: "Liveness under fairness"). */
export const SYMMETRY_SKIPS_TEMPORAL =
  "temporal properties are not checked under --symmetry: a cycle among representatives need not be a cycle of real states, and fairness names actors that symmetry renames";

/**
 * The properties a check can judge: under symmetry, the temporal ones are
 * left out (and listed), unless the user named one, which is a usage error.
 */
export function checkableUnder(properties: readonly Property[], symmetry: boolean, named: readonly string[]): { properties: Property[]; skipped: string[] } {
  if (!symmetry) return { properties: [...properties], skipped: [] };
  const asked = properties.find((p) => isTemporal(p) && named.includes(p.name));
  if (asked) throw new UsageError(`--symmetry cannot check "${asked.name}": ${SYMMETRY_SKIPS_TEMPORAL}. Check it without --symmetry.`);
  return { properties: properties.filter((p) => !isTemporal(p)), skipped: properties.filter(isTemporal).map((p) => p.name) };
}

/** Builds the model; a parameter combination the model rejects is a usage error. */
export function buildModel(loaded: LoadedFamily, variant: string, params: Readonly<Record<string, number>>): Model<unknown, unknown> {
  try {
    return loaded.family.create(variant, params);
  } catch (error) {
    throw new UsageError(`The model rejected variant "${variant}" with ${JSON.stringify(params)}: ${(error as Error).message}`);
  }
}
