/**
 * A worker thread of `dnsmc ci`: checks the configurations it is sent and
 * posts back their outcomes as plain data, loading each family it is sent
 * configurations of once.
 */
import { parentPort } from "node:worker_threads";
import { UsageError } from "../exit-codes.js";
import { runCheck } from "../run.js";
import type { MatrixEntry } from "./matrix.js";
import { outcomeOf } from "./outcome.js";
import { loadSource, type FamilySource, type LoadedFamily } from "../load.js";
import { entryOptions, entryProperties } from "./source.js";

const families = new Map<string, Promise<LoadedFamily>>();
const load = (source: FamilySource): Promise<LoadedFamily> => {
  const key = JSON.stringify(source);
  if (!families.has(key)) families.set(key, loadSource(source));
  return families.get(key)!;
};

parentPort!.on("message", async ({ index, entry, source }: { index: number; entry: MatrixEntry; source: FamilySource }) => {
  try {
    const loaded = await load(source);
    const properties = entryProperties(loaded, entry);
    const run = await runCheck(loaded, entry.variant, entry.parameters, properties, entryOptions(loaded, entry, properties.map((p) => p.name)));
    parentPort!.postMessage({ index, outcome: outcomeOf(loaded, entry, run) });
  } catch (error) {
    parentPort!.postMessage({ index, failure: { message: (error as Error).message, usage: error instanceof UsageError, stack: (error as Error).stack } });
  }
});
