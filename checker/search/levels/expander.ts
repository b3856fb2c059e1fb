/**
 * One thread's share of a level of the level-synchronous search
 * (parallel.ts). Each thread claims chunks of the level from the front of its
 * own share, then from the back of the others' (see LevelJob), expands every
 * state, looks each successor's fingerprint up in the thread's filter of
 * recently met ones (recent-filter.ts), inserts the rest into the shared
 * fingerprint set, 64 at a time (their slots are read together first, so
 * that the misses to main memory overlap), and appends the new ones to
 * blocks of the next level. A
 * round of work ends when the level is done, when the set must grow first,
 * or when the search must stop; the coordinator then collects every thread's
 * report. The same code runs in worker threads and, for one thread, in the
 * main thread itself.
 *
 * When a property needs the whole graph (recoverable, temporal), each thread
 * numbers the states it finds (GraphRecording), writes each one's label word
 * (the graph properties' predicates in it) under its number, and records
 * every expanded state's successors' numbers (graph/level-records.ts); a new
 * state carries its number in its block, one word after its own.
 */
import { fingerprintWords } from "../../fingerprint.js";
import { HARD_LIMIT, GROW_AT, home, insertFingerprint, insertNumbered, primeInsertFingerprint, storedHalf } from "./fingerprint-set.js";
import type { PackedOps } from "../../model.js";
import type { Property } from "../../property.js";
import { forget, metRecently, noteNumber, noteStaged, recentFilter, recentNumber, recentNumbers } from "./recent-filter.js";
import { Evaluation } from "../../evaluate.js";
import { StopFlag, type ControlBlock } from "./control-block.js";
import { fairnessMasks, fairnessMatters, type Fairness } from "../../fairness.js";
import { RecordWriter, type RecordArea } from "../../graph/level-records.js";
import { staysFairly } from "../../graph/graph.js";

/** States a block of the next level holds. */
export const BLOCK_STATES = 1 << 14;
// A thread's blocks are small until one fills up, so that a block fills up within the thread's first few dozen new
// states, while its code is still interpreted: V8 compiles code that has never run to bail out when it first does (and
// then compiles the whole function again).
const FIRST_BLOCK_STATES = 16;
/**
 * Successors a thread stages before it looks them up in the shared set: their
 * slots are read first, all together (see insertStaged), so that their misses
 * to main memory overlap; the size is the measured best (bench/README.md).
 */
const STAGE = 64;
/**
 * Recording the graph: successors met again while the first copy is still
 * staged (its number not yet known), whose record words are written when
 * the staged ones are looked up; more than this many, and they are looked up
 * at once.
 */
const ALIASES = 256;

/**
 * A level to expand: blocks of packed states, and chunks of them as (block,
 * start, end) triples. The chunks are cut into one contiguous share per
 * thread; a thread expands its own share from the front, then helps the others
 * from their backs. A state's successors are mostly the successors of states
 * near it, so a thread that keeps to its own stretch of the level finds them
 * in its own cache when it meets them again, where threads taking chunks in
 * turn would keep fetching each other's writes.
 */
export interface LevelJob {
  readonly blocks: readonly SharedArrayBuffer[];
  readonly chunks: Int32Array;
  /** Chunk index ranges, one per thread: [start0, end0, start1, end1, ...]. */
  readonly shares: Int32Array;
  /** This thread's share (the number of shares for a thread that joins a level under way: it has none). */
  readonly self: number;
  readonly depth: number;
  readonly capacity: number;
  /** Chunks abandoned in the previous round, to be expanded first. */
  readonly redo: readonly number[];
  /** The properties found at earlier depths (bit i: property i), no longer evaluated: a search reports each one's first depth. */
  readonly found: number;
}

/**
 * Where the threads record the graph. States are numbered as they are found:
 * each number sits beside its fingerprint in the shared set's slot
 * (fingerprint-set.ts, insertNumbered), and each thread gives out numbers
 * from blocks of {@link NUMBER_BLOCK} it claims from the control block's
 * counter, so that no two threads give the same number and the numbers stay
 * dense: at the end, only the unused rest of each thread's last block is no
 * state. The records and the per-number arrays are in `area`.
 */
export interface GraphRecording {
  readonly area: RecordArea;
}

/** Numbers a thread claims at once: one atomic operation per this many new states. */
export const NUMBER_BLOCK = 256;

/** What a thread did in one round. */
export interface RoundReport {
  readonly status: "done" | "grow" | "stop";
  /** Blocks of new states, with how many states each holds. */
  readonly blocks: readonly SharedArrayBuffer[];
  readonly counts: readonly number[];
  /** Successors computed in finished chunks. */
  readonly transitions: number;
  /** Bit i: property i has something to report (an invariant or step property broken, a witness reached). */
  readonly found: number;
  /** A chunk abandoned half-way, to expand again after the table has grown (-1: none). */
  readonly redo: number;
  /** Time spent in the round (printed with DNSMC_DEBUG=1). */
  readonly busyMs: number;
}

/** Whether the search goes on after a violation, and when it must stop anyway. */
export interface ExpanderLimits {
  /** Go on after a violation (`--continue`), instead of stopping at the first. */
  readonly continue: boolean;
  /** Absolute time (ms since the epoch) at which to stop; Infinity for none. */
  readonly deadline: number;
  readonly maxMemoryBytes: number;
}

// What expandChunk() reports: a chunk was expanded, or why the round ends.
const MORE = 0;
const DONE = 1;
const GROW = 2;
const STOPPED = 3;

export class LevelExpander<S, A> {
  private readonly W: number;
  /** Words a state takes in a block: its own, then, when the graph is recorded, its number. */
  private readonly stride: number;
  /** When the graph is recorded: the set numbers its states (three words a slot), and this thread's claimed block of numbers [next, end). */
  private readonly numbered: boolean;
  private nextNumber = 0;
  private numberEnd = 0;
  /** When the graph is recorded: the records, each record's place by state number, each state's label word, and the masks. */
  private readonly recordWords: Int32Array;
  private readonly recordAt: Uint32Array;
  private readonly labelWords: Uint8Array | Uint16Array | Uint32Array;
  private readonly recordMask: Uint8Array | Uint16Array | Uint32Array | null;
  /** With the masks: per state number, whether staying in the state forever is fair. */
  private readonly fairAlone: Uint8Array | null;
  /** Where each staged successor's number goes in the records, and the number it got. */
  private readonly stageAt = new Int32Array(STAGE);
  private readonly stageId = new Int32Array(STAGE);
  /** Record words waiting for a staged successor's number: the word, and the successor's place among the staged. */
  private readonly aliasAt = new Int32Array(ALIASES);
  private readonly aliasOf = new Int32Array(ALIASES);
  private aliases = 0;
  /** The check's properties, as a search evaluates them (evaluate.ts); with none of the whole graph, nothing is recorded. */
  private readonly ev: Evaluation<S, A>;
  private readonly records: RecordWriter | null;
  /** When fairness matters (a temporal property): the fairness mask of an action, recorded with each edge. */
  private readonly maskOf: ((action: A) => number) | null;
  private readonly current: Uint32Array;
  private readonly scratchWords: Uint32Array;
  private readonly state: S;
  private readonly scratch: S;
  private readonly actions: A[] = [];
  private readonly fp = { hi: 0, lo: 0 };
  /** This thread's filter of recently met fingerprints, consulted before the shared set. */
  private readonly recent = recentFilter();
  /** When the graph is recorded: the numbers of the fingerprints the recent filter remembers. */
  private readonly recentIds = recentNumbers();
  /** The blocks of the level under way (a round after the table grew has the same ones, already viewed in `level`). */
  private levelBlocks: readonly SharedArrayBuffer[] | null = null;
  // The job's chunks, shares and capacity, as this object's own fields: the optimizing compiler then checks this object's map,
  // which never changes, instead of the map of each round's job, which can differ from round to round and throw the
  // compiled code away (V8: "wrong map").
  private chunks: Int32Array = new Int32Array(0);
  private shares: Int32Array = new Int32Array(0);
  private self = 0;
  private capacity = 0;
  /** The properties found before this level (see LevelJob.found). */
  private foundBefore = 0;
  private level: Uint32Array[] = [];
  private redo: number[] = [];
  private out: SharedArrayBuffer[] = [];
  private outCounts: number[] = [];
  private block: Uint32Array;
  private blockBuffer: SharedArrayBuffer;
  private filled = 0;
  /** States the current block holds. */
  private room = FIRST_BLOCK_STATES;
  private free: SharedArrayBuffer[] = [];
  private nextClockCheck = 0;
  private chunksToClockCheck = 0;
  // What the round under way has done so far.
  private roundTransitions = 0;
  private roundFound = 0;
  private roundRedo = -1;
  /** Successors that passed the recent filter, waiting for the shared set: their words and fingerprints. */
  private readonly stageWords: Uint32Array;
  private readonly stageHi = new Int32Array(STAGE);
  private readonly stageLo = new Int32Array(STAGE);
  /** New states not yet added to the set's shared count. */
  private pending = 0;
  /** Set by insertStaged when the table passed its hard limit: the chunk is abandoned, to be expanded again after the table grows. */
  private full = false;
  /** Where the early reads of staged slots go, so that the compiler keeps them. */
  private sink = 0;

  constructor(
    private readonly ops: PackedOps<S, A>,
    properties: readonly Property<S, A>[],
    private readonly symmetry: boolean,
    private readonly table: Int32Array,
    private readonly control: ControlBlock,
    private readonly limits: ExpanderLimits,
    /** Called between chunks (for the main thread: progress reports, and bringing in worker threads that have become ready). */
    private readonly betweenChunks?: () => void,
    /** The model's fairness, recorded with each edge when a temporal property needs it. */
    fairness?: readonly Fairness<A>[],
    /** Where this thread records the graph, when a property needs it (see GraphRecording). */
    recording?: GraphRecording,
  ) {
    this.W = ops.words;
    this.ev = new Evaluation(properties);
    if (this.ev.graph.length > 0 && !recording) throw new Error("internal error: a level search that records the graph needs the shared record area");
    this.records = recording && this.ev.graph.length > 0 ? new RecordWriter(recording.area, control) : null;
    this.stride = this.W + (this.records ? 1 : 0);
    this.numbered = this.records !== null;
    this.recordWords = recording?.area.words ?? new Int32Array(0);
    this.recordAt = recording?.area.at ?? new Uint32Array(0);
    this.labelWords = recording?.area.labels ?? new Uint8Array(0);
    this.maskOf = this.records && fairnessMatters(properties, fairness) ? fairnessMasks(fairness!) : null;
    this.recordMask = this.maskOf ? recording!.area.mask : null;
    this.fairAlone = this.maskOf ? recording!.area.alone : null;
    this.current = new Uint32Array(this.W);
    this.scratchWords = new Uint32Array(this.W);
    this.state = ops.wrap(this.current);
    this.scratch = ops.wrap(this.scratchWords);
    this.stageWords = new Uint32Array(STAGE * this.W);
    this.blockBuffer = this.newBlock();
    this.block = new Uint32Array(this.blockBuffer);
  }

  /** The blocks kept for the next levels, handed over once the search is over (their pages are written already). */
  spareBlocks(): SharedArrayBuffer[] {
    const spare = this.free;
    this.free = [];
    return spare;
  }

  /** Blocks of a finished level, to be written over again. */
  recycle(blocks: readonly SharedArrayBuffer[]): void {
    // Only full-sized blocks: the first level's is sized for the initial states, and a thread's first block is small.
    for (const b of blocks) if (b.byteLength === BLOCK_STATES * this.stride * 4) this.free.push(b);
  }

  /** Starts (or resumes, after the table grew) a level. */
  begin(job: LevelJob): void {
    if (this.levelBlocks !== job.blocks) this.level = job.blocks.map((b) => new Uint32Array(b));
    this.levelBlocks = job.blocks;
    this.chunks = job.chunks;
    this.shares = job.shares;
    this.self = job.self;
    this.capacity = job.capacity;
    this.foundBefore = job.found;
    this.redo = [...job.redo];
    primeInsertFingerprint();
  }

  /** Expands chunks until the level is done, the table must grow, or the search must stop. */
  run(): RoundReport {
    const t0 = performance.now();
    this.roundTransitions = 0;
    this.roundFound = 0;
    this.roundRedo = -1;
    let step: number;
    // Kept this small on purpose: V8 compiles run() once more late in a search (it is called once a round, so it turns
    // hot only then) while every thread is busy; the work, and all it inlines, is in expandChunk(), too big to inline here.
    while ((step = this.expandChunk()) === MORE) {
      this.betweenChunks?.();
      // Every 16 chunks, the clock and memory: a limit reached sets the stop flag, which the next chunk sees.
      if (--this.chunksToClockCheck < 0) this.mustStop();
    }
    // Hand over what this round wrote, the partly filled block included.
    if (this.filled > 0) this.seal();
    const status = step === STOPPED ? "stop" : step === GROW ? "grow" : "done";
    const report: RoundReport = {
      status,
      blocks: this.out,
      counts: this.outCounts,
      transitions: this.roundTransitions,
      found: this.roundFound,
      redo: this.roundRedo,
      busyMs: performance.now() - t0,
    };
    this.out = [];
    this.outCounts = [];
    return report;
  }

  // The next chunk: from the front of this thread's share, else from the back of another's; -1 when none is left.
  private claim(): number {
    const { shares, self } = this;
    const n = shares.length / 2;
    // A thread that joined mid-level has no share (self >= n): it only helps.
    for (let k = 0; k < n; k++) {
      const s = (self + k) % n;
      const start = shares[2 * s]!;
      const size = shares[2 * s + 1]! - start;
      const offset = this.control.claim(s, size, s === self);
      if (offset >= 0) return start + offset;
    }
    return -1;
  }

  // Checks the clock, and memory at most every 200 ms; sets the stop flag when a limit is reached. Called every 16 chunks
  // from run() and not inlined there: V8 compiles run() again in the middle of a search, and the clock's code would make
  // that compile long while every thread is busy. Not from expandChunk(): a call that had not yet run when V8 compiled
  // that would make it bail out.
  private mustStop(): boolean {
    this.chunksToClockCheck = 16;
    const now = performance.timeOrigin + performance.now();
    if (now < this.nextClockCheck) return false;
    this.nextClockCheck = now + 200;
    const reason = now > this.limits.deadline ? StopFlag.Timeout : process.memoryUsage.rss() > this.limits.maxMemoryBytes ? StopFlag.Memory : StopFlag.None;
    if (reason === StopFlag.None) return false;
    this.control.stop(reason);
    return true;
  }

  // Claims the next chunk and expands it: MORE, or why the round ends (DONE, GROW, STOPPED). The round's successors,
  // findings and abandoned chunk are kept in this object's fields.
  private expandChunk(): number {
    if (this.control.stopFlag() !== StopFlag.None) return STOPPED;
    if (this.control.size() > this.capacity * GROW_AT) return GROW;
    const c = this.redo.length > 0 ? this.redo.pop()! : this.claim();
    if (c < 0) return DONE;
    const { ops, W, stride, current, scratchWords, state, scratch, actions, fp, recent, stageWords, stageHi, stageLo, stageAt, ev, symmetry, chunks, capacity, records } = this;
    // The properties found before (at an earlier depth, or earlier in this round) are not evaluated again.
    const skip = this.foundBefore | this.roundFound;
    const stepBits = ev.stepBits;
    const block = chunks[c * 3]!;
    const source = this.level[block]!;
    const end = chunks[c * 3 + 2]!;
    // Recording the graph: every successor's number (none skipped as met recently); an abandoned chunk is cut back.
    const mark = records ? records.mark() : 0;
    this.aliases = 0;
    const hardLimit = capacity * HARD_LIMIT;
    let transitions = 0;
    let found = 0;
    let staged = 0;
    for (let pos = chunks[c * 3 + 1]!; pos < end; pos++) {
      const from = pos * stride;
      for (let w = 0; w < W; w++) current[w] = source[from + w]!;
      const count = ops.actionsInto(state, actions);
      transitions += count;
      // Recording the graph: the state's record starts here (its count), its successors' numbers follow.
      let header = 0;
      let enabled = 0;
      let self = false;
      let taken = 0;
      if (records) {
        header = records.claim(1 + count);
        if (header < 0) return this.endChunk(found, this.tooBig(), c, mark);
        this.recordAt[source[from + W]!] = header;
        this.recordWords[header] = count;
      }
      for (let k = 0; k < count; k++) {
        const action = actions[k]!;
        for (let w = 0; w < W; w++) scratchWords[w] = current[w]!;
        ops.nextInto(state, action, scratch);
        if ((stepBits & ~(skip | found)) !== 0) found |= ev.stepFindingBits(state, action, scratch, skip | found);
        if (symmetry) ops.canonicalizeInPlace!(scratch);
        fingerprintWords(scratchWords, fp);
        const hi = storedHalf(fp.hi);
        const lo = storedHalf(fp.lo);
        if (records) {
          // A successor met recently has its number already, or will have it with the staged successors (as an alias of
          // one); any other's is written when the shared set answers (insertStaged).
          const known = recentNumber(recent, this.recentIds, hi, lo);
          const at = header + 1 + k;
          this.recordWords[at] = known;
          if (this.recordMask) {
            const m = this.maskOf!(action);
            this.recordMask[at] = m;
            enabled |= m;
            // A self-loop: the constraints it takes let the state stay forever fairly.
            let same = true;
            for (let w = 0; w < W && same; w++) same = scratchWords[w] === current[w];
            if (same) {
              self = true;
              taken |= m;
            }
          }
          if (known >= 0) continue;
          if (known < -1) {
            this.aliasAt[this.aliases] = at;
            this.aliasOf[this.aliases] = -known - 2;
            if (++this.aliases === ALIASES) {
              found |= this.insertStaged(staged, hardLimit, skip | found);
              staged = 0;
              if (this.full) return this.endChunk(found, GROW, c, mark);
            }
            continue;
          }
          noteStaged(this.recentIds, hi, staged);
          stageAt[staged] = at;
        } else if (metRecently(recent, hi, lo)) continue;
        stageHi[staged] = hi;
        stageLo[staged] = lo;
        const at = staged * W;
        for (let w = 0; w < W; w++) stageWords[at + w] = scratchWords[w]!;
        if (++staged === STAGE) {
          found |= this.insertStaged(staged, hardLimit, skip | found);
          staged = 0;
          if (this.full) return this.endChunk(found, GROW, c, mark);
        }
      }
      // The state's enabled constraints, at its record's first word; and whether staying in it forever is fair: when no
      // constraint is enabled there but those its self-loops take (graph/analyses.ts reads it in its first pass).
      if (this.recordMask) {
        this.recordMask[header] = enabled;
        this.fairAlone![source[from + W]!] = staysFairly(enabled, self, taken) ? 1 : 0;
      }
    }
    found |= this.insertStaged(staged, hardLimit, skip | found);
    if (this.full) return this.endChunk(found, GROW, c, mark);
    this.control.addSize(this.pending);
    this.pending = 0;
    this.roundTransitions += transitions;
    return this.endChunk(found, MORE, c);
  }

  // The records' area is full: the search stops as at its memory limit.
  private tooBig(): number {
    this.control.stop(StopFlag.Memory);
    return STOPPED;
  }

  // Records a chunk's findings (and stops a search that does not go on past a violation); a chunk abandoned because the
  // table must grow is expanded again once it has.
  private endChunk(found: number, step: number, c: number, mark = 0): number {
    this.roundFound |= found;
    if (found & this.ev.breaking && !this.limits.continue) this.control.stop(StopFlag.Violation);
    if (step === GROW) {
      this.roundRedo = c;
      this.records?.truncate(mark);
    }
    return step;
  }

  // Inserts the staged successors into the shared set and appends the new ones. Returns their findings; sets `full` if
  // the table passed its hard limit, and then drops the rest, which the chunk's next expansion meets again: the recent
  // filter forgets them, or it would skip them then as met (every successor of theirs it skipped as met since was in this
  // same chunk, since a batch never spans two).
  private insertStaged(n: number, hardLimit: number, skip: number): number {
    const { W, stageWords, stageHi, stageLo, recent, table, capacity, scratchWords, scratch, control } = this;
    this.full = false;
    // Every staged fingerprint's home slot is read first, in a tight loop: the reads do not depend on each other, so the
    // core has many misses to main memory in flight at once instead of one after another.
    // Recording the graph, slots are three words (the number beside the fingerprint, nearly always in the same line).
    const numbered = this.numbered;
    let touched = 0;
    if (numbered) for (let k = 0; k < n; k++) touched |= table[home(stageHi[k]!, stageLo[k]!, capacity) * 3]!;
    else for (let k = 0; k < n; k++) touched |= table[home(stageHi[k]!, stageLo[k]!, capacity) * 2]!;
    this.sink |= touched;
    let found = 0;
    for (let k = 0; k < n; k++) {
      let number = 0;
      if (numbered) {
        // Recording the graph: the successor's number, a new one (this thread's next) or the one the set holds.
        if (this.nextNumber === this.numberEnd) {
          this.nextNumber = control.claimNumbers(NUMBER_BLOCK);
          this.numberEnd = this.nextNumber + NUMBER_BLOCK;
        }
        const mine = this.nextNumber;
        const got = insertNumbered(table, capacity, stageHi[k]!, stageLo[k]!, mine);
        const id = got >= 0 ? got : ~got;
        this.recordWords[this.stageAt[k]!] = id;
        this.stageId[k] = id;
        noteNumber(recent, this.recentIds, stageHi[k]!, stageLo[k]!, id);
        if (got < 0) continue;
        this.nextNumber++;
        number = got;
      } else if (!insertFingerprint(table, capacity, stageHi[k]!, stageLo[k]!)) continue;
      const at = k * W;
      for (let w = 0; w < W; w++) scratchWords[w] = stageWords[at + w]!;
      if ((this.ev.stateBits & ~(skip | found)) !== 0) found |= this.ev.stateFindingBits(scratch, skip | found);
      if (numbered) this.labelWords[number] = this.ev.labels(scratch);
      this.append(scratchWords, number);
      // The shared size is kept within 64 insertions a thread, so no thread can fill the table.
      if (++this.pending === 64) {
        const size = control.addSize(this.pending);
        this.pending = 0;
        if (size > hardLimit) {
          this.full = true;
          for (let j = k + 1; j < n; j++) forget(recent, stageHi[j]!, stageLo[j]!);
          break;
        }
      }
    }
    // The successors met again while staged: their numbers, now known. (After a cut, the chunk is expanded again.)
    if (numbered) {
      if (!this.full) for (let j = 0; j < this.aliases; j++) this.recordWords[this.aliasAt[j]!] = this.stageId[this.aliasOf[j]!]!;
      this.aliases = 0;
    }
    return found;
  }

  private append(words: Uint32Array, number: number): void {
    if (this.filled === this.room) {
      this.room = BLOCK_STATES;
      this.seal();
    }
    const at = this.filled * this.stride;
    for (let w = 0; w < this.W; w++) this.block[at + w] = words[w]!;
    if (this.stride > this.W) this.block[at + this.W] = number;
    this.filled++;
  }

  // Moves the current block to the output and starts a fresh one.
  private seal(): void {
    this.out.push(this.blockBuffer);
    this.outCounts.push(this.filled);
    this.blockBuffer = this.newBlock();
    this.block = new Uint32Array(this.blockBuffer);
    this.filled = 0;
  }

  private newBlock(): SharedArrayBuffer {
    return (this.room === BLOCK_STATES ? this.free.pop() : undefined) ?? new SharedArrayBuffer(this.room * this.stride * 4);
  }
}

