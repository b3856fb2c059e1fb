/** The analyses' queues (graph/bfs.ts): their values, in memory of their own or in spent blocks handed over. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChunkedQueue, reuseForQueues } from "../../checker/graph/bfs.js";

describe("the queues of the analyses' searches", () => {
  it("give back every number pushed, across chunks, in the memory handed over first and in their own after it", () => {
    // Two spent blocks of 192 KB (a block of 16K states of three words): one 128 KB chunk each.
    const blocks = [new SharedArrayBuffer(3 << 16), new SharedArrayBuffer(3 << 16)];
    for (const b of blocks) new Uint32Array(b).fill(0xdead);
    reuseForQueues(blocks);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150_000 }), fc.integer({ min: 0, max: 0xffffffff }), (count, seed) => {
        const a = new ChunkedQueue();
        const b = new ChunkedQueue();
        const value = (i: number) => (Math.imul(i, 2654435761) ^ seed) >>> 0;
        // Two queues filled at once, as two searches on one thread never are, but a chunk shared by both would show.
        for (let i = 0; i < count; i++) {
          a.push(value(i));
          b.push(~value(i) >>> 0);
        }
        for (let i = 0; i < count; i++) {
          if (a.get(i) !== value(i) || b.get(i) !== (~value(i) >>> 0)) return false;
        }
        expect([a.length, b.length]).toEqual([count, count]);
        a.release();
        b.release();
        // Released, they are empty; the next queues take their chunks.
        expect(a.length).toBe(0);
        return true;
      }),
      { numRuns: 20 },
    );
    // The blocks handed over held the queues' first numbers.
    const used = [...blocks].map((b) => new Uint32Array(b));
    expect(used.some((u) => u[0] !== 0xdead || u[1] !== 0xdead)).toBe(true);
  });
});
