/**
 * The level search's shared control block: the words every thread of a
 * level reads and writes with atomic operations, behind names. Layout, in
 * 32-bit words: the fingerprint set's size, the stop flag, the next state
 * number to give out and the next word of the graph's records (when the
 * graph is recorded), then per share
 * of a level one cache line (16 words, so that threads claiming from
 * different shares do not write the same line) holding the chunks claimed,
 * taken from the front (by the share's owner) and taken from the back (by the
 * others). The main thread creates it and hands its words to each worker
 * thread, which wraps them again.
 */

/** Threads a level can be shared among. */
export const MAX_THREADS = 64;
const SIZE = 0;
const STOP = 1;
const NEXT_NUMBER = 2;
const NEXT_RECORD = 3;
const LINE = 16;
const WORDS = LINE * (MAX_THREADS + 1);

/** Why a thread stopped the search (0: it has not). */
export const enum StopFlag {
  None = 0,
  Violation = 1,
  Timeout = 2,
  Memory = 3,
}

export class ControlBlock {
  /** A new block in shared memory. */
  static create(): ControlBlock {
    return new ControlBlock(new Int32Array(new SharedArrayBuffer(WORDS * 4)));
  }

  /** The block over shared words another thread created (`words` of that block). */
  constructor(readonly words: Int32Array) {}

  /** Distinct states in the fingerprint set, as the threads have added them. */
  size(): number {
    return Atomics.load(this.words, SIZE);
  }

  /** Adds `n` new states; returns the new size. */
  addSize(n: number): number {
    return Atomics.add(this.words, SIZE, n) + n;
  }

  /** Sets the size (the main thread, before any worker runs). */
  setSize(n: number): void {
    Atomics.store(this.words, SIZE, n);
  }

  /** Claims `n` consecutive state numbers (recording the graph); returns the first. */
  claimNumbers(n: number): number {
    return Atomics.add(this.words, NEXT_NUMBER, n);
  }

  /** Sets the next state number to give out (the main thread, after numbering the initial states). */
  setNextNumber(n: number): void {
    Atomics.store(this.words, NEXT_NUMBER, n);
  }

  /** Claims `n` consecutive words of the graph's records (graph/level-records.ts); returns the first. */
  claimRecords(n: number): number {
    return Atomics.add(this.words, NEXT_RECORD, n);
  }

  /** Sets the next word of the records to give out. */
  setNextRecord(n: number): void {
    Atomics.store(this.words, NEXT_RECORD, n);
  }

  /** The next state number to give out and the next word of the records: after the search, how far each went. */
  numbersGiven(): number {
    return Atomics.load(this.words, NEXT_NUMBER);
  }
  recordWordsGiven(): number {
    return Atomics.load(this.words, NEXT_RECORD);
  }

  /** Why the search was stopped, or StopFlag.None. */
  stopFlag(): StopFlag {
    return Atomics.load(this.words, STOP);
  }

  /** Stops the search for `reason`, unless another reason was set first. */
  stop(reason: StopFlag): void {
    Atomics.compareExchange(this.words, STOP, StopFlag.None, reason);
  }

  /** Clears the claim counters of `threads` shares, for a new level. */
  resetShares(threads: number): void {
    this.words.fill(0, LINE, LINE * (threads + 1));
  }

  /**
   * Claims one of the `size` chunks of share `s`: from the front for its
   * owner, from the back for the others. Returns the chunk's offset in the
   * share, or -1 when the share is exhausted.
   */
  claim(s: number, size: number, own: boolean): number {
    const at = LINE * (s + 1);
    if (Atomics.load(this.words, at) >= size || Atomics.add(this.words, at, 1) >= size) return -1;
    // Every operation here runs whichever end the chunk comes from: a thread takes from the back of another's share
    // only late in a level, and code that has not run before V8 compiles this (inlined into expandChunk) bails out.
    const o = own ? 1 : 0;
    const taken = Atomics.add(this.words, at + 2 - o, 1);
    return o === 1 ? taken : size - 1 - taken;
  }
}
