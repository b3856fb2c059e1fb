/**
 * The graph the level search recorded (search/levels/parallel.ts, with a
 * property of the whole graph), as a {@link RecordedGraph}. The threads
 * wrote every state's record where the analyses read it (level-records.ts),
 * so nothing is copied: the arrays, label words included, are views of the
 * shared area, which a worker thread reads where it is.
 * Numbers a thread claimed but did not give out (the rest of its last block
 * of numbers) are holes: no record, no edge, no state.
 */
import { fingerprintWords } from "../fingerprint.js";
import { numberOf } from "../search/levels/fingerprint-set.js";
import type { Fingerprinter } from "../fingerprinter.js";
import type { PackedOps } from "../model.js";
import type { LevelGraph } from "../search/levels/parallel.js";
import type { RecordedGraph } from "./graph.js";

/** The graph, over the level search's shared memory. */
export function graphFromLevels<S, A>(g: LevelGraph, ops: PackedOps<S, A>, fingerprinter: Fingerprinter<S>): RecordedGraph {
  const n = g.numbersGiven;
  const { area } = g;
  // Each graph property's bits are read where the threads wrote the label words.
  const labels = new Map(g.properties.map((i, j) => [i, { words: area.labels.subarray(0, n), shift: 2 * j }]));
  const initIndex = new Map(g.initialIds.map((id, k) => [id, g.initIndex[k]!]));
  const fp = { hi: 0, lo: 0 };
  return {
    stateCount: n,
    forward: {
      at: area.at.subarray(0, n),
      words: new Uint32Array(area.words.buffer, 0, g.recordWords),
      mask: area.mask ? area.mask.subarray(0, g.recordWords) : null,
    },
    initialIds: g.initialIds,
    ...(area.alone ? { fairAlone: area.alone.subarray(0, n) } : {}),
    initIndexOf: (s) => initIndex.get(s)!,
    // A state replayed is the graph's state n when the set gives n for its words' fingerprint (the search's own).
    isStateNumber: (state, s) => {
      fingerprintWords(ops.wordsOf(fingerprinter.normalise(state as S)), fp);
      return numberOf(g.table, g.capacity, fp.hi, fp.lo) === s;
    },
    labels,
    fair: area.mask !== null,
  };
}
