/**
 * The fingerprint set: every distinct state seen, as a 64-bit fingerprint
 * with a link to its parent state and the index of the action that reached
 * it. States themselves are never kept; traces are rebuilt by replaying the
 * model along the links (see trace.ts), as Stateright and TLC do.
 *
 * Layout: states are numbered 0, 1, 2, ... in discovery order; per state the
 * fingerprint halves, parent number and action index sit in typed arrays at
 * that number. An open-addressing table (linear probing, load <= 1/2) maps a
 * fingerprint to its state number. About 22-30 bytes a state, in a handful of
 * large arrays, against ~100 bytes an entry and a 2^24-entry ceiling for a
 * JS Set of strings.
 */

/** Parent link of an initial state. */
export const NO_PARENT = 0xffffffff;
/** Largest action index a link can record. */
export const MAX_ACTION_INDEX = 0xffff;

/** A growable table from fingerprints to numbered states with parent links. */
export class FingerprintStore {
  private fpHi: Uint32Array;
  private fpLo: Uint32Array;
  private parents: Uint32Array;
  private actionIndices: Uint16Array;
  private slots: Uint32Array;
  private mask: number;
  /** Number of distinct states stored. */
  size = 0;

  constructor(initialCapacity = 1 << 12) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.fpHi = new Uint32Array(cap);
    this.fpLo = new Uint32Array(cap);
    this.parents = new Uint32Array(cap);
    this.actionIndices = new Uint16Array(cap);
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap * 2 - 1;
  }

  /**
   * Adds a fingerprint. Returns the new state's number (>= 0) if it was not
   * there, or `~n` (< 0) where `n` is the number of the state already stored.
   */
  add(hi: number, lo: number, parent: number, actionIndex: number): number {
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const n = entry - 1;
      if (this.fpLo[n] === lo && this.fpHi[n] === hi) return ~n;
      slot = (slot + 1) & this.mask;
    }
    const n = this.size;
    if (n === this.fpHi.length) {
      this.grow();
      return this.add(hi, lo, parent, actionIndex);
    }
    this.slots[slot] = n + 1;
    this.fpHi[n] = hi;
    this.fpLo[n] = lo;
    this.parents[n] = parent;
    this.actionIndices[n] = actionIndex;
    this.size = n + 1;
    return n;
  }

  /** The number of the stored state with this fingerprint, or -1. */
  find(hi: number, lo: number): number {
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const n = entry - 1;
      if (this.fpLo[n] === lo && this.fpHi[n] === hi) return n;
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
    return { hi: this.fpHi[n]!, lo: this.fpLo[n]! };
  }

  /** The chain of state numbers from an initial state to `n`, inclusive. */
  pathTo(n: number): number[] {
    const path: number[] = [];
    for (let m = n; m !== NO_PARENT; m = this.parents[m]!) path.push(m);
    return path.reverse();
  }

  /** Bytes held by the store's arrays. */
  get bytes(): number {
    return this.fpHi.byteLength + this.fpLo.byteLength + this.parents.byteLength + this.actionIndices.byteLength + this.slots.byteLength;
  }

  private grow(): void {
    const cap = this.fpHi.length * 2;
    this.fpHi = extend(this.fpHi, new Uint32Array(cap));
    this.fpLo = extend(this.fpLo, new Uint32Array(cap));
    this.parents = extend(this.parents, new Uint32Array(cap));
    this.actionIndices = extend(this.actionIndices, new Uint16Array(cap));
    // Rehash: slot positions depend on the mask.
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap * 2 - 1;
    for (let n = 0; n < this.size; n++) {
      let slot = (this.fpLo[n]! ^ Math.imul(this.fpHi[n]!, 0x9e3779b1)) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = n + 1;
    }
  }
}

function extend<T extends Uint32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
