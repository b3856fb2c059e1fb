/**
 * A second core for the generic path. The sequential search keeps the one
 * store, the parent links and the order of breadth-first search, so its
 * results and traces are exactly a single thread's; a worker thread computes
 * ahead of it, for a share of the queued states, what costs most in a
 * plain-object model: the successors (immer's `produce`, say) and their
 * fingerprints. When the search reaches such a state it takes the
 * fingerprints, looks them up, and builds again only the successors that are
 * new (about one in ten in a typical model).
 *
 * The two threads share a ring of result slots indexed by the queue position
 * of a state. Either thread claims a position with a compare-and-swap on its
 * slot, so a state the worker has not started (it is still booting, or
 * behind) is expanded by the search itself, and never twice.
 */
import { Worker } from "node:worker_threads";
import type { WorkerSource } from "./levels/worker-pool.js";

/** Positions in flight at once: the ring's size. */
export const RING = 4096;
/** Successors a slot holds; a state with more is expanded by the search itself. */
export const MAX_SUCCESSORS = 128;
/** Ints per slot: the successor count (-1: not computed), then two per fingerprint. */
export const SLOT_INTS = 1 + 2 * MAX_SUCCESSORS;
// Queue positions go to the worker in blocks; it takes WORKER_BLOCKS of every CYCLE blocks, the search the rest (it
// also does the bookkeeping of every state).
const BLOCK = 32;
const CYCLE = 20;
const WORKER_BLOCKS = 11;

/** The shared memory of the ring. */
export interface PrefetchMemory {
  /** [0]: positions the search has finished (the worker's window ends RING further); [1]: 1 once the worker cannot help (its model did not load). */
  readonly control: Int32Array;
  /** Per slot: position + 1 claimed by the worker, -(position + 1) claimed by the search. */
  readonly claim: Int32Array;
  /** Per slot: position + 1 once the worker has written its result. */
  readonly done: Int32Array;
  readonly results: Int32Array;
}

/** What the worker is started with. */
export interface PrefetchInit {
  readonly source: WorkerSource;
  readonly symmetry: boolean;
  readonly memory: PrefetchMemory;
}

/** The search's side of the ring. */
export class Prefetch<S> {
  private readonly worker: Worker;
  private readonly memory: PrefetchMemory;
  private batch: S[] = [];
  private batchStart = 0;
  private closed = false;
  /** States expanded by the worker and by the search, for DNSMC_DEBUG. */
  byWorker = 0;
  bySearch = 0;

  /** With `patient`, the search waits for the worker to take each state of its share rather than taking it over. */
  constructor(
    source: WorkerSource,
    symmetry: boolean,
    private readonly patient = false,
  ) {
    const ints = (n: number) => new Int32Array(new SharedArrayBuffer(n * 4));
    this.memory = { control: ints(2), claim: ints(RING), done: ints(RING), results: ints(RING * SLOT_INTS) };
    const init: PrefetchInit = { source, symmetry, memory: this.memory };
    this.worker = new Worker(new URL("./prefetch-worker.js", import.meta.url), { workerData: init });
    // A worker that fails only stops helping: the search expands everything itself.
    this.worker.on("error", () => {});
    this.worker.unref();
  }

  /** Whether the state queued at `position` is the worker's to expand. */
  private isWorkers(position: number): boolean {
    return Math.floor(position / BLOCK) % CYCLE < WORKER_BLOCKS;
  }

  /** Called as the search queues the state at `position` (positions count up from 0). */
  offer(position: number, state: S): void {
    if (!this.isWorkers(position)) return;
    if (this.batch.length === 0) this.batchStart = position;
    else if (position !== this.batchStart + this.batch.length) this.flush(), (this.batchStart = position);
    this.batch.push(state);
    if (this.batch.length === BLOCK) this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.worker.postMessage({ start: this.batchStart, states: this.batch });
    this.batch = [];
  }

  /**
   * The worker's result for the state at `position`: a view of [count, hi0,
   * lo0, hi1, lo1, ...], valid until {@link finished}; null when the search
   * must expand the state itself.
   */
  take(position: number): Int32Array | null {
    const { claim, done, results } = this.memory;
    if (!this.isWorkers(position)) return (this.bySearch++, null);
    const slot = position % RING;
    const mine = position + 1;
    // A patient search hands the worker a state it is waiting for that is still in the batch being filled.
    if (this.patient && this.batch.length > 0 && position >= this.batchStart) this.flush();
    for (;;) {
      const c = Atomics.load(claim, slot);
      if (c === mine) break;
      if (this.patient && Atomics.load(this.memory.control, 1) === 0) {
        Atomics.wait(claim, slot, c, 20);
        continue;
      }
      // Not started by the worker: the search claims it, and the worker will skip it.
      if (Atomics.compareExchange(claim, slot, c, -mine) === c) {
        this.bySearch++;
        return null;
      }
    }
    // The worker has it: wait for its result (it is working on it now, or about to).
    while (Atomics.load(done, slot) !== mine) Atomics.wait(done, slot, Atomics.load(done, slot), 50);
    const view = results.subarray(slot * SLOT_INTS, slot * SLOT_INTS + SLOT_INTS);
    if (view[0]! < 0) return (this.bySearch++, null);
    this.byWorker++;
    return view;
  }

  /** The search is done with the state at `position` (and every one before it). */
  finished(position: number): void {
    Atomics.store(this.memory.control, 0, position + 1);
    if ((position & 63) === 0) Atomics.notify(this.memory.control, 0);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.worker.terminate();
  }
}
