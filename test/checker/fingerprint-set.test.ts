import fc from "fast-check";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { grownCapacity, growInPlace, hasFingerprint, home, insertFingerprint, insertNumbered, NUMBERED_SLOT, numberOf, populate, reserveTable } from "../../checker/search/levels/fingerprint-set.js";

// Low words from a small pool as often as not, so that fingerprints differing only in the high word meet on a probe path.
const lowWord = fc.oneof(fc.nat(0xffffffff), fc.constantFrom(0, 1, 7, 0xdeadbeef));
const fingerprints = fc.array(fc.tuple(fc.nat(0xffffffff), lowWord), { maxLength: 700 });

describe("the shared fingerprint set", () => {
  it("says new exactly once per fingerprint, and keeps every one through growth in place", () => {
    fc.assert(
      fc.property(fingerprints, fc.integer({ min: 2, max: 40 }), ([...fps], grow) => {
        const table = reserveTable(1 << 14);
        let capacity = 8;
        const seen = new Set<string>();
        for (const [hi, lo] of fps) {
          // A zero half is stored as 1, so (0, x) and (1, x) are one fingerprint.
          const key = `${hi || 1}:${lo || 1}`;
          const bigger = grownCapacity(capacity, seen.size + 1, 1 << 14);
          if (bigger > capacity) {
            growInPlace(table, capacity, bigger);
            capacity = bigger;
          }
          expect(insertFingerprint(table, capacity, hi, lo)).toBe(!seen.has(key));
          seen.add(key);
        }
        // An arbitrary extra growth, to a size the policy would not pick.
        growInPlace(table, capacity, capacity + grow);
        capacity += grow;
        for (const [hi, lo] of fps) expect(hasFingerprint(table, capacity, hi, lo)).toBe(true);
        let stored = 0;
        for (let s = 0; s < capacity; s++) if (table[s * 2] !== 0) stored++;
        expect(stored).toBe(seen.size);
        expect(seen.size).toBeLessThanOrEqual(capacity * 0.8 + 1);
      }),
    );
  });

  it("a numbered set gives each new fingerprint the caller's number, and that number back ever after, through growth in place", () => {
    fc.assert(
      fc.property(fingerprints, fc.integer({ min: 2, max: 40 }), ([...fps], grow) => {
        const table = reserveTable(1 << 14);
        let capacity = 8;
        const numbers = new Map<string, number>();
        for (const [hi, lo] of fps) {
          const key = `${hi || 1}:${lo || 1}`;
          const bigger = grownCapacity(capacity, numbers.size + 1, Math.floor(table.length / NUMBERED_SLOT));
          if (bigger > capacity) {
            growInPlace(table, capacity, bigger, NUMBERED_SLOT);
            capacity = bigger;
          }
          const got = insertNumbered(table, capacity, hi, lo, numbers.size);
          if (numbers.has(key)) expect(got).toBe(~numbers.get(key)!);
          else {
            expect(got).toBe(numbers.size);
            numbers.set(key, got);
          }
        }
        growInPlace(table, capacity, capacity + grow, NUMBERED_SLOT);
        capacity += grow;
        for (const [hi, lo] of fps) expect(numberOf(table, capacity, hi, lo)).toBe(numbers.get(`${hi || 1}:${lo || 1}`));
        expect(numberOf(table, capacity, 0x1234567, 0x7654321)).toBe(numbers.get(`${0x1234567}:${0x7654321}`) ?? -1);
      }),
    );
  });

  it("two fingerprints with the same home slot and low word but different high words are both new", () => {
    const capacity = 8;
    const lo = 0x1234567;
    const first = 0x89abcdef;
    // Another high word whose fingerprint has the same home slot (a few tries in a table of 8).
    let second = first + 1;
    while (home(second, lo, capacity) !== home(first, lo, capacity)) second++;
    const table = reserveTable(capacity);
    expect(insertFingerprint(table, capacity, first, lo)).toBe(true);
    expect(insertFingerprint(table, capacity, second, lo)).toBe(true);
    expect(insertFingerprint(table, capacity, first, lo)).toBe(false);
    expect(insertFingerprint(table, capacity, second, lo)).toBe(false);
    expect(hasFingerprint(table, capacity, second + 8, lo)).toBe(false);
  });

  it("writing the pages of a table (populate) changes no stored fingerprint", () => {
    fc.assert(
      fc.property(fingerprints, ([...fps]) => {
        const capacity = 4096;
        const table = reserveTable(capacity);
        for (const [hi, lo] of fps) insertFingerprint(table, capacity, hi, lo);
        const before = table.slice();
        populate(table, 0, capacity);
        expect(table).toEqual(before);
      }),
    );
  });

  it("two threads inserting the same fingerprints at once store each exactly once", async () => {
    const capacity = 200_000;
    // Worker threads run the build (npm test builds first).
    const module = new URL("../../dist/checker/search/levels/fingerprint-set.js", import.meta.url).href;
    const script = `
      const { workerData, parentPort } = require("node:worker_threads");
      import(${JSON.stringify(module)}).then(({ insertFingerprint }) => {
        const t = new Int32Array(workerData.buffer);
        // Both threads start together, so they race for the same slots.
        Atomics.add(workerData.gate, 0, 1);
        while (Atomics.load(workerData.gate, 0) < 2);
        let fresh = 0;
        for (let i = 0; i < 100000; i++) if (insertFingerprint(t, workerData.capacity, (Math.imul(i, 2654435761) >>> 0) | 1, (i * 7 + 1) >>> 0)) fresh++;
        parentPort.postMessage(fresh);
      });`;
    const race = async (): Promise<[number, number]> => {
      const table = reserveTable(1 << 18);
      const gate = new Int32Array(new SharedArrayBuffer(4));
      const run = () =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(script, { eval: true, workerData: { buffer: table.buffer, capacity, gate } });
          w.once("message", resolve);
          w.once("error", reject);
        });
      const [a, b] = await Promise.all([run(), run()]);
      return [a, b];
    };
    // A busy machine can run one thread's inserts entirely before the other's: then no race happened, and the test
    // races again (a few times at most). Every attempt must store each fingerprint exactly once.
    let raced = false;
    for (let attempt = 0; attempt < 5 && !raced; attempt++) {
      const [a, b] = await race();
      expect(a + b).toBe(100_000);
      raced = Math.min(a, b) > 0;
    }
    // Each thread stored some of them first in one attempt at least: the race really happened.
    expect(raced).toBe(true);
  });
});

