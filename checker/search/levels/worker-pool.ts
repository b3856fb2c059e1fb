/**
 * The worker threads of a level-synchronous search (parallel.ts), as a pool
 * that can be started before the search: a thread takes 100 to 200 ms to boot
 * and load the model, so the CLI starts the pool before it even parses its
 * options (early-workers.ts) and tells it the model once it knows it. The
 * threads join the search as soon as they are ready, between two chunks of the
 * main thread's work; until then the main thread expands the levels alone.
 */
import { totalmem } from "node:os";
import { Worker } from "node:worker_threads";
import { maxSlotsFor, reserveTable } from "./fingerprint-set.js";
import type { ExpanderLimits, GraphRecording, LevelJob, RoundReport } from "./expander.js";
import type { AnalysisHelper, AnalysisResult } from "../../graph/analyses.js";

/** How worker threads rebuild the model: a module exporting `workerModel(spec)` and its argument. */
export interface WorkerSource {
  readonly module: string;
  readonly spec: unknown;
}

/** What a worker thread is started with: the module it will rebuild the model with, and the fingerprint set's memory. */
export interface WorkerInit {
  readonly module: string;
  /** The fingerprint set's memory (a buffer, not a view: views over 4 GB do not survive the copy to a worker). */
  readonly table: SharedArrayBuffer;
  /** Set to 1 at `index` once the thread can take part (in shared memory: the main thread reads it between chunks). */
  readonly ready: Int32Array;
  readonly index: number;
}

/** What a worker thread is told to load: the model (the argument of `workerModel`), with or without symmetry reduction. */
export interface WorkerLoad {
  readonly spec: unknown;
  readonly symmetry: boolean;
}

/** What a worker thread is given when the search starts: the rest of the shared memory it works in. */
export interface WorkerSetup {
  readonly control: Int32Array;
  readonly limits: ExpanderLimits;
  /** When the graph is recorded: the area the threads record it into. */
  readonly recording?: GraphRecording;
  /** Words of the set [from, to) the first worker thread writes the pages of before its first round (a numbered set's rest). */
  readonly populate?: readonly [number, number];
}

/** One thread's side of a round: this thread, or a worker thread. */
export interface Thread {
  /** Has built the model (or is broken: it then reports why in its first round). */
  readonly ready: boolean;
  round(job: LevelJob, recycle: readonly SharedArrayBuffer[]): Promise<RoundReport>;
  /** Shares the analyses of the recorded graph once the search is over (graph/analyses.ts); worker threads only. */
  readonly helper?: AnalysisHelper;
}

/**
 * Worker threads that load a model and wait for a search to join. Starting
 * them and telling them what to load are two steps, so that a command can
 * start them before it has even parsed its options: the threads boot and load
 * the engine's code meanwhile.
 */
export class WorkerPool {
  /** @internal The threads, for the level search. */
  readonly threads: readonly Thread[];
  /**
   * The fingerprint set of the search the threads will join, reserved with the
   * threads: the first one writes the set's first pages while the main thread
   * is still starting up (fingerprint-set.ts, populate).
   * @internal
   */
  readonly table: Int32Array;
  private readonly workers: Worker[];
  private loaded: WorkerLoad | null = null;
  private closed = false;

  /** Starts `count` threads that will rebuild the model with `module`'s `workerModel`. */
  constructor(
    module: string,
    readonly size: number,
  ) {
    const ready = new Int32Array(new SharedArrayBuffer(Math.max(1, size) * 4));
    this.table = reserveTable(maxSlotsFor(totalmem()));
    const table = this.table.buffer as SharedArrayBuffer;
    this.workers = Array.from({ length: size }, (_, index) => {
      const init: WorkerInit = { module, table, ready, index };
      return new Worker(new URL("./parallel-worker.js", import.meta.url), { workerData: init });
    });
    this.threads = this.workers.map((w, i) => workerThread(w, ready, i));
  }

  /** Starts `count` threads and has them load the model `source` describes. */
  static load(source: WorkerSource, count: number, symmetry: boolean): WorkerPool {
    const pool = new WorkerPool(source.module, count);
    pool.load(source.spec, symmetry);
    return pool;
  }

  /** Has every thread build the model from `spec` (once). */
  load(spec: unknown, symmetry: boolean): void {
    if (this.loaded) throw new Error("WorkerPool.load: the threads have loaded a model already.");
    this.loaded = { spec, symmetry };
    for (const w of this.workers) w.postMessage({ load: this.loaded });
  }

  /** Whether the threads build the model with symmetry reduction (null: not told yet). */
  get symmetry(): boolean | null {
    return this.loaded?.symmetry ?? null;
  }

  /** @internal Hands every thread the shared memory of the search about to start. */
  setUp(setup: WorkerSetup): void {
    for (const w of this.workers) w.postMessage({ setup });
  }

  /** Stops every thread (again: nothing). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.workers.map((w) => {
        w.removeAllListeners("exit");
        return w.terminate();
      }),
    );
  }
}

function workerThread(worker: Worker, readyFlags: Int32Array, index: number): Thread {
  let pending: { resolve: (r: RoundReport) => void; reject: (e: Error) => void } | null = null;
  let broken: Error | null = null;
  let ready = false;
  let analysing: { resolve: (r: never) => void; reject: (e: Error) => void } | null = null;
  const fail = (e: Error) => {
    broken ??= e;
    pending?.reject(e);
    pending = null;
    analysing?.reject(e);
    analysing = null;
  };
  worker.on("message", (m: RoundReport | { error: string } | { analysed: never } | { analysisError: string }) => {
    if ("analysed" in m || "analysisError" in m) {
      const a = analysing;
      analysing = null;
      if ("analysed" in m) a?.resolve(m.analysed);
      else a?.reject(new Error(m.analysisError));
      return;
    }
    const p = pending;
    pending = null;
    if ("error" in m) p?.reject(new Error(m.error));
    else p?.resolve(m);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`worker thread exited with code ${code}`)));
  return {
    get ready() {
      if (!ready) ready = Atomics.load(readyFlags, index) === 1;
      return ready || broken !== null;
    },
    round: (job, recycle) =>
      new Promise<RoundReport>((resolve, reject) => {
        if (broken) return reject(broken);
        pending = { resolve, reject };
        worker.postMessage({ job, recycle });
      }),
    helper: {
      pass: (pass) => ask<boolean>({ pass }),
      sweep: (fixpoint, from, to) => ask<boolean>({ sweep: { fixpoint, from, to } }),
      search: (searches) => ask<AnalysisResult[]>({ search: searches }),
    },
  };
  // One request of the analyses at a time: the main thread waits for each answer before it asks again.
  function ask<T>(message: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (broken) return reject(broken);
      analysing = { resolve: resolve as (r: never) => void, reject };
      worker.postMessage(message);
    });
  }
}
