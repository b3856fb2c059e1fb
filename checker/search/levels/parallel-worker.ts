/**
 * A worker thread of the level-synchronous search (parallel.ts, started by
 * worker-pool.ts). It loads the module it is started with and rebuilds the
 * model and its properties when told which; then it runs rounds of a level's
 * expansion (expander.ts) in the shared memory the main thread sets up.
 * It says it is ready through shared memory, which the main thread reads
 * between chunks of its own work. A thread that is still compiling its code is
 * slow, and the level's end waits for the chunk it holds: chunks are small, and
 * only big levels are shared (parallel.ts), so the wait stays short.
 */
import { parentPort, workerData } from "node:worker_threads";
import { INITIAL_SLOTS, populate, populateWords } from "./fingerprint-set.js";
import { LevelExpander, type LevelJob } from "./expander.js";
import { ControlBlock } from "./control-block.js";
import type { Model, PackedOps } from "../../model.js";
import type { Property } from "../../property.js";
import type { Fairness } from "../../fairness.js";
import type { WorkerInit, WorkerLoad, WorkerSetup } from "./worker-pool.js";
import { firstPass, runSearch, type Pass, type Search } from "../../graph/analyses.js";
import { rangeSweeper, type Fixpoint } from "../../graph/fixpoint.js";
import { reuseForQueues } from "../../graph/bfs.js";

type Loaded = { readonly ops: PackedOps<unknown, unknown>; readonly properties: readonly Property[]; readonly symmetry: boolean; readonly fairness: readonly Fairness<unknown>[] };
type WorkerModule = { workerModel(spec: unknown): Promise<{ model: Model<unknown, unknown>; properties: readonly Property[] }> };

const init = workerData as WorkerInit;
const table = new Int32Array(init.table);
// The module's code loads while the main thread is still parsing its options.
const mod = import(init.module) as Promise<WorkerModule>;
mod.catch(() => {});
// Meanwhile the first thread writes the set's first pages, which the main thread would otherwise write before the search.
if (init.index === 0) populate(table, 0, INITIAL_SLOTS);
let loading: Promise<Loaded> | null = null;
let expander: Promise<LevelExpander<unknown, unknown>> | null = null;
// The fixpoint this thread sweeps a range of, while the main thread sweeps the rest (graph/analyses.ts).
let sweeping: (() => boolean) | null = null;

async function load({ spec, symmetry }: WorkerLoad): Promise<Loaded> {
  const { model, properties } = await (await mod).workerModel(spec);
  return { ops: model.packed as PackedOps<unknown, unknown>, properties, symmetry, fairness: model.fairness ?? [] };
}

type SweepMessage = { sweep: { fixpoint: Fixpoint | null; from: number; to: number } };
type SearchMessage = { search: readonly Search[] };
type PassMessage = { pass: Pass };

// Messages arrive in order: what to load, then the shared memory, then rounds; after the last round, the analyses of the
// graph: its first pass, sweeps of fixpoints and searches for counterexamples.
parentPort!.on("message", async (message: { load: WorkerLoad } | { setup: WorkerSetup } | { job: LevelJob; recycle: SharedArrayBuffer[] } | SweepMessage | SearchMessage | PassMessage) => {
  if ("sweep" in message || "search" in message || "pass" in message) {
    try {
      // The search is over: the blocks this thread kept for the next levels are the queues' memory now (graph/bfs.ts).
      if ("pass" in message && expander) reuseForQueues((await expander).spareBlocks());
      if ("pass" in message) parentPort!.postMessage({ analysed: firstPass(message.pass, true) });
      else if ("sweep" in message) {
        const { fixpoint, from, to } = message.sweep;
        if (fixpoint) sweeping = rangeSweeper(fixpoint, from, to);
        parentPort!.postMessage({ analysed: sweeping!() });
      } else parentPort!.postMessage({ analysed: message.search.map(runSearch) });
    } catch (error) {
      parentPort!.postMessage({ analysisError: (error as Error).message ?? String(error) });
    }
    return;
  }
  if ("load" in message) {
    loading = load(message.load);
    // A thread that cannot load still joins, to report why in its first round.
    const ready = () => Atomics.store(init.ready, init.index, 1);
    loading.then(ready, ready);
    return;
  }
  if ("setup" in message) {
    const { control, limits, recording } = message.setup;
    // A numbered set's slots are wider: while the main thread expands the first levels alone, the first thread writes the
    // pages of the rest of its first capacity.
    const words = message.setup.populate;
    if (init.index === 0 && words) populateWords(table, words[0], words[1]);
    expander = loading!.then(({ ops, properties, symmetry, fairness }) => new LevelExpander(ops, properties, symmetry, table, new ControlBlock(control), limits, undefined, fairness, recording));
    expander.catch(() => {});
    return;
  }
  try {
    const x = await expander!;
    x.recycle(message.recycle);
    x.begin(message.job);
    parentPort!.postMessage(x.run());
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message ?? String(error) });
  }
});
