/**
 * The worker thread of prefetch.ts: it rebuilds the model, then for each
 * state it is sent (in queue order) computes the successors' fingerprints
 * and writes them to the state's slot, unless the search has claimed the
 * state first. It never runs more than the ring's size ahead of the search.
 */
import { workerData } from "node:worker_threads";
import { parentPort } from "node:worker_threads";
import { fingerprinterFor } from "../fingerprinter.js";
import type { Model } from "../model.js";
import { MAX_SUCCESSORS, RING, SLOT_INTS, type PrefetchInit } from "./prefetch.js";

type WorkerModule = { workerModel(spec: unknown): Promise<{ model: Model<unknown, unknown> }> };

const { source, symmetry, memory } = workerData as PrefetchInit;
const { control, claim, done, results } = memory;
const ready = (import(source.module) as Promise<WorkerModule>).then((m) => m.workerModel(source.spec)).then(({ model }) => ({ model, fingerprinter: fingerprinterFor(model, symmetry) }));
// A worker that cannot build the model says so, so that a patient search stops waiting for it.
ready.catch(() => {
  Atomics.store(control, 1, 1);
  Atomics.notify(claim, 0);
});
const fp = { hi: 0, lo: 0 };

parentPort!.on("message", async ({ start, states }: { start: number; states: unknown[] }) => {
  let loaded: Awaited<typeof ready>;
  try {
    loaded = await ready;
  } catch {
    return; // The search expands every state itself.
  }
  const { model, fingerprinter } = loaded;
  for (let k = 0; k < states.length; k++) {
    const position = start + k;
    const slot = position % RING;
    const mine = position + 1;
    // Stay within the ring: the slot is free once the search has finished the position RING before.
    for (;;) {
      const finished = Atomics.load(control, 0);
      if (position < finished + RING) break;
      Atomics.wait(control, 0, finished, 5);
    }
    const c = Atomics.load(claim, slot);
    if (c === -mine || Atomics.compareExchange(claim, slot, c, mine) !== c) continue;
    Atomics.notify(claim, slot);
    const base = slot * SLOT_INTS;
    let count = -1;
    try {
      // States arrive as copies, not frozen: freeze them as the search's are, or immer would freeze each successor whole.
      const state = deepFreeze(states[k]);
      const actions = model.actions(state);
      if (actions.length <= MAX_SUCCESSORS) {
        for (let a = 0; a < actions.length; a++) {
          fingerprinter.fingerprintInto(fingerprinter.normalise(model.next(state, actions[a])), fp);
          results[base + 1 + 2 * a] = fp.hi | 0;
          results[base + 2 + 2 * a] = fp.lo | 0;
        }
        count = actions.length;
      }
    } catch {
      // The search expands it again and reports the failure with its path.
      count = -1;
    }
    results[base] = count;
    Atomics.store(done, slot, mine);
    Atomics.notify(done, slot);
  }
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
