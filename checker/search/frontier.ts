/**
 * The state queue: states discovered but not yet expanded. A FIFO queue
 * gives breadth-first search (every trace is a shortest one); a LIFO stack
 * gives depth-first search. The exploration loop is the same for both, and
 * for both kinds of storage: state objects, or packed words in one typed
 * array (the fast path).
 */
import type { PackedOps } from "../model.js";

/** A state waiting to be expanded, with its number in the state store and its depth. */
export interface FrontierEntry<S> {
  readonly state: S;
  readonly id: number;
  readonly depth: number;
}

/** A queue or stack of entries. */
export interface Frontier<S> {
  push(state: S, id: number, depth: number): void;
  /**
   * The next entry to expand, or undefined when empty. A packed frontier
   * reuses the entry and its state handle: they are valid until the next pop.
   */
  pop(): FrontierEntry<S> | undefined;
  readonly size: number;
}

/** The search strategies. */
export type Strategy = "bfs" | "dfs";

/** A frontier for the given strategy; packed when the model offers packed operations. */
export function frontierFor<S>(strategy: Strategy, packed?: PackedOps<S, unknown>): Frontier<S> {
  if (packed) return new PackedFrontier(strategy, packed);
  return strategy === "bfs" ? new Queue<S>() : new Stack<S>();
}

class Queue<S> implements Frontier<S> {
  private items: Array<FrontierEntry<S> | undefined> = [];
  private head = 0;
  push(state: S, id: number, depth: number): void {
    this.items.push({ state, id, depth });
  }
  pop(): FrontierEntry<S> | undefined {
    if (this.head === this.items.length) return undefined;
    const entry = this.items[this.head];
    this.items[this.head++] = undefined; // release the state to the GC
    // Compact now and then so the array does not grow without bound.
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return entry;
  }
  get size(): number {
    return this.items.length - this.head;
  }
}

class Stack<S> implements Frontier<S> {
  private items: FrontierEntry<S>[] = [];
  push(state: S, id: number, depth: number): void {
    this.items.push({ state, id, depth });
  }
  pop(): FrontierEntry<S> | undefined {
    return this.items.pop();
  }
  get size(): number {
    return this.items.length;
  }
}

// Entries of `words + 2` unsigned ints (the state's words, its number, its depth) in one growable array.
class PackedFrontier<S> implements Frontier<S> {
  private buf: Uint32Array;
  private head = 0; // first entry (queue)
  private tail = 0; // one past the last entry
  private readonly stride: number;
  private readonly current: Uint32Array;
  private readonly entry: { state: S; id: number; depth: number };

  constructor(
    private readonly strategy: Strategy,
    private readonly ops: PackedOps<S, unknown>,
  ) {
    this.stride = ops.words + 2;
    this.buf = new Uint32Array(this.stride * 1024);
    this.current = new Uint32Array(ops.words);
    this.entry = { state: ops.wrap(this.current), id: 0, depth: 0 };
  }

  push(state: S, id: number, depth: number): void {
    if (this.tail + this.stride > this.buf.length) this.makeRoom();
    const words = this.ops.wordsOf(state);
    for (let i = 0; i < words.length; i++) this.buf[this.tail + i] = words[i]!;
    this.buf[this.tail + this.stride - 2] = id;
    this.buf[this.tail + this.stride - 1] = depth;
    this.tail += this.stride;
  }

  pop(): FrontierEntry<S> | undefined {
    if (this.head === this.tail) return undefined;
    let at: number;
    if (this.strategy === "bfs") {
      at = this.head;
      this.head += this.stride;
    } else {
      this.tail -= this.stride;
      at = this.tail;
    }
    const words = this.stride - 2;
    for (let i = 0; i < words; i++) this.current[i] = this.buf[at + i]!;
    this.entry.id = this.buf[at + this.stride - 2]!;
    this.entry.depth = this.buf[at + this.stride - 1]!;
    return this.entry;
  }

  get size(): number {
    return (this.tail - this.head) / this.stride;
  }

  // Slide the live entries to the front if that frees half the array, else double it.
  private makeRoom(): void {
    const live = this.tail - this.head;
    const target = live * 2 + this.stride <= this.buf.length ? this.buf : new Uint32Array(Math.max(this.buf.length * 2, live + this.stride * 1024));
    if (target === this.buf) this.buf.copyWithin(0, this.head, this.tail);
    else target.set(this.buf.subarray(this.head, this.tail));
    this.buf = target;
    this.head = 0;
    this.tail = live;
  }
}
