/**
 * A worker thread of the parallel search (parallel.ts). It rebuilds the
 * model and its properties from the source it is given, then expands chunks
 * of a BFS level: for each state, every successor with its fingerprint, its
 * step-property failures, and (if the shared fingerprint table does not have
 * it yet) its state-property flags and words. Successors already in the
 * table are left out unless the main thread needs their edge.
 */
import { parentPort, workerData } from "node:worker_threads";
import { fingerprintWords } from "./fingerprint.js";
import type { Model, PackedOps } from "./model.js";
import type { Property } from "./property.js";
import { RECORD_HEADER, stateFlags, type WorkerInit } from "./parallel.js";
import { sharedHas } from "./store.js";

const init = workerData as WorkerInit;
const loading = (async () => {
  const mod = (await import(init.module)) as { workerModel(spec: unknown): Promise<{ model: Model<unknown, unknown>; properties: readonly Property[] }> };
  return mod.workerModel(init.spec);
})();

let level: Uint32Array | null = null;
let table: Uint32Array | null = null;
let mask = 0;

parentPort!.on("message", async (message: { type: "level"; words: SharedArrayBuffer; table: Uint32Array; mask: number } | { type: "chunk"; index: number; start: number; end: number }) => {
  if (message.type === "level") {
    // A private copy reads faster than shared memory in the hot loop.
    level = new Uint32Array(message.words).slice();
    table = message.table;
    mask = message.mask;
    return;
  }
  try {
    const { model, properties } = await loading;
    const result = expand(model, properties, message.start, message.end);
    // The whole buffer moves to the main thread (no copy); `length` says how much of it is records.
    parentPort!.postMessage({ index: message.index, records: result.records.buffer, length: result.length, counts: result.counts }, [
      result.records.buffer as ArrayBuffer,
      result.counts.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    parentPort!.postMessage({ index: message.index, error: (error as Error).message ?? String(error) });
  }
});

function expand(model: Model<unknown, unknown>, properties: readonly Property[], start: number, end: number): { records: Uint32Array; length: number; counts: Uint32Array } {
  const ops = model.packed as PackedOps<unknown, unknown>;
  const W = ops.words;
  const stride = RECORD_HEADER + W;
  const current = new Uint32Array(W);
  const scratchWords = new Uint32Array(W);
  const state = ops.wrap(current);
  const scratch = ops.wrap(scratchWords);
  const actions: unknown[] = [];
  const fp = { hi: 0, lo: 0 };
  const counts = new Uint32Array(end - start);
  const seen = new ChunkSet((end - start) * 2);
  let records = new Uint32Array(Math.max(64, (end - start) * 2) * stride);
  let n = 0;
  for (let pos = start; pos < end; pos++) {
    for (let w = 0; w < W; w++) current[w] = level![pos * W + w]!;
    const count = ops.actionsInto(state, actions);
    counts[pos - start] = count;
    for (let k = 0; k < count; k++) {
      const action = actions[k];
      for (let w = 0; w < W; w++) scratchWords[w] = current[w]!;
      ops.nextInto(state, action, scratch);
      let stepFlags = 0;
      for (let i = 0; i < properties.length; i++) {
        const p = properties[i]!;
        if (p.kind === "step" && !p.holds(state, action, scratch)) stepFlags |= 1 << i;
      }
      if (init.symmetry) ops.canonicalizeInPlace!(scratch);
      fingerprintWords(scratchWords, fp);
      const visited = sharedHas(table!, mask, fp.hi, fp.lo);
      if (visited && stepFlags === 0 && !init.allEdges) continue;
      // A successor seen earlier in this chunk is, in sequential order, already stored: leave it out too.
      if (!visited && !seen.add(fp.hi, fp.lo) && stepFlags === 0 && !init.allEdges) continue;
      const flags = visited ? 0 : stateFlags(properties, scratch);
      if ((n + 1) * stride > records.length) {
        const bigger = new Uint32Array(records.length * 2);
        bigger.set(records);
        records = bigger;
      }
      const at = n * stride;
      records[at] = pos;
      records[at + 1] = k;
      records[at + 2] = fp.hi;
      records[at + 3] = fp.lo;
      records[at + 4] = flags;
      records[at + 5] = stepFlags;
      records[at + 6] = visited ? 1 : 0;
      for (let w = 0; w < W; w++) records[at + RECORD_HEADER + w] = scratchWords[w]!;
      n++;
    }
  }
  return { records, length: n * stride, counts };
}

// Fingerprints seen in one chunk: open addressing (used flag, hi, lo), sized for the chunk.
class ChunkSet {
  private readonly table: Uint32Array;
  private readonly mask: number;
  constructor(expected: number) {
    const slots = 1 << Math.ceil(Math.log2(Math.max(64, expected * 1.5)));
    this.table = new Uint32Array(slots * 3);
    this.mask = slots - 1;
  }
  /** Adds a fingerprint; false if it was already there. When full, says true (keeping the record is always safe). */
  add(hi: number, lo: number): boolean {
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (let probes = 0; probes <= this.mask; probes++) {
      const at = slot * 3;
      if (this.table[at] === 0) {
        this.table[at] = 1;
        this.table[at + 1] = hi;
        this.table[at + 2] = lo;
        return true;
      }
      if (this.table[at + 1] === hi && this.table[at + 2] === lo) return false;
      slot = (slot + 1) & this.mask;
    }
    return true;
  }
}
