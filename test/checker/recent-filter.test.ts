import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { storedHalf } from "../../checker/fingerprint-set.js";
import { metRecently, RECENT_SLOTS, recentFilter, remember } from "../../checker/recent-filter.js";

const half = fc.nat(0xffffffff).map(storedHalf);

describe("the filter of recently met fingerprints", () => {
  it("never claims a fingerprint it was not told to remember, and knows one it just remembered", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(half, half, fc.boolean()), { maxLength: 2000 }), (fps) => {
        const recent = recentFilter();
        const remembered = new Set<string>();
        for (const [hi, lo, keep] of fps) {
          const key = `${hi}:${lo}`;
          if (!remembered.has(key)) expect(metRecently(recent, hi, lo)).toBe(false);
          if (!keep) continue;
          remember(recent, hi, lo);
          remembered.add(key);
          expect(metRecently(recent, hi, lo)).toBe(true);
        }
      }),
    );
  });

  it("forgets a fingerprint when another one takes its slot", () => {
    const recent = recentFilter();
    remember(recent, 5, 7);
    expect(metRecently(recent, 5, 7)).toBe(true);
    remember(recent, 5 + RECENT_SLOTS, 7);
    expect(metRecently(recent, 5, 7)).toBe(false);
    expect(metRecently(recent, 5 + RECENT_SLOTS, 7)).toBe(true);
  });

  it("matches nothing while empty, not even the fingerprint whose halves are both 1 (what zero halves are stored as)", () => {
    expect(metRecently(recentFilter(), storedHalf(0), storedHalf(0))).toBe(false);
  });
});
