/**
 * The visited set of the level-synchronous search (parallel.ts): 64-bit
 * fingerprints and nothing else, 8 bytes a slot, in one block of shared
 * memory that every worker thread inserts into without locks. A search that
 * records the graph numbers its states, each number in its fingerprint's
 * slot (12 bytes a slot: insertNumbered).
 *
 * - Linear probing from a home slot chosen by multiply-and-shift over the
 *   current capacity ("fastrange"), so the capacity need not be a power of
 *   two and the table grows by half (not double) when it is 80% full: past
 *   64 MB the load stays between 53% and 80%, that is 10 to 15 bytes a
 *   distinct state. Smaller tables quadruple, to rehash less often.
 * - The whole address range is reserved up front (pages the table never
 *   touches cost no memory) and the table grows in place, so growing never
 *   holds an old and a new copy at once.
 * - A slot is claimed with a compare-and-swap on its low word, then its high
 *   word is written; a reader that sees a matching low word waits for the
 *   high word. A slot never changes once written, except when the main thread
 *   grows the table while every worker is idle.
 * - Parent links are not stored: a trace is rebuilt afterwards by a second
 *   search bounded to the violation's depth (see parallel.ts), as TLC rebuilds
 *   its traces from a file rather than from the fingerprint set.
 *
 * Both halves of a stored fingerprint are non-zero (0 marks an empty slot): a
 * zero half is stored as 1, so two halves match with probability
 * 2^-32 (1 + 2^-31) instead of 2^-32 (README, "Fingerprint collisions").
 */

/** Load at which the table grows between chunks of work. */
export const GROW_AT = 0.8;
/** Load at which a worker abandons the chunk it is expanding so the table can grow first. */
export const HARD_LIMIT = 0.9;
/** Growth factor: from 80% full to 53% full. */
export const GROWTH = 1.5;
/** Below this many slots (64 MB) the table quadruples instead: fewer rehashes while memory does not matter yet. */
export const SMALL_TABLE = 1 << 23;
/**
 * First capacity, in slots: 32 MB, room for 3.3 million states. Growing stops
 * every thread while one moves the fingerprints, so the first table is sized
 * for the configurations a check usually meets rather than for the smallest.
 */
export const INITIAL_SLOTS = 1 << 22;

/**
 * Slots a search on this thread alone starts with (2 MB): every page of the set
 * is written before use, and a small check (the gate's configurations, tens of
 * thousands of states) would spend more on writing 32 MB of pages than on its
 * search; a large one doubles its way up at a small fraction of its time.
 */
export const INITIAL_SLOTS_ALONE = 1 << 18;

/**
 * Reserves room for `maxSlots` slots of 8 bytes. Untouched pages are not resident.
 *
 * The words are signed: Node's V8 (64-bit, without pointer compression) holds
 * every signed 32-bit integer as a small integer, so the atomic operations take
 * and return them unboxed. Unsigned words past 2^31 were boxed on every call,
 * and an optimized caller that had only ever seen small integers come back
 * bailed out the first time another thread's fingerprint did.
 */
export function reserveTable(maxSlots: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(maxSlots * 8));
}

/**
 * Writes to every page of slots [from, to), so that the kernel gives each one
 * its own zeroed page now. A page first read and only then written (a lookup
 * that finds it empty, then an insert) is mapped to the shared zero page and
 * later copied on write, which must flush that page from every core running
 * the search: on two threads, one interrupt to the other core per 4 KB of
 * table, thousands in all, each a round trip between virtual CPUs.
 */
export function populate(table: Int32Array, from: number, to: number, slotWords = 2): void {
  populateWords(table, from * slotWords, to * slotWords);
}

/** The same over words [from, to) of the table. */
export function populateWords(table: Int32Array, from: number, to: number): void {
  // 1024 words: 4 KB, the smallest page size. A compare-and-swap of 0 for 0 writes the page but never changes a stored
  // fingerprint, so a worker thread can populate the table while the search already inserts into it.
  for (let i = from - (from % 1024); i < Math.min(to, table.length); i += 1024) Atomics.compareExchange(table, i, 0, 0);
}

/** The most slots a table may have: as many as fit in physical memory, and fewer than 2^31 (a typed array's limit). */
export function maxSlotsFor(totalMemoryBytes: number): number {
  return Math.min(2 ** 31 - 1, Math.floor(totalMemoryBytes / 8));
}

/** Half of a fingerprint as the table stores it: a signed 32-bit integer (the way the table gives it back), 1 for 0. */
export function storedHalf(half: number): number {
  return half | 0 || 1;
}

/** Home slot of a fingerprint in a table of `capacity` slots. */
export function home(hi: number, lo: number, capacity: number): number {
  const mixed = (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
  const slot = Math.floor((mixed * capacity) / 4294967296);
  return slot < capacity ? slot : capacity - 1;
}

/**
 * Adds a fingerprint to the table; true if it was not there. Safe to call from
 * several threads at once on the same table.
 */
export function insertFingerprint(table: Int32Array, capacity: number, hi: number, lo: number): boolean {
  hi = storedHalf(hi);
  lo = storedHalf(lo);
  let slot = home(hi, lo, capacity);
  for (;;) {
    const at = slot * 2;
    let low = table[at]!;
    if (low === 0) {
      low = Atomics.compareExchange(table, at, 0, lo);
      if (low === 0) {
        Atomics.store(table, at + 1, hi);
        return true;
      }
    }
    if (low === lo) {
      // Claimed by another thread a moment ago: its high word follows the low one.
      let high = table[at + 1]!;
      while (high === 0) high = Atomics.load(table, at + 1);
      if (high === hi) return false;
    }
    slot = slot + 1 === capacity ? 0 : slot + 1;
  }
}

/**
 * Words a slot takes in a table that numbers its states (a search that records
 * the graph): the fingerprint's two halves, then the state's number + 1 (0:
 * not yet written), in the same cache line as the fingerprint nearly always,
 * so that a lookup that misses in the cache misses once.
 */
export const NUMBERED_SLOT = 3;

/**
 * Adds a fingerprint and its state's number to a numbered table (slots of
 * {@link NUMBERED_SLOT} words). Returns `id` when the fingerprint was new (the
 * caller's number for it), else `~n` for the number `n` the set already holds
 * (waiting for it while the thread that inserted it a moment ago writes it).
 * The probe is insertFingerprint's, written again rather than shared: that
 * one is the search's hottest loop, and a parameter for the slot's size in it
 * costs every search that records no graph.
 */
export function insertNumbered(table: Int32Array, capacity: number, hi: number, lo: number, id: number): number {
  hi = storedHalf(hi);
  lo = storedHalf(lo);
  let slot = home(hi, lo, capacity);
  for (;;) {
    const at = slot * 3;
    let low = table[at]!;
    if (low === 0) {
      low = Atomics.compareExchange(table, at, 0, lo);
      if (low === 0) {
        Atomics.store(table, at + 1, hi);
        Atomics.store(table, at + 2, id + 1);
        return id;
      }
    }
    if (low === lo) {
      let high = table[at + 1]!;
      while (high === 0) high = Atomics.load(table, at + 1);
      if (high === hi) {
        let n = table[at + 2]!;
        while (n === 0) n = Atomics.load(table, at + 2);
        return ~(n - 1);
      }
    }
    slot = slot + 1 === capacity ? 0 : slot + 1;
  }
}

/**
 * Runs the duplicate path of {@link insertFingerprint} on a scratch table, so
 * that it has type feedback before V8 optimizes the search loop that inlines
 * it. Early in a search nearly every duplicate is answered before the table
 * (recent-filter.ts) and the table is nearly empty, so that path may not have
 * run yet; code that has never run compiles to a bail-out, and the first real
 * duplicate would throw the whole compiled loop away. V8 records feedback
 * only once a function has run a little, so search threads call this at the
 * start of every round, not once.
 */
export function primeInsertFingerprint(): void {
  const scratch = new Int32Array(2);
  insertFingerprint(scratch, 1, 1, 1);
  insertFingerprint(scratch, 1, 1, 1);
}

/** True if the fingerprint is in the table (single-threaded use: tests and checks). */
export function hasFingerprint(table: Int32Array, capacity: number, hi: number, lo: number): boolean {
  hi = storedHalf(hi);
  lo = storedHalf(lo);
  let slot = home(hi, lo, capacity);
  for (;;) {
    const at = slot * 2;
    if (table[at] === 0) return false;
    if (table[at] === lo && table[at + 1] === hi) return true;
    slot = slot + 1 === capacity ? 0 : slot + 1;
  }
}

/**
 * Grows the table from `from` to `to` slots in place (no thread may be using
 * it). Every stored fingerprint is moved to its slot for the new capacity,
 * with its number in a numbered table (`slotWords` 3); a fingerprint that
 * lands on one not yet moved takes its place and the evicted one is placed
 * next. A bit per slot marks the moved ones, so the only extra memory is
 * `to / 8` bytes.
 */
export function growInPlace(table: Int32Array, from: number, to: number, slotWords = 2): void {
  const moved = new Uint32Array(Math.ceil(to / 32));
  const isMoved = (s: number) => (moved[s >>> 5]! & (1 << (s & 31))) !== 0;
  const numbered = slotWords === 3;
  // From the top down: a fingerprint's new slot is about its old one times to/from, in the part already done, so the
  // writes run nearly in order through memory and rarely evict anything.
  for (let i = from - 1; i >= 0; i--) {
    const at = i * slotWords;
    if (table[at] === 0 || isMoved(i)) continue;
    let lo = table[at]!;
    let hi = table[at + 1]!;
    let number = numbered ? table[at + 2]! : 0;
    table[at] = 0;
    table[at + 1] = 0;
    if (numbered) table[at + 2] = 0;
    for (;;) {
      let slot = home(hi, lo, to);
      while (table[slot * slotWords] !== 0 && isMoved(slot)) slot = slot + 1 === to ? 0 : slot + 1;
      const w = slot * slotWords;
      const evictedLo = table[w]!;
      const evictedHi = table[w + 1]!;
      const evictedNumber = numbered ? table[w + 2]! : 0;
      table[w] = lo;
      table[w + 1] = hi;
      if (numbered) table[w + 2] = number;
      moved[slot >>> 5] = moved[slot >>> 5]! | (1 << (slot & 31));
      if (evictedLo === 0) break;
      lo = evictedLo;
      hi = evictedHi;
      number = evictedNumber;
    }
  }
}

/** The capacity to grow to from `capacity` when `size` fingerprints are stored, or 0 if none is needed. */
export function grownCapacity(capacity: number, size: number, maxSlots: number): number {
  if (size <= capacity * GROW_AT) return 0;
  const factor = capacity < SMALL_TABLE ? 4 : GROWTH;
  return Math.min(maxSlots, Math.ceil(Math.max(capacity * factor, size / (GROW_AT / GROWTH))));
}

/**
 * The number of a fingerprint's state in a numbered table (insertNumbered),
 * or -1 when the fingerprint is not there (single-threaded use, after the
 * search: traces).
 */
export function numberOf(table: Int32Array, capacity: number, hi: number, lo: number): number {
  hi = storedHalf(hi);
  lo = storedHalf(lo);
  let slot = home(hi, lo, capacity);
  for (;;) {
    const at = slot * 3;
    if (table[at] === 0) return -1;
    if (table[at] === lo && table[at + 1] === hi) return table[at + 2]! - 1;
    slot = slot + 1 === capacity ? 0 : slot + 1;
  }
}
