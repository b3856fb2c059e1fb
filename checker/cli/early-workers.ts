/**
 * `dnsmc check` starts its worker threads before it loads its own code: a
 * thread takes about 60 ms to boot and as long again to load the engine, time
 * in which the main thread loads its modules and parses the options. The
 * threads learn which model to build once the options are known
 * (search/levels/worker-pool.ts).
 */
import { availableParallelism } from "node:os";
import { MAX_THREADS } from "../search/levels/control-block.js";
import { WorkerPool } from "../search/levels/worker-pool.js";
import { WORKER_MODEL } from "../worker-model.js";

/**
 * The threads `check ARGS` will want, started now; null where it wants none or
 * the arguments are unclear (the options parser then reports them properly).
 */
export function startEarlyWorkers(args: readonly string[]): WorkerPool | null {
  if (args.includes("--generic") || args.includes("--help") || args.includes("-h")) return null;
  const at = args.findIndex((a) => a === "--workers" || a.startsWith("--workers="));
  const value = at < 0 ? availableParallelism() : Number(args[at]!.startsWith("--workers=") ? args[at]!.slice("--workers=".length) : args[at + 1]);
  if (!Number.isInteger(value) || value < 2 || value > MAX_THREADS) return null;
  return new WorkerPool(WORKER_MODEL, value - 1);
}
