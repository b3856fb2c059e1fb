/**
 * The state store of the sequential search: every distinct state seen, as a
 * 64-bit fingerprint with a link to its parent state and the index of the
 * action that reached it. States themselves are never kept; traces are rebuilt by replaying the
 * model along the links (see trace.ts), as Stateright and TLC do.
 *
 * Layout: an open-addressing table (linear probing, load <= 3/4) whose slots
 * hold the fingerprint and the state's number side by side, so a lookup
 * touches one cache line; states are numbered 0, 1, 2, ... in discovery
 * order, and per state number typed arrays hold the parent's number, the
 * action index and the state's slot (for its fingerprint). Between 26 and 52
 * bytes a state, in a handful of large arrays, against ~100 bytes an entry
 * and a 2^24-entry ceiling for a JS Set of strings.
 */

/** Parent link of an initial state. */
export const NO_PARENT = 0xffffffff;
/** Largest action index a link can record. */
export const MAX_ACTION_INDEX = 0xffff;

/** A growable table from fingerprints to numbered states with parent links. */
export class StateStore {
  /** Three words a slot: fingerprint high, low, state number + 1 (0: empty). */
  private table: Uint32Array;
  private mask: number;
  private parents: Uint32Array;
  private actionIndices: Uint16Array;
  private slotOf: Uint32Array;
  /** Number of distinct states stored. */
  size = 0;

  constructor(initialCapacity = 1 << 12) {
    const slots = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity * 2)));
    this.table = new Uint32Array(slots * 3);
    this.mask = slots - 1;
    const perState = (slots * 3) >>> 2;
    this.parents = new Uint32Array(perState);
    this.actionIndices = new Uint16Array(perState);
    this.slotOf = new Uint32Array(perState);
  }

  /**
   * Adds a fingerprint. Returns the new state's number (>= 0) if it was not
   * there, or `~n` (< 0) where `n` is the number of the state already stored.
   */
  add(hi: number, lo: number, parent: number, actionIndex: number): number {
    const t = this.table;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = slot * 3;
      const entry = t[at + 2]!;
      if (entry === 0) break;
      if (t[at + 1] === lo && t[at] === hi) return ~(entry - 1);
      slot = (slot + 1) & this.mask;
    }
    const n = this.size;
    if (n === this.parents.length) {
      this.grow();
      return this.add(hi, lo, parent, actionIndex);
    }
    const at = slot * 3;
    t[at] = hi;
    t[at + 1] = lo;
    t[at + 2] = n + 1;
    this.parents[n] = parent;
    this.actionIndices[n] = actionIndex;
    this.slotOf[n] = slot;
    this.size = n + 1;
    return n;
  }

  /** The number of the stored state with this fingerprint, or -1. */
  find(hi: number, lo: number): number {
    const t = this.table;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = slot * 3;
      const entry = t[at + 2]!;
      if (entry === 0) return -1;
      if (t[at + 1] === lo && t[at] === hi) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Parent state number of state `n` ({@link NO_PARENT} for an initial state). */
  parent(n: number): number {
    return this.parents[n]!;
  }

  /** Index of the action (or of the initial state) that first reached state `n`. */
  actionIndex(n: number): number {
    return this.actionIndices[n]!;
  }

  /** Fingerprint halves of state `n`. */
  fingerprintOf(n: number): { hi: number; lo: number } {
    const at = this.slotOf[n]! * 3;
    return { hi: this.table[at]!, lo: this.table[at + 1]! };
  }

  /** The chain of state numbers from an initial state to `n`, inclusive. */
  pathTo(n: number): number[] {
    const path: number[] = [];
    for (let m = n; m !== NO_PARENT; m = this.parents[m]!) path.push(m);
    return path.reverse();
  }

  /** Bytes held by the store's arrays. */
  get bytes(): number {
    return this.table.byteLength + this.parents.byteLength + this.actionIndices.byteLength + this.slotOf.byteLength;
  }

  // Double the table (keeping the load at most 3/4) and the per-state arrays, rehashing every slot.
  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const t = new Uint32Array(slots * 3);
    this.mask = slots - 1;
    for (let at = 0; at < old.length; at += 3) {
      const entry = old[at + 2]!;
      if (entry === 0) continue;
      const hi = old[at]!;
      const lo = old[at + 1]!;
      let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
      while (t[slot * 3 + 2] !== 0) slot = (slot + 1) & this.mask;
      t[slot * 3] = hi;
      t[slot * 3 + 1] = lo;
      t[slot * 3 + 2] = entry;
      this.slotOf[entry - 1] = slot;
    }
    this.table = t;
    const perState = (slots * 3) >>> 2;
    this.parents = extend(this.parents, new Uint32Array(perState));
    this.actionIndices = extend(this.actionIndices, new Uint16Array(perState));
    this.slotOf = extend(this.slotOf, new Uint32Array(perState));
  }
}

function extend<T extends Uint32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
