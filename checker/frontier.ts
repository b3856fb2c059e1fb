/**
 * The state queue: states discovered but not yet expanded. A FIFO queue
 * gives breadth-first search (every trace is a shortest one); a LIFO stack
 * gives depth-first search. The exploration loop is the same for both.
 */

/** A state waiting to be expanded, with its number in the fingerprint set and its depth. */
export interface FrontierEntry<S> {
  readonly state: S;
  readonly id: number;
  readonly depth: number;
}

/** A queue or stack of entries. */
export interface Frontier<S> {
  push(entry: FrontierEntry<S>): void;
  /** The next entry to expand, or undefined when empty. */
  pop(): FrontierEntry<S> | undefined;
  readonly size: number;
}

/** The search strategies. */
export type Strategy = "bfs" | "dfs";

/** A frontier for the given strategy. */
export function frontierFor<S>(strategy: Strategy): Frontier<S> {
  return strategy === "bfs" ? new Queue<S>() : new Stack<S>();
}

class Queue<S> implements Frontier<S> {
  private items: Array<FrontierEntry<S> | undefined> = [];
  private head = 0;
  push(entry: FrontierEntry<S>): void {
    this.items.push(entry);
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
  push(entry: FrontierEntry<S>): void {
    this.items.push(entry);
  }
  pop(): FrontierEntry<S> | undefined {
    return this.items.pop();
  }
  get size(): number {
    return this.items.length;
  }
}
