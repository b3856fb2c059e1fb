/**
 * The smallest world that shows a bug: for a violated property, the first
 * configuration, in increasing size, in which it still fails. Sizes are
 * ordered lexicographically by the family's parameters in their declared
 * order (for the DNS model: Enactors, then endpoints, then plans, then keep),
 * each from its minimum up to the value asked for; so "smallest" means fewest
 * Enactors first, then fewest endpoints, then fewest plans, then the smallest
 * keep.
 */
import type { ModelFamily } from "../family.js";
import type { Property } from "../property.js";
import type { Model } from "../model.js";
import type { CheckResult } from "../result.js";
import type { LoadedFamily } from "./load.js";
import { runCheck } from "./run.js";

/** The smallest failing configuration of one property. */
export interface Minimized {
  readonly property: string;
  readonly parameters: Readonly<Record<string, number>>;
  readonly model: Model<unknown, unknown>;
  readonly result: CheckResult<unknown, unknown>;
  /** How many configurations were checked to find it. */
  readonly tried: number;
}

/** Every configuration no larger than `upTo`, smallest first. */
export function* configurations(family: ModelFamily, upTo: Readonly<Record<string, number>>): Generator<Record<string, number>> {
  const params = family.parameters;
  const current = params.map((p) => p.min);
  for (;;) {
    yield Object.fromEntries(params.map((p, i) => [p.name, current[i]!]));
    let i = params.length - 1;
    while (i >= 0 && current[i]! >= upTo[params[i]!.name]!) {
      current[i] = params[i]!.min;
      i--;
    }
    if (i < 0) return;
    current[i]!++;
  }
}

/** Searches for the smallest configuration in which `property` fails in `variant`; null if none up to `upTo`. */
export async function minimize(loaded: LoadedFamily, variant: string, property: Property, upTo: Readonly<Record<string, number>>, symmetry: boolean): Promise<Minimized | null> {
  let tried = 0;
  for (const parameters of configurations(loaded.family, upTo)) {
    tried++;
    let run;
    try {
      run = await runCheck(loaded, variant, parameters, [property], { symmetry });
    } catch {
      continue; // a combination the model rejects (say, keep larger than plans) is not a world
    }
    const p = run.result.properties[0]!;
    if (p.verdict === "violated" && p.trace) return { property: property.name, parameters, model: run.model, result: run.result, tried };
  }
  return null;
}
