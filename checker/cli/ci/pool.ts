/**
 * Running the matrix on every core: one worker thread per core (at most one
 * per configuration), each taking the next configuration when it finishes
 * one. Outcomes come back in matrix order, whatever order they finish in.
 */
import { Worker } from "node:worker_threads";
import { UsageError } from "../exit-codes.js";
import type { FamilySource, LoadedFamily } from "../load.js";
import { runCheck } from "../run.js";
import type { MatrixEntry } from "./matrix.js";
import { outcomeOf, type ConfigOutcome } from "./outcome.js";
import { entryOptions, entryProperties } from "./source.js";

type Reply = { index: number; outcome?: ConfigOutcome; failure?: { message: string; usage: boolean; stack?: string } };

/** Checks every entry exhaustively with up to `workers` threads. */
export async function runMatrix(entries: readonly MatrixEntry[], loaded: LoadedFamily, source: FamilySource, workers: number): Promise<ConfigOutcome[]> {
  const threads = Math.min(workers, entries.length);
  if (threads <= 1) {
    const outcomes: ConfigOutcome[] = [];
    for (const entry of entries) {
      const properties = entryProperties(loaded, entry);
      const run = await runCheck(loaded, entry.variant, entry.parameters, properties, entryOptions(loaded, entry, properties.map((p) => p.name)));
      outcomes.push(outcomeOf(loaded, entry, run));
    }
    return outcomes;
  }
  const outcomes: ConfigOutcome[] = new Array(entries.length);
  let next = 0;
  const pool = Array.from({ length: threads }, () => new Worker(new URL("./worker.js", import.meta.url), { workerData: source }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= entries.length) return resolve();
              const index = next++;
              worker.postMessage({ index, entry: entries[index] });
            };
            worker.on("message", (reply: Reply) => {
              if (reply.failure) {
                const { message, usage, stack } = reply.failure;
                return reject(usage ? new UsageError(message) : Object.assign(new Error(message), { stack }));
              }
              outcomes[reply.index] = reply.outcome!;
              feed();
            });
            worker.on("error", reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return outcomes;
}
