import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { storedHalf } from "../../checker/fingerprint-set.js";
import { metRecently, RECENT_SLOTS, recentFilter } from "../../checker/recent-filter.js";

const half = fc.nat(0xffffffff).map(storedHalf);

describe("the filter of recently met fingerprints", () => {
  it("never claims to have met a fingerprint it is shown for the first time, and knows one it was just shown", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(half, half), { maxLength: 2000 }), (fps) => {
        const recent = recentFilter();
        const shown = new Set<string>();
        for (const [hi, lo] of fps) {
          const key = `${hi}:${lo}`;
          const met = metRecently(recent, hi, lo);
          if (!shown.has(key)) expect(met).toBe(false);
          expect(metRecently(recent, hi, lo)).toBe(true);
          shown.add(key);
        }
      }),
    );
  });

  it("forgets a fingerprint when another one takes its slot", () => {
    const recent = recentFilter();
    expect(metRecently(recent, 5, 7)).toBe(false);
    expect(metRecently(recent, 5 + RECENT_SLOTS, 7)).toBe(false);
    expect(metRecently(recent, 5, 7)).toBe(false);
    expect(metRecently(recent, 5, 7)).toBe(true);
  });

  it("matches nothing while empty, not even the fingerprint whose halves are both 1 (what zero halves are stored as)", () => {
    expect(metRecently(recentFilter(), storedHalf(0), storedHalf(0))).toBe(false);
  });
});
