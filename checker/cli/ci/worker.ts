/**
 * A worker thread of `dnsmc ci`: loads the family once, then checks the
 * configurations it is sent and posts back their outcomes as plain data.
 */
import { parentPort, workerData } from "node:worker_threads";
import { UsageError } from "../exit-codes.js";
import { runCheck } from "../run.js";
import type { MatrixEntry } from "./matrix.js";
import { outcomeOf } from "./outcome.js";
import { loadSource, type FamilySource } from "../load.js";
import { entryOptions, entryProperties } from "./source.js";

const loading = loadSource(workerData as FamilySource);

parentPort!.on("message", async ({ index, entry }: { index: number; entry: MatrixEntry }) => {
  try {
    const loaded = await loading;
    const properties = entryProperties(loaded, entry);
    const run = await runCheck(loaded, entry.variant, entry.parameters, properties, entryOptions(loaded, entry, properties.map((p) => p.name)));
    parentPort!.postMessage({ index, outcome: outcomeOf(loaded, entry, run) });
  } catch (error) {
    parentPort!.postMessage({ index, failure: { message: (error as Error).message, usage: error instanceof UsageError, stack: (error as Error).stack } });
  }
});
