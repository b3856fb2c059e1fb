/**
 * The graph the sequential search recorded (explore.ts: the state store and
 * every transition), as a {@link RecordedGraph}.
 */
import type { StateStore } from "../store.js";
import { adjacency, type EdgeList, type RecordedGraph } from "./graph.js";

export function graphFromStore(store: StateStore, edges: EdgeList, initialIds: readonly number[], labels: ReadonlyMap<number, Uint8Array>, constraints: number): RecordedGraph {
  return {
    stateCount: store.size,
    forward: adjacency(store.size, edges, constraints),
    initialIds,
    // A root's "action index" in the store is its initial state's index.
    initIndexOf: (n) => store.actionIndex(n),
    fingerprintOf: (n) => store.fingerprintOf(n),
    labels,
    fair: edges.mask !== null,
  };
}
