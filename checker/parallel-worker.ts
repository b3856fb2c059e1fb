/**
 * A worker thread of the level-synchronous search (parallel.ts). It rebuilds
 * the model and its properties from the source it is given, then runs rounds
 * of a level's expansion (level-expander.ts) as the main thread asks.
 */
import { parentPort, workerData } from "node:worker_threads";
import { LevelExpander, type LevelJob } from "./level-expander.js";
import type { Model, PackedOps } from "./model.js";
import type { WorkerInit } from "./parallel.js";
import type { Property } from "./property.js";

const init = workerData as WorkerInit;
const loading = (async () => {
  const mod = (await import(init.module)) as { workerModel(spec: unknown): Promise<{ model: Model<unknown, unknown>; properties: readonly Property[] }> };
  const { model, properties } = await mod.workerModel(init.spec);
  const ops = model.packed as PackedOps<unknown, unknown>;
  return new LevelExpander(ops, properties, init.symmetry, new Uint32Array(init.table), init.control, init.limits);
})();

loading.then(
  () => parentPort!.postMessage({ ready: true }),
  // A worker that cannot load still joins, to report why in its first round.
  () => parentPort!.postMessage({ ready: true }),
);

parentPort!.on("message", async (message: { job: LevelJob; recycle: SharedArrayBuffer[] }) => {
  try {
    const expander = await loading;
    expander.recycle(message.recycle);
    expander.begin(message.job);
    parentPort!.postMessage(expander.run());
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message ?? String(error) });
  }
});
