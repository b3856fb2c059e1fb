/**
 * Breadth-first search on several cores, level by level. Worker threads
 * expand contiguous chunks of a level (parallel-worker.ts), looking
 * successors up in the fingerprint table, which lives in shared memory; the
 * main thread merges their records chunk by chunk, in order, into the one
 * fingerprint set. Merging in the order a single thread would have expanded
 * the states gives exactly the same state numbers, parent links, findings and
 * therefore traces as the sequential search, whatever the number of workers:
 * a successor a worker saw in the table was stored from an earlier point of
 * that order, so leaving it out changes nothing.
 *
 * Used for packed models, breadth-first, without --max-states or --max-depth
 * (whose exact cut-off points need the sequential loop).
 */
import { Worker } from "node:worker_threads";
import type { StateCodec } from "./codec.js";
import { ModelFailure, type Exploration, type Finding, type SearchLimits } from "./explore.js";
import type { Model } from "./model.js";
import type { Property } from "./property.js";
import { EdgeList } from "./recovery.js";
import type { StopReason } from "./result.js";
import { FingerprintStore, NO_PARENT } from "./store.js";

/** What a worker is started with. */
export interface WorkerInit {
  /** Module exporting `workerModel(spec)`, which returns `{ model, properties }`. */
  readonly module: string;
  readonly spec: unknown;
  readonly symmetry: boolean;
  /** Report successors already visited too (their edges are needed for recoverable properties). */
  readonly allEdges: boolean;
}

/** Fixed fields of a record before the state's words: parent position, action index, fingerprint, flags, visited. */
export const RECORD_HEADER = 7;

/**
 * Bit i is set when property i, a state property, has something to report
 * about `state`: an invariant broken, a witness reached, a recovery goal met.
 */
export function stateFlags<S>(properties: readonly Property<S>[], state: S): number {
  let flags = 0;
  for (let i = 0; i < properties.length; i++) {
    const p = properties[i]!;
    if ((p.kind === "always" && !p.holds(state)) || (p.kind === "sometimes" && p.reached(state)) || (p.kind === "recoverable" && p.goal(state))) flags |= 1 << i;
  }
  return flags;
}

/** How worker threads rebuild the model: a module exporting `workerModel(spec)` and its argument. */
export interface WorkerSource {
  readonly module: string;
  readonly spec: unknown;
}

/** True when the parallel search applies to this model and these limits. */
export function canRunParallel(model: Model<unknown, unknown>, codec: StateCodec<unknown>, properties: readonly Property[], limits: SearchLimits): boolean {
  return (
    model.packed !== undefined &&
    (!codec.symmetric || model.packed.canonicalizeInPlace !== undefined) &&
    limits.strategy === "bfs" &&
    limits.maxStates === Infinity &&
    limits.maxDepth === Infinity &&
    properties.length <= 32
  );
}

/** Explores `model` breadth-first with `workers` threads. */
export async function exploreParallel<S, A>(
  model: Model<S, A>,
  codec: StateCodec<S>,
  properties: readonly Property<S, A>[],
  limits: SearchLimits,
  workers: number,
  source: WorkerSource,
): Promise<Exploration> {
  const ops = model.packed!;
  const W = ops.words;
  const stride = RECORD_HEADER + W;
  const store = new FingerprintStore();
  const findings = new Map<number, Finding>();
  const goals = new Map<number, Uint8Array>();
  const goalBits = properties.map(() => [] as number[]);
  const edges = properties.some((p) => p.kind === "recoverable") ? new EdgeList() : null;
  const fp = { hi: 0, lo: 0 };
  let statesFound = 0;
  let diameter = 0;
  let violated = false;
  let stopReason: StopReason | null = null;
  const started = performance.now();
  const allDecided = (): boolean => properties.length > 0 && !edges && properties.every((_, i) => findings.has(i));
  const shouldStop = (): boolean => limits.stopEarly && (violated || allDecided());
  const flagState = (flags: number, id: number): void => {
    for (let i = 0; i < properties.length; i++) {
      if (!(flags & (1 << i))) continue;
      const p = properties[i]!;
      if (p.kind === "always" && !findings.has(i)) {
        findings.set(i, { at: "state", id });
        violated = true;
      } else if (p.kind === "sometimes" && !findings.has(i)) findings.set(i, { at: "state", id });
      else if (p.kind === "recoverable") goalBits[i]!.push(id);
    }
  };

  // The initial states, as the sequential search takes them.
  let next = new GrowableWords(W);
  let nextIds: number[] = [];
  const initialIds: number[] = [];
  const inits = model.initStates();
  for (let k = 0; k < inits.length; k++) {
    const state = codec.normalise(inits[k]!);
    codec.fingerprintInto(state, fp);
    statesFound++;
    const id = store.add(fp.hi, fp.lo, NO_PARENT, k);
    if (id < 0) continue;
    initialIds.push(id);
    flagState(stateFlags(properties, state), id);
    next.push(ops.wordsOf(state));
    nextIds.push(id);
  }

  const init: WorkerInit = { module: source.module, spec: source.spec, symmetry: codec.symmetric, allEdges: edges !== null };
  const pool = Array.from({ length: workers }, () => new Worker(new URL("./parallel-worker.js", import.meta.url), { workerData: init }));
  const failures: Error[] = [];
  try {
    for (let depth = 0; next.length > 0 && stopReason === null; depth++) {
      if (shouldStop()) {
        stopReason = violated ? "violation" : "decided";
        break;
      }
      const levelIds = nextIds;
      const count = levelIds.length;
      const words = new SharedArrayBuffer(count * W * 4);
      new Uint32Array(words).set(next.view());
      next = new GrowableWords(W);
      nextIds = [];
      const { table, mask } = store.shared;
      for (const w of pool) w.postMessage({ type: "level", words, table, mask });

      // Chunks are handed out as workers free up, and merged strictly in order.
      const size = Math.max(256, Math.ceil(count / (workers * 8)));
      const chunks = Math.ceil(count / size);
      const results: Array<Promise<{ records: Uint32Array; counts: Uint32Array }>> = [];
      const resolvers: Array<(r: { records: Uint32Array; counts: Uint32Array }) => void> = [];
      const rejecters: Array<(e: Error) => void> = [];
      for (let c = 0; c < chunks; c++) {
        results.push(
          new Promise((resolve, reject) => {
            resolvers[c] = resolve;
            rejecters[c] = reject;
          }),
        );
      }
      let handedOut = 0;
      let stopping = false;
      const feed = (w: Worker) => {
        if (stopping || handedOut >= chunks) return;
        const c = handedOut++;
        w.postMessage({ type: "chunk", index: c, start: c * size, end: Math.min(count, (c + 1) * size) });
      };
      const listeners = pool.map((w) => {
        const onMessage = (m: { index: number; records?: ArrayBuffer; length?: number; counts?: Uint32Array; error?: string }) => {
          if (m.error !== undefined) rejecters[m.index]!(new Error(m.error));
          else resolvers[m.index]!({ records: new Uint32Array(m.records!, 0, m.length!), counts: m.counts! });
          feed(w);
        };
        const onError = (e: Error) => {
          failures.push(e);
          rejecters.forEach((r) => r(e));
        };
        w.on("message", onMessage);
        w.on("error", onError);
        return { w, onMessage, onError };
      });
      // Two chunks in flight per worker keep it busy while the main thread merges.
      for (const w of pool) feed(w);
      for (const w of pool) feed(w);

      try {
        for (let c = 0; c < chunks && stopReason === null; c++) {
          const { records, counts } = await results[c]!;
          const start = c * size;
          let r = 0;
          const n = records.length / stride;
          for (let pos = start; pos < start + counts.length; pos++) {
            statesFound += counts[pos - start]!;
            const parent = levelIds[pos]!;
            for (; r < n && records[r * stride]! === pos; r++) {
              const at = r * stride;
              const k = records[at + 1]!;
              const hi = records[at + 2]!;
              const lo = records[at + 3]!;
              let dst: number;
              let isNew = false;
              if (records[at + 6]) dst = store.find(hi, lo);
              else {
                dst = store.add(hi, lo, parent, k);
                isNew = dst >= 0;
                if (!isNew) dst = ~dst;
              }
              edges?.add(parent, dst, k);
              const stepFlags = records[at + 5]!;
              if (stepFlags) {
                for (let i = 0; i < properties.length; i++) {
                  if (stepFlags & (1 << i) && !findings.has(i)) {
                    findings.set(i, { at: "edge", src: parent, action: k, dst });
                    violated = true;
                  }
                }
              }
              if (!isNew) continue;
              if (depth + 1 > diameter) diameter = depth + 1;
              flagState(records[at + 4]!, dst);
              next.pushFrom(records, at + RECORD_HEADER);
              nextIds.push(dst);
            }
            if (shouldStop()) {
              stopReason = violated ? "violation" : "decided";
              break;
            }
          }
          const now = performance.now();
          if (now > limits.deadline) stopReason = "timeout";
          else if (limits.maxMemoryBytes < Infinity && process.memoryUsage.rss() > limits.maxMemoryBytes) stopReason = "max-memory";
          else limits.onProgress?.({ distinctStates: store.size, statesFound, depth, frontier: count - start + nextIds.length, elapsedMs: now - started, rssBytes: process.memoryUsage.rss() });
        }
      } finally {
        // Wait out chunks still running so no worker works on a finished level.
        stopping = true;
        await Promise.allSettled(results.slice(0, handedOut));
        for (const { w, onMessage, onError } of listeners) {
          w.off("message", onMessage);
          w.off("error", onError);
        }
      }
    }
  } catch (error) {
    throw new ModelFailure(`a worker thread failed: ${(error as Error).message}`, -1, null, error);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  if (failures.length > 0) throw new ModelFailure(`a worker thread failed: ${failures[0]!.message}`, -1, null, failures[0]);
  stopReason ??= "exhausted";
  properties.forEach((p, i) => {
    if (p.kind !== "recoverable") return;
    const bits = new Uint8Array(store.size);
    for (const id of goalBits[i]!) bits[id] = 1;
    goals.set(i, bits);
  });
  return { store, initialIds, findings, goals, edges, stopReason, statesFound, diameter };
}

// A growable run of packed states.
class GrowableWords {
  private data: Uint32Array;
  length = 0;
  constructor(private readonly words: number) {
    this.data = new Uint32Array(words * 1024);
  }
  push(state: Uint32Array): void {
    this.pushFrom(state, 0);
  }
  pushFrom(src: Uint32Array, at: number): void {
    const W = this.words;
    if ((this.length + 1) * W > this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    for (let w = 0; w < W; w++) this.data[this.length * W + w] = src[at + w]!;
    this.length++;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.length * this.words);
  }
}
