/**
 * What the analyses' breadth-first searches share (a stuck state's path, a
 * lasso's stem): a set of visited nodes a bit each, and the path back from a
 * node of the queue. A search keeps, per visit, only the node and where in
 * the queue it was reached from: the action of each step is found again on
 * the path.
 */
import type { Adjacency } from "./graph.js";

/** Numbers a chunk of a queue holds (128 KB). */
const CHUNK_BITS = 15;
const CHUNK = 1 << CHUNK_BITS;

// Memory this thread has written already and no longer needs (the level search's spent blocks), as chunks for the queues.
const spare: Uint32Array[] = [];

/**
 * Hands this thread's queues memory that was written before and is no
 * longer used (the level search's spent blocks of states, after the search):
 * at the end of a check, when memory is at its peak, the queues then take
 * pages already in memory instead of new ones. The buffers must not be
 * written by anyone else again.
 */
export function reuseForQueues(buffers: Iterable<SharedArrayBuffer>): void {
  for (const b of buffers) for (let at = 0; at + CHUNK * 4 <= b.byteLength; at += CHUNK * 4) spare.push(new Uint32Array(b, at, CHUNK));
}

/**
 * A queue of unsigned 32-bit numbers that only grows, in chunks: no copy and
 * little room unused as it grows (two run at once, one per thread, at the
 * end of a check, when memory is at its peak), each chunk a spare one when
 * there is one (reuseForQueues).
 */
export class ChunkedQueue {
  private readonly chunks: Uint32Array[] = [];
  length = 0;
  push(value: number): void {
    const c = this.length >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(spare.pop() ?? new Uint32Array(CHUNK));
    this.chunks[c]![this.length & (CHUNK - 1)] = value;
    this.length++;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & (CHUNK - 1)]!;
  }
  /** Gives the chunks back for the next queue (the queue is empty after it). */
  release(): void {
    spare.push(...this.chunks);
    this.chunks.length = 0;
    this.length = 0;
  }
}

/**
 * The path to the node at queue place `place` of a breadth-first search,
 * following each visit to the one it came from (`from`: its place + 1, 0 for
 * a start); node m is state m mod n. Each step's action is the first edge
 * from the one state to the next: the edge that reached it, since a state
 * met again is not entered again.
 */
export function pathTo(adj: Adjacency, place: number, node: ChunkedQueue, from: ChunkedQueue, n: number): { ids: number[]; actions: number[] } {
  const ids: number[] = [];
  for (let q = place; q >= 0; q = from.get(q) - 1) ids.push(node.get(q) % n);
  ids.reverse();
  const actions = ids.slice(1).map((t, i) => {
    const a = adj.at[ids[i]!]!;
    let e = a + 1;
    while (adj.words[e] !== t) e++;
    return e - a - 1;
  });
  return { ids, actions };
}

/** A set of numbers below a bound, a bit each. */
export class Bits {
  private readonly bits: Uint32Array;
  constructor(size: number) {
    this.bits = new Uint32Array(Math.ceil(size / 32));
  }
  has(m: number): boolean {
    return (this.bits[m >>> 5]! & (1 << (m & 31))) !== 0;
  }
  add(m: number): void {
    this.bits[m >>> 5] = this.bits[m >>> 5]! | (1 << (m & 31));
  }
}
