/**
 * A thread's memory of the fingerprints it met last, kept in front of the
 * shared fingerprint set (fingerprint-set.ts): a direct-mapped table of 8,192
 * fingerprints, 64 KB, which stays in the core's own L2 cache where the shared
 * set (tens of megabytes and more) does not.
 *
 * Breadth-first search meets most duplicates soon after the first copy: a
 * state's successors are interleavings of the same few steps, so two states
 * next to each other in a level share many successors. This filter answers
 * most duplicate successors (bench/README.md has the share), each of which
 * would otherwise cost a probe of the shared set, that is a miss to main
 * memory. It never answers for a new state: every fingerprint it
 * remembers, the caller inserts into the shared set (or forgets again, if it
 * gives up before), and the set never loses one, so a hit is always a
 * duplicate. A miss says nothing; the shared set decides.
 */

/**
 * Fingerprints remembered: 2^13, 8 bytes each. A bigger filter answers more
 * but no longer fits the core's L2 cache, and its own misses then cost more
 * than the probes it saves; the size is the measured best (bench/README.md).
 */
export const RECENT_SLOTS = 1 << 13;

/** An empty filter for one thread. */
export function recentFilter(): Int32Array {
  return new Int32Array(RECENT_SLOTS * 2);
}

/**
 * True if the fingerprint (hi, lo) is among those `recent` remembers; if not,
 * remembers it in place of the one in its slot, and the caller must insert it
 * into the shared set or forget it. The halves are as the shared set stores
 * them (insertFingerprint): signed and never 0, so an empty slot matches
 * nothing.
 */
export function metRecently(recent: Int32Array, hi: number, lo: number): boolean {
  const at = (hi & (RECENT_SLOTS - 1)) << 1;
  if (recent[at] === lo && recent[at + 1] === hi) return true;
  recent[at] = lo;
  recent[at + 1] = hi;
  return false;
}

/**
 * For a search that numbers its states, per slot of the filter: the number + 1
 * of the fingerprint there, once the shared set has given it; -(k + 1) while
 * it waits among the thread's staged successors at place k (see
 * {@link noteStaged}); 0 when neither.
 */
export function recentNumbers(): Int32Array {
  return new Int32Array(RECENT_SLOTS);
}

/**
 * What `recent` knows of (hi, lo): its number (0 or more); -(k + 2) when it
 * is the staged successor at place k, whose number comes when the staged ones
 * are looked up in the shared set; or -1 when it does not remember it, and it
 * then remembers it in place of its slot's fingerprint, with nothing known.
 */
export function recentNumber(recent: Int32Array, numbers: Int32Array, hi: number, lo: number): number {
  const slot = hi & (RECENT_SLOTS - 1);
  const at = slot << 1;
  if (recent[at] === lo && recent[at + 1] === hi) {
    const n = numbers[slot]!;
    if (n !== 0) return n - 1;
  }
  recent[at] = lo;
  recent[at + 1] = hi;
  numbers[slot] = 0;
  return -1;
}

/** Notes that (hi, lo), just remembered by {@link recentNumber}, is the staged successor at place k. */
export function noteStaged(numbers: Int32Array, hi: number, k: number): void {
  numbers[hi & (RECENT_SLOTS - 1)] = -(k + 1);
}

/** Records the number of (hi, lo), if `recent` still remembers it. */
export function noteNumber(recent: Int32Array, numbers: Int32Array, hi: number, lo: number, n: number): void {
  const slot = hi & (RECENT_SLOTS - 1);
  const at = slot << 1;
  if (recent[at] === lo && recent[at + 1] === hi) numbers[slot] = n + 1;
}

/** Forgets the fingerprint (hi, lo), if `recent` still remembers it: one that will not be inserted after all. */
export function forget(recent: Int32Array, hi: number, lo: number): void {
  const at = (hi & (RECENT_SLOTS - 1)) << 1;
  if (recent[at] === lo && recent[at + 1] === hi) recent[at] = recent[at + 1] = 0;
}
