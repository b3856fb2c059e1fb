/**
 * A worker thread of the level-synchronous search (parallel.ts, started by
 * worker-pool.ts). It loads the module it is started with, rebuilds the model
 * and its properties when told which, and warms up; then it runs rounds of a
 * level's expansion (level-expander.ts) in the shared memory the main thread
 * sets up.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CONTROL_SLOTS, LevelExpander, resetShares, SIZE, type LevelJob } from "./level-expander.js";
import type { Model, PackedOps } from "./model.js";
import type { Property } from "./property.js";
import type { WorkerInit, WorkerLoad, WorkerSetup } from "./worker-pool.js";

type Loaded = { readonly ops: PackedOps<unknown, unknown>; readonly properties: readonly Property[]; readonly symmetry: boolean };
type WorkerModule = { workerModel(spec: unknown): Promise<{ model: Model<unknown, unknown>; properties: readonly Property[] }> };

const init = workerData as WorkerInit;
// The module's code loads while the main thread is still parsing its options.
const mod = import(init.module) as Promise<WorkerModule>;
mod.catch(() => {});
let loading: Promise<Loaded> | null = null;
let expander: Promise<LevelExpander<unknown, unknown>> | null = null;

async function load({ spec, symmetry }: WorkerLoad): Promise<Loaded> {
  const { model, properties } = await (await mod).workerModel(spec);
  const ops = model.packed as PackedOps<unknown, unknown>;
  warmUp(model, ops, properties, symmetry);
  return { ops, properties, symmetry };
}

// Messages arrive in order: what to load, then the shared memory, then rounds.
parentPort!.on("message", async (message: { load: WorkerLoad } | { setup: WorkerSetup } | { job: LevelJob; recycle: SharedArrayBuffer[] }) => {
  if ("load" in message) {
    loading = load(message.load);
    // A thread that cannot load still joins, to report why in its first round.
    loading.then(
      () => parentPort!.postMessage({ ready: true }),
      () => parentPort!.postMessage({ ready: true }),
    );
    return;
  }
  if ("setup" in message) {
    const { table, control, limits } = message.setup;
    expander = loading!.then(({ ops, properties, symmetry }) => new LevelExpander(ops, properties, symmetry, new Uint32Array(table), control, limits));
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

/** States the warm-up explores, in a private set of this many slots (it stops when the set is 80% full). */
const WARM_UP_SLOTS = 1 << 14;

/**
 * A thread that joins a level with cold code expands its first chunks several
 * times slower than the main thread, which has compiled the same code on the
 * first levels, and the level's end waits for it. So, before reporting ready,
 * the thread runs the same expansion on a private table for a few thousand
 * states: the successors, fingerprints and insertions are compiled by then.
 */
function warmUp(model: Model<unknown, unknown>, ops: PackedOps<unknown, unknown>, properties: readonly Property[], symmetry: boolean): void {
  const W = ops.words;
  const table = new Uint32Array(new SharedArrayBuffer(WARM_UP_SLOTS * 8));
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  const x = new LevelExpander(ops, properties, symmetry, table, control, { stopEarly: false, deadline: Infinity, maxMemoryBytes: Infinity });
  const inits = model.initStates();
  const first = new SharedArrayBuffer(Math.max(1, inits.length) * W * 4);
  inits.forEach((s, i) => new Uint32Array(first).set(ops.wordsOf(s), i * W));
  let blocks = [first];
  let counts = [inits.length];
  for (let depth = 0; counts.some((n) => n > 0); depth++) {
    const triples = counts.flatMap((n, b) => (n > 0 ? [b, 0, n] : []));
    const chunks = new Int32Array(new SharedArrayBuffer(Math.max(1, triples.length) * 12));
    chunks.set(triples);
    resetShares(control, 1);
    const all = triples.length / 3;
    x.begin({ blocks, chunks: chunks.subarray(0, triples.length), shares: new Int32Array([0, all]), self: 0, depth, capacity: WARM_UP_SLOTS, redo: [] });
    const report = x.run();
    if (report.status !== "done" || Atomics.load(control, SIZE) > WARM_UP_SLOTS / 2) break;
    blocks = [...report.blocks];
    counts = [...report.counts];
  }
}
