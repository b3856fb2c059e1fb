/**
 * The graph the sequential search recorded (search/explore.ts: the state
 * store and every transition), as a {@link RecordedGraph}.
 */
import type { Fingerprinter } from "../fingerprinter.js";
import type { StateStore } from "../search/store.js";
import { adjacency, type EdgeList, type Labels, type RecordedGraph } from "./graph.js";

export function graphFromStore<S>(
  store: StateStore,
  fingerprinter: Fingerprinter<S>,
  edges: EdgeList,
  initialIds: readonly number[],
  labels: ReadonlyMap<number, Labels>,
  constraints: number,
): RecordedGraph {
  return {
    stateCount: store.size,
    forward: adjacency(store.size, edges, constraints),
    initialIds,
    // A root's "action index" in the store is its initial state's index.
    initIndexOf: (n) => store.actionIndex(n),
    isStateNumber: (state, n) => {
      const got = fingerprinter.fingerprint(fingerprinter.normalise(state as S));
      const want = store.fingerprintOf(n);
      return got.hi === want.hi && got.lo === want.lo;
    },
    labels,
    fair: edges.mask !== null,
  };
}
