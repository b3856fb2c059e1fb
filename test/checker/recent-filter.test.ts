import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { storedHalf } from "../../checker/fingerprint-set.js";
import { forget, metRecently, RECENT_SLOTS, recentFilter } from "../../checker/recent-filter.js";

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
});
