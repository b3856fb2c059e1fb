/**
 * Running the matrix on every core: one worker thread per core (at most one
 * per configuration), each taking the next configuration when it finishes
 * one. The configurations may belong to several families (one gate over a
 * project's families shares the threads); a thread loads each family once.
 * Outcomes come back in the jobs' order, whatever order they finish in.
 */
import { Worker } from "node:worker_threads";
import { UsageError } from "../exit-codes.js";
import type { FamilySource, LoadedFamily } from "../load.js";
import { runCheck } from "../run.js";
import type { MatrixEntry } from "./matrix.js";
import { outcomeOf, type ConfigOutcome } from "./outcome.js";
import { entryOptions, entryProperties } from "./source.js";

/** One configuration to check, with its family (loaded here) and how a thread loads that family. */
export interface MatrixJob {
  readonly entry: MatrixEntry;
  readonly loaded: LoadedFamily;
  readonly source: FamilySource;
}

type Reply = { index: number; outcome?: ConfigOutcome; failure?: { message: string; usage: boolean; stack?: string } };

/** Checks every job exhaustively with up to `workers` threads. */
export async function runMatrix(jobs: readonly MatrixJob[], workers: number): Promise<ConfigOutcome[]> {
  const threads = Math.min(workers, jobs.length);
  if (threads <= 1) {
    const outcomes: ConfigOutcome[] = [];
    for (const { entry, loaded } of jobs) {
      const properties = entryProperties(loaded, entry);
      const run = await runCheck(loaded, entry.variant, entry.parameters, properties, entryOptions(loaded, entry, properties.map((p) => p.name)));
      outcomes.push(outcomeOf(loaded, entry, run));
    }
    return outcomes;
  }
  const outcomes: ConfigOutcome[] = new Array(jobs.length);
  let next = 0;
  const pool = Array.from({ length: threads }, () => new Worker(new URL("./worker.js", import.meta.url)));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) return resolve();
              const index = next++;
              worker.postMessage({ index, entry: jobs[index]!.entry, source: jobs[index]!.source });
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
