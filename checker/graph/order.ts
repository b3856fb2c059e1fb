/**
 * Depth-first passes over the recorded graph from its initial states (every
 * state is reachable from one), without recursion.
 *
 * Postorder puts every state after all its successors unless a back edge
 * leaves it (an edge to a state still on the depth-first path; a self-loop
 * is not one), so with no back edge it lists the graph sinks first: a value
 * computed from the successors' values as each state is finished is then
 * final at once. That is how the analyses decide a graph with no cycle, as a
 * protocol's graph with a counter that only grows is, in their first pass
 * ({@link SharedWalk}, which two threads can make at once; analyses.ts); and
 * with cycles, sweeps in postorder ({@link postorder}) reach their fixpoints
 * in few rounds, since most edges still go to states earlier in it.
 */
import type { GraphCore } from "./graph.js";

/** The states in postorder (sinks first when there is no back edge), in shared memory (a worker thread sweeps it too). */
export function postorder(graph: GraphCore): Uint32Array {
  const { at, words } = graph.forward;
  const n = graph.stateCount;
  // Per state: 0 not yet met, 1 on the depth-first path, 2 finished.
  const color = new Uint8Array(n);
  const order = new Uint32Array(new SharedArrayBuffer(n * 4));
  let finished = 0;
  // The depth-first path: each state and the word of its next edge to follow.
  let pathState: Uint32Array = new Uint32Array(1024);
  let pathEdge: Uint32Array = new Uint32Array(1024);
  for (const root of graph.initialIds) {
    if (color[root] !== 0) continue;
    color[root] = 1;
    let depth = 0;
    pathState[0] = root;
    pathEdge[0] = at[root]! + 1;
    while (depth >= 0) {
      const v = pathState[depth]!;
      const e = pathEdge[depth]!;
      const a = at[v]!;
      if (e <= a + words[a]!) {
        pathEdge[depth] = e + 1;
        const w = words[e]!;
        if (color[w] === 0) {
          color[w] = 1;
          if (++depth === pathState.length) {
            pathState = grow(pathState);
            pathEdge = grow(pathEdge);
          }
          pathState[depth] = w;
          pathEdge[depth] = at[w]! + 1;
        }
        continue;
      }
      color[v] = 2;
      order[finished++] = v;
      depth--;
    }
  }
  return order.subarray(0, finished);
}

function grow(a: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/**
 * The depth-first walk of the analyses' first pass (analyses.ts), which two
 * threads may make at once over one graph, each following every state's
 * edges from its own end (first to last, last to first), so that they soon
 * part. Each keeps its own depth-first path; what they share is `value`:
 * once every successor of a state s is done, the walk writes s's word there,
 * `finish(s, seen, self)` with the bit `done` set, where `seen` is the OR of
 * the successors' words (gathered on the way, so the edges are read once)
 * and `self` says whether s has an edge to itself. A walk that meets a done
 * state does not enter it (the other thread finished it), and one that meets
 * a state the other is still inside walks it itself. With no cycle, a
 * state's word depends only on its successors', so whichever thread
 * finishes it writes the same word, in one store (word and bit together: no
 * order between two stores to rely on). A cycle cannot go unseen: the first
 * of its states to be finished would have had a successor not done, which
 * only a state on the finishing thread's own path can be, and that edge is a
 * back edge.
 */
export class SharedWalk {
  /** A bit per state, set while it is on this walk's depth-first path (a state it finished is done in `value`). */
  private readonly onPath: Uint32Array;
  // The depth-first path: each state, the place of its next edge, its edges left, the OR of its successors' words so far
  // and whether it has a self-loop.
  private pathState: Uint32Array = new Uint32Array(1024);
  private pathEdge: Uint32Array = new Uint32Array(1024);
  private pathLeft: Uint32Array = new Uint32Array(1024);
  private pathSeen: Uint32Array = new Uint32Array(1024);
  private pathSelf: Uint8Array = new Uint8Array(1024);
  private depth = -1;
  /** The initial states entered so far. */
  private roots = 0;
  /** Whether an edge closed a cycle of two states or more. */
  cyclic = false;
  /** States this walk finished. */
  finished = 0;

  constructor(
    private readonly graph: GraphCore,
    private readonly value: Uint8Array | Uint16Array | Uint32Array,
    private readonly done: number,
    private readonly finish: (s: number, seen: number, self: boolean) => number,
    private readonly reverse: boolean,
  ) {
    this.onPath = new Uint32Array((graph.stateCount + 31) >>> 5);
  }

  /** Follows up to `budget` edges (a test interleaves two walks this way); true once the walk is over. */
  step(budget = Infinity): boolean {
    const { at, words } = this.graph.forward;
    const { onPath, value, done, finish } = this;
    const initial = this.graph.initialIds;
    const dir = this.reverse ? -1 : 1;
    let { depth, pathState, pathEdge, pathLeft, pathSeen, pathSelf } = this;
    let over = false;
    let finished = 0;
    for (; budget > 0; budget--) {
      if (depth < 0) {
        // The next initial state not yet done, in this walk's direction.
        let root = -1;
        while (this.roots < initial.length && root < 0) {
          const r = initial[dir < 0 ? initial.length - 1 - this.roots : this.roots]!;
          this.roots++;
          if ((value[r]! & done) === 0) root = r;
        }
        if (root < 0) {
          over = true;
          break;
        }
        onPath[root >>> 5]! |= 1 << (root & 31);
        depth = 0;
        const a = at[root]!;
        pathState[0] = root;
        pathLeft[0] = words[a]!;
        pathEdge[0] = dir < 0 ? a + words[a]! : a + 1;
        pathSeen[0] = 0;
        pathSelf[0] = 0;
        continue;
      }
      if (pathLeft[depth]! > 0) {
        pathLeft[depth]!--;
        const e = pathEdge[depth]!;
        pathEdge[depth] = e + dir;
        const w = words[e]!;
        // A self-loop first: the other thread may have finished this very state meanwhile, and the word this walk writes
        // must still count the loop.
        if (w === pathState[depth]) {
          pathSelf[depth] = 1;
          continue;
        }
        const x = value[w]!;
        if ((x & done) !== 0) {
          pathSeen[depth]! |= x;
          continue;
        }
        if (((onPath[w >>> 5]! >>> (w & 31)) & 1) === 0) {
          onPath[w >>> 5]! |= 1 << (w & 31);
          if (++depth === pathState.length) {
            pathState = grow(pathState);
            pathEdge = grow(pathEdge);
            pathLeft = grow(pathLeft);
            pathSeen = grow(pathSeen);
            const self = new Uint8Array(pathSelf.length * 2);
            self.set(pathSelf);
            pathSelf = self;
          }
          const a = at[w]!;
          pathState[depth] = w;
          pathLeft[depth] = words[a]!;
          pathEdge[depth] = dir < 0 ? a + words[a]! : a + 1;
          pathSeen[depth] = 0;
          pathSelf[depth] = 0;
        } else this.cyclic = true;
        continue;
      }
      const v = pathState[depth]!;
      const word = finish(v, pathSeen[depth]!, pathSelf[depth] === 1) | done;
      value[v] = word;
      onPath[v >>> 5]! &= ~(1 << (v & 31));
      finished++;
      if (--depth >= 0) pathSeen[depth]! |= word;
    }
    this.finished += finished;
    this.depth = depth;
    this.pathState = pathState;
    this.pathEdge = pathEdge;
    this.pathLeft = pathLeft;
    this.pathSeen = pathSeen;
    this.pathSelf = pathSelf;
    return over;
  }
}
