import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { storedHalf } from "../../checker/search/levels/fingerprint-set.js";
import { forget, metRecently, noteNumber, noteStaged, RECENT_SLOTS, recentFilter, recentNumber, recentNumbers } from "../../checker/search/levels/recent-filter.js";

const half = fc.nat(0xffffffff).map(storedHalf);

describe("the filter of recently met fingerprints", () => {
  it("never claims a fingerprint it was not shown or was told to forget, and knows one it was just shown", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(half, half, fc.boolean()), { maxLength: 2000 }), (fps) => {
        const recent = recentFilter();
        const kept = new Set<string>();
        for (const [hi, lo, drop] of fps) {
          const key = `${hi}:${lo}`;
          const met = metRecently(recent, hi, lo);
          if (!kept.has(key)) expect(met).toBe(false);
          expect(metRecently(recent, hi, lo)).toBe(true);
          kept.add(key);
          if (!drop) continue;
          forget(recent, hi, lo);
          kept.delete(key);
          expect(metRecently(recent, hi, lo)).toBe(false);
          forget(recent, hi, lo);
        }
      }),
    );
  });

  it("forgets a fingerprint when another one takes its slot, and forgetting one no longer there leaves the other", () => {
    const recent = recentFilter();
    expect(metRecently(recent, 5, 7)).toBe(false);
    expect(metRecently(recent, 5 + RECENT_SLOTS, 7)).toBe(false);
    forget(recent, 5, 7);
    expect(metRecently(recent, 5 + RECENT_SLOTS, 7)).toBe(true);
    expect(metRecently(recent, 5, 7)).toBe(false);
    expect(metRecently(recent, 5, 7)).toBe(true);
  });

  it("matches nothing while empty, not even the fingerprint whose halves are both 1 (what zero halves are stored as)", () => {
    expect(metRecently(recentFilter(), storedHalf(0), storedHalf(0))).toBe(false);
  });

  it("numbering: answers a fingerprint's number, or its place among the staged, only as it was told, and after a miss knows nothing", () => {
    // Twelve fingerprints that share one slot, so that they keep taking it from each other.
    const fingerprint = fc.tuple(fc.integer({ min: 0, max: 3 }).map((k) => storedHalf(5 + k * RECENT_SLOTS)), fc.integer({ min: 1, max: 3 }).map(storedHalf));
    const op = fc.tuple(fc.constantFrom("look", "stage", "number", "forget"), fingerprint, fc.nat(1000));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const recent = recentFilter();
        const numbers = recentNumbers();
        // What the filter may know of each fingerprint: its number (>= 0), its staged place (-(k + 2)), or nothing (-1).
        const told = new Map<string, number>();
        let looked: string | null = null;
        for (const [what, [hi, lo], n] of ops) {
          const key = `${hi}:${lo}`;
          if (what === "look") {
            const got = recentNumber(recent, numbers, hi, lo);
            // It may have forgotten (another fingerprint took the slot), but never says what it was not told.
            if (got !== -1) expect(got).toBe(told.get(key));
            // Whatever it said, it now remembers the fingerprint, with nothing known after a miss.
            if (got === -1) told.set(key, -1);
            for (const other of told.keys()) if (other !== key) told.delete(other);
            looked = got === -1 ? key : null;
          } else if (what === "stage" && looked === key) {
            noteStaged(numbers, hi, n % 64);
            told.set(key, -(n % 64) - 2);
          } else if (what === "number") {
            noteNumber(recent, numbers, hi, lo, n);
            if (told.has(key)) told.set(key, n);
          } else if (what === "forget") {
            forget(recent, hi, lo);
            told.delete(key);
          }
          if (what !== "look") looked = null;
        }
      }),
    );
  });
});
