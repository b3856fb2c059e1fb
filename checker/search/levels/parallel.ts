/**
 * Level-synchronous breadth-first search over a shared fingerprint set, on
 * one thread or several.
 *
 * Each level is cut into chunks and the chunks into one share per thread;
 * every thread (expander.ts) claims chunks from the front of its own
 * share, then from the back of the others', inserts successors' fingerprints
 * into the lock-free set (fingerprint-set.ts) and writes the new states to
 * blocks of the next level. The main thread only hands out levels, grows the set
 * between rounds and collects reports; no state passes through it.
 *
 * The set holds fingerprints only, so this search stores no parent links. A
 * trace is rebuilt by the sequential search (explore.ts) run again, bounded
 * to the depth where the levels found the first violation or witness: since
 * every shallower level was searched in full, that bounded search finds
 * exactly the counterexample (shortest, and the first in breadth-first order)
 * a single-threaded search would have found. Counts, depth and verdicts come
 * from the levels; they do not depend on the number of threads, nor on which
 * thread reached a state first.
 *
 * Used for packed models, breadth-first, without --max-states or --max-depth
 * (whose exact cut-off points need the sequential loop). Properties of the
 * whole graph (recoverable, temporal) are judged on the graph the threads
 * record as they go (LevelGraph).
 */
import { availableParallelism, totalmem } from "node:os";
import type { Fingerprinter } from "../../fingerprinter.js";
import { fingerprintWords } from "../../fingerprint.js";
import { grownCapacity, growInPlace, HARD_LIMIT, INITIAL_SLOTS, INITIAL_SLOTS_ALONE, insertFingerprint, insertNumbered, maxSlotsFor, NUMBERED_SLOT, populate, reserveTable } from "./fingerprint-set.js";
import type { SearchLimits } from "../limits.js";
import { LevelExpander, type ExpanderLimits, type GraphRecording, type LevelJob, type RoundReport } from "./expander.js";
import { ControlBlock, StopFlag } from "./control-block.js";
import type { Model, PackedOps } from "../../model.js";
import type { Property } from "../../property.js";
import { Evaluation } from "../../evaluate.js";
import { reserveRecords, type RecordArea } from "../../graph/level-records.js";
import { reuseForQueues } from "../../graph/bfs.js";
import { fairnessMatters, type Fairness } from "../../fairness.js";
import type { StopReason } from "../../result.js";
import type { Thread, WorkerPool } from "./worker-pool.js";

/** The outcome of a level-synchronous search. */
export interface LevelOutcome {
  readonly distinctStates: number;
  readonly statesFound: number;
  readonly diameter: number;
  readonly stopReason: StopReason;
  /** Per property: the depth at which it first had something to report (a violation or a witness), or -1. */
  readonly foundAtDepth: readonly number[];
  /** Bytes of the fingerprint set in use (its slots). */
  readonly storeBytes: number;
  /** Set when a thread's model code threw: the depth of the level being expanded, and the message. */
  readonly failure?: { readonly depth: number; readonly message: string };
  /** When a property needs the whole graph: the graph the threads recorded (graph/from-levels.ts). */
  readonly graph?: LevelGraph;
}

/** What the level search keeps for the analyses of the whole graph. */
export interface LevelGraph {
  /** The records, where each state's record is, and each state's label word (graph/level-records.ts). */
  readonly area: RecordArea;
  /** State numbers given out (holes included: one past the largest) and words of records claimed. */
  readonly numbersGiven: number;
  readonly recordWords: number;
  /** The initial states' numbers, and for each the index of its initial state in `initStates()`. */
  readonly initialIds: readonly number[];
  readonly initIndex: readonly number[];
  /** Indices (among the check's properties) of those whose two label bits each state carries, in bit order. */
  readonly properties: readonly number[];
  /** The set (numbered: fingerprint-set.ts, insertNumbered) and its capacity: a state's number, found by its fingerprint (traces). */
  readonly table: Int32Array;
  readonly capacity: number;
}

/** The number of threads `--workers` defaults to: the machine's cores. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Levels smaller than this are expanded by the main thread alone. A worker
 * thread that joins one is still compiling its code, and the level waits at
 * its end for the chunk that thread holds; below this size that wait costs
 * more than the thread gives (bench/README.md has the measurements).
 */
const SMALL_LEVEL = 16384;
/**
 * Once the worker threads have taken part in a level (their code is compiled),
 * levels down to this size are shared too: the last levels of a search shrink
 * through it, and a round costs one message each way.
 */
const WARM_SMALL_LEVEL = 2048;

/** Sizes of the level search that tests change, so that small models take the paths big ones take. */
export interface LevelTuning {
  /**
   * Levels of fewer states than this are expanded by the calling thread alone
   * (default 16384: a worker thread that joins a smaller level is still
   * compiling its code, and the level waits for it), until the worker threads
   * have taken part in a level. Tests lower it, so that small models exercise
   * the worker threads too.
   */
  readonly sharedLevelStates?: number;
  /**
   * The first capacity of the fingerprint set, in slots (default 4,194,304:
   * 32 MB). Tests lower it, so that small models make the set grow, between
   * levels and in the middle of one.
   */
  readonly tableSlots?: number;
  /**
   * The generic path's worker thread (prefetch.ts) expands every state of its
   * share, the search waiting for it, instead of the search taking over the
   * states the worker has not reached (default false). Tests set it, so that
   * the worker's part does not depend on how fast it boots.
   */
  readonly patientPrefetch?: boolean;
  /**
   * The level search waits, before its first level of at least
   * `sharedLevelStates` states, until every worker thread has built the
   * model (default false: it goes on alone, and they join when ready). Tests
   * set it, so that the worker threads' part does not depend on how fast
   * they boot on a loaded machine.
   */
  readonly patientWorkers?: boolean;
  /**
   * Words of the area the graph is recorded into, when a property needs the
   * whole graph (default: a word per 4 bytes of the machine's memory, address
   * space only). Tests lower it, so that a graph outgrows it: the search then
   * stops as at its memory limit.
   */
  readonly recordWords?: number;
}

/**
 * Explores `model` level by level on this thread and the pool's worker threads
 * (none: this thread alone).
 */
export async function searchLevels<S, A>(
  model: Model<S, A>,
  fingerprinter: Fingerprinter<S>,
  properties: readonly Property<S, A>[],
  limits: SearchLimits,
  workers: WorkerPool | null,
  {
    sharedLevelStates: smallLevel = SMALL_LEVEL,
    tableSlots = workers && workers.size > 0 ? INITIAL_SLOTS : INITIAL_SLOTS_ALONE,
    patientWorkers = false,
    recordWords = Math.min(2 ** 31 - 1, Math.floor(totalmem() / 4)),
  }: LevelTuning = {},
): Promise<LevelOutcome> {
  const ops = model.packed as PackedOps<S, A>;
  const W = ops.words;
  const table = workers ? workers.table : reserveTable(maxSlotsFor(totalmem()));
  // Properties of the whole graph: the set numbers its states, each number beside its fingerprint in a slot of three
  // words; each new state's number is beside its words in its block, and every state's record and label word are in the
  // shared area the threads record the graph into.
  const ev = new Evaluation(properties);
  const recording = ev.graph.length > 0;
  const slotWords = recording ? NUMBERED_SLOT : 2;
  const maxSlots = Math.floor(table.length / slotWords);
  // A thread inserts up to 64 fingerprints before it adds them to the shared count and sees whether the set is past its
  // hard limit (expander.ts), so the set keeps room for 128 a thread past that limit: a full set has no end to a probe.
  const threadCount = 1 + (workers?.size ?? 0);
  let capacity = Math.min(maxSlots, Math.max(tableSlots, Math.ceil((128 * threadCount) / (1 - HARD_LIMIT))));
  // Every page of the set is written before it is used (fingerprint-set.ts, populate): with worker threads, the words of
  // INITIAL_SLOTS plain slots by the first worker thread as it starts (and, for a numbered set, the rest of its first
  // capacity once told: workers.setUp below), the rest here; on one thread, all here. A page first read costs a second
  // fault when first written (and, with several threads, an interrupt to every other core).
  const pooled = workers !== null && workers.size > 0;
  const bootWords = pooled ? INITIAL_SLOTS * 2 : 0;
  const setUpWords = pooled && recording ? Math.max(bootWords, Math.min(capacity, INITIAL_SLOTS) * slotWords) : bootWords;
  populate(table, Math.ceil(setUpWords / slotWords), capacity, slotWords);
  const control = ControlBlock.create();
  const started = performance.now();
  if (process.env.DNSMC_DEBUG) console.error(`level search starts at ${started.toFixed(0)} ms since process start`);
  const expanderLimits: ExpanderLimits = {
    continue: limits.continue,
    deadline: limits.deadline === Infinity ? Infinity : performance.timeOrigin + limits.deadline,
    maxMemoryBytes: limits.maxMemoryBytes,
  };
  const foundAtDepth = properties.map(() => -1);
  const note = (found: number, depth: number) => {
    for (let i = 0; i < properties.length; i++) if (found & (1 << i) && foundAtDepth[i] === -1) foundAtDepth[i] = depth;
  };
  const violated = () => foundAtDepth.some((d, i) => d !== -1 && (ev.breaking & (1 << i)) !== 0);
  const decided = () => properties.length > 0 && foundAtDepth.every((d) => d !== -1);

  const stride = W + (recording ? 1 : 0);
  const graphRecording: GraphRecording | undefined = recording
    ? { area: reserveRecords(maxSlots, recordWords, ev.graph.length, fairnessMatters(properties, model.fairness) ? model.fairness!.length : null) }
    : undefined;
  const initialIds: number[] = [];
  const initIndex: number[] = [];

  // Level 0: the initial states.
  const inits = model.initStates();
  const first = new SharedArrayBuffer(Math.max(1, inits.length) * stride * 4);
  const firstWords = new Uint32Array(first);
  const fp = { hi: 0, lo: 0 };
  let count = 0;
  for (const [k, init] of inits.entries()) {
    const state = fingerprinter.normalise(init);
    const words = ops.wordsOf(state);
    fingerprintWords(words, fp);
    if (recording) {
      if (insertNumbered(table, capacity, fp.hi, fp.lo, count) < 0) continue;
    } else if (!insertFingerprint(table, capacity, fp.hi, fp.lo)) continue;
    firstWords.set(words, count * stride);
    if (graphRecording) {
      firstWords[count * stride + W] = count;
      graphRecording.area.labels[count] = ev.labels(state);
      initialIds.push(count);
      initIndex.push(k);
    }
    count++;
    note(ev.stateFindingBits(state, 0), 0);
  }
  control.setSize(count);
  // The initial states have numbers 0, 1, ...; the threads claim the next ones in blocks. Word 0 of the records is the
  // empty record of every number that is no state.
  control.setNextNumber(count);
  control.setNextRecord(1);
  let statesFound = inits.length;
  let levelBlocks: SharedArrayBuffer[] = [first];
  let levelCounts: number[] = [count];
  let dead: SharedArrayBuffer[] = [];
  let diameter = 0;
  let depth = 0;
  let stopReason: StopReason | null = null;
  let failure: LevelOutcome["failure"];
  // Whether worker threads have taken part in a level yet.
  let warm = false;

  // The round under way in this thread, which worker threads that have just become ready can join.
  let round: { job: Omit<LevelJob, "self" | "redo">; shares: number; open: boolean; joined: Set<Thread>; late: Promise<RoundReport>[] } | null = null;
  const joinLate = () => {
    if (round === null || !round.open || round.joined.size === pool.length) return;
    for (const t of pool) {
      if (round.joined.has(t) || !t.ready) continue;
      round.joined.add(t);
      if (process.env.DNSMC_DEBUG) console.error(`a worker thread joins level ${depth} at ${(performance.now() - started).toFixed(0)} ms`);
      round.late.push(t.round({ ...round.job, self: round.shares, redo: [] }, []));
    }
  };
  // This thread is one of the workers: it expands small levels alone (the first ones, while the worker threads start up and
  // compile), and takes chunks of big ones alongside the worker threads, after handing them their round (so it comes last).
  // It numbers its new states after the initial ones.
  const here = inProcess(ops, properties, fingerprinter.symmetric, table, control, expanderLimits, () => {
    progress();
    joinLate();
  }, model.fairness ?? [], graphRecording);
  workers?.setUp({ control: control.words, limits: expanderLimits, ...(graphRecording ? { recording: graphRecording, populate: [bootWords, setUpWords] as const } : {}) });
  const pool: readonly Thread[] = workers ? [...workers.threads, ...here] : here;
  const frontierSize = () => levelCounts.reduce((a, b) => a + b, 0);
  // Reported about once a second: from a timer while this thread waits for the others, and between its own chunks.
  let lastProgress = started;
  function progress(): void {
    // Called between every two chunks: without a progress display, it returns before it reads the clock.
    if (!limits.onProgress) return;
    const now = performance.now();
    if (now - lastProgress < 1000) return;
    lastProgress = now;
    limits.onProgress({ distinctStates: control.size(), statesFound, depth, frontier: frontierSize(), elapsedMs: now - started, rssBytes: process.memoryUsage.rss() });
  }
  const timer = limits.onProgress ? setInterval(progress, 250) : null;
  try {
    while (frontierSize() > 0 && stopReason === null) {
      if (!limits.continue && (violated() || decided())) {
        stopReason = violated() ? "violation" : "decided";
        break;
      }
      // Worker threads take part once they have built the model: from the next level, or
      // (see joinLate) from the next chunk this thread finishes, in a big level.
      const small = frontierSize() < (warm ? Math.min(smallLevel, WARM_SMALL_LEVEL) : smallLevel);
      if (patientWorkers && !small) while (!pool.every((t) => t.ready)) await new Promise((r) => setTimeout(r, 5));
      const threads = small ? here : pool.filter((t) => t.ready);
      if (threads.length > 1) warm = true;
      const chunks = chunksOf(levelCounts, threads.length);
      const shares = sharesOf(chunks.length / 3, threads.length);
      control.resetShares(threads.length);
      let redo: number[] = [];
      const nextBlocks: SharedArrayBuffer[] = [];
      const nextCounts: number[] = [];
      let recycle = dead;
      for (;;) {
        const grown = grownCapacity(capacity, control.size(), maxSlots);
        if (grown > capacity) {
          const t0 = performance.now();
          populate(table, capacity, grown, slotWords);
          growInPlace(table, capacity, grown, slotWords);
          if (process.env.DNSMC_DEBUG) console.error(`grow ${capacity} -> ${grown}: ${(performance.now() - t0).toFixed(0)} ms at ${(performance.now() - started).toFixed(0)}`);
          capacity = grown;
        } else if (grown === capacity && control.size() > capacity * 0.8) {
          stopReason = "max-memory";
          break;
        }
        // The properties found so far, which the threads no longer evaluate (only the first depth of each is reported).
        const found = foundAtDepth.reduce((m, d, i) => (d !== -1 && i < 31 ? m | (1 << i) : m), 0);
        const job = { blocks: levelBlocks, chunks, shares, depth, capacity, found };
        const share = Math.ceil(recycle.length / threads.length);
        // Map calls every round() in order: the worker threads get their messages before this thread starts on its share.
        round = { job, shares: threads.length, open: threads !== here, joined: new Set(threads), late: [] };
        const dispatched = threads.map((t, i) => t.round({ ...job, self: i, redo: i === 0 ? redo : [] }, recycle.slice(i * share, (i + 1) * share)));
        const late = round.late;
        round = null;
        const reports = await Promise.all([...dispatched, ...late]);
        if (process.env.DNSMC_DEBUG) console.error(`  per thread: ${reports.map((r) => `${r.transitions} successors in ${r.busyMs.toFixed(0)} ms`).join(", ")}`);
        recycle = [];
        redo = [];
        for (const r of reports) {
          nextBlocks.push(...r.blocks);
          nextCounts.push(...r.counts);
          statesFound += r.transitions;
          note(r.found, depth + 1);
          if (r.redo >= 0) redo.push(r.redo);
        }
        const stop = control.stopFlag();
        if (stop !== StopFlag.None) {
          stopReason = stop === StopFlag.Timeout ? "timeout" : stop === StopFlag.Memory ? "max-memory" : "violation";
          break;
        }
        if (reports.every((r) => r.status === "done") && redo.length === 0) break;
      }
      if (process.env.DNSMC_DEBUG) console.error(`level ${depth} done at ${(performance.now() - started).toFixed(0)} ms, ${levelCounts.reduce((a, b) => a + b, 0)} states`);
      if (nextCounts.some((n) => n > 0)) diameter = depth + 1;
      dead = levelBlocks;
      levelBlocks = nextBlocks;
      levelCounts = nextCounts;
      depth++;
    }
  } catch (error) {
    failure = { depth, message: (error as Error).message ?? String(error) };
  } finally {
    if (timer) clearInterval(timer);
  }
  // The graph's analyses come next, when memory is at its peak: their queues take this thread's spent blocks, whose pages
  // are written already (graph/bfs.ts). No other thread holds these: the worker threads keep only the blocks recycled to them.
  if (graphRecording && !failure) reuseForQueues([...here[0].spareBlocks(), ...dead, ...levelBlocks]);
  return {
    distinctStates: control.size(),
    statesFound,
    diameter,
    stopReason: stopReason ?? "exhausted",
    foundAtDepth,
    storeBytes: capacity * slotWords * 4,
    ...(failure ? { failure } : {}),
    ...(graphRecording && !failure
      ? {
          graph: {
            area: graphRecording.area,
            numbersGiven: control.numbersGiven(),
            recordWords: Math.min(control.recordWordsGiven(), graphRecording.area.words.length),
            initialIds,
            initIndex,
            properties: ev.graph,
            table,
            capacity,
          },
        }
      : {}),
  };
}

// Chunk index ranges [start, end) of `threads` equal shares of `chunks` chunks.
function sharesOf(chunks: number, threads: number): Int32Array {
  const shares = new Int32Array(new SharedArrayBuffer(threads * 8));
  for (let i = 0; i < threads; i++) {
    shares[2 * i] = Math.floor((chunks * i) / threads);
    shares[2 * i + 1] = Math.floor((chunks * (i + 1)) / threads);
  }
  return shares;
}

// Chunks of a level as (block, start, end) triples: at least 16 a thread, at most 256 states each. Small chunks cost
// little (a thread claims them from its own share's counter) and keep every thread busy to the end of the level.
function chunksOf(counts: readonly number[], threads: number): Int32Array {
  const total = counts.reduce((a, b) => a + b, 0);
  const size = Math.max(16, Math.min(256, Math.ceil(total / (threads * 16))));
  const triples: number[] = [];
  counts.forEach((n, b) => {
    for (let start = 0; start < n; start += size) triples.push(b, start, Math.min(n, start + size));
  });
  const chunks = new Int32Array(new SharedArrayBuffer(Math.max(1, triples.length) * 12));
  chunks.set(triples);
  return chunks.subarray(0, triples.length);
}

function inProcess<S, A>(
  ops: PackedOps<S, A>,
  properties: readonly Property<S, A>[],
  symmetry: boolean,
  table: Int32Array,
  control: ControlBlock,
  limits: ExpanderLimits,
  betweenChunks: () => void,
  fairness: readonly Fairness<A>[],
  recording: GraphRecording | undefined,
): [Thread & { spareBlocks(): SharedArrayBuffer[] }] {
  const expander = new LevelExpander(ops, properties, symmetry, table, control, limits, betweenChunks, fairness, recording);
  const thread: Thread & { spareBlocks(): SharedArrayBuffer[] } = {
    ready: true,
    round: async (job, recycle) => {
      expander.recycle(recycle);
      expander.begin(job);
      return expander.run();
    },
    spareBlocks: () => expander.spareBlocks(),
  };
  return [thread];
}
