import { describe, expect, it } from "vitest";
import { countsAgree, printedCount } from "../../bench/counts.js";

describe("counts printed by the reference checkers", () => {
  it("reads SPIN's exact and %g counts and Rumur's", () => {
    expect(printedCount("    39090 states, stored\n", "states, stored")).toEqual({ states: 39090, within: 0 });
    // SPIN on (4,3,8,1): eight significant digits.
    expect(printedCount("1.2388855e+08 states, stored\n", "states, stored")).toEqual({ states: 123_888_550, within: 5 });
    expect(printedCount("2562126 states, 7653431 rules fired in 5.1s", "states, \\d+ rules fired")).toEqual({ states: 2_562_126, within: 0 });
    expect(printedCount("no count here", "states, stored")).toBeNull();
  });

  it("agree when exact counts are equal and rounded ones within their margin", () => {
    const exact = { states: 123_888_550, within: 0 };
    expect(countsAgree([exact, exact, { states: 123_888_550, within: 5 }])).toBe(true);
    expect(countsAgree([exact, { states: 123_888_551, within: 5 }])).toBe(true);
    expect(countsAgree([exact, { states: 123_888_600, within: 5 }])).toBe(false);
    expect(countsAgree([exact, { states: 123_888_549, within: 0 }])).toBe(false);
    // The old misreading of "1.2388855e+08" as 8 is caught.
    expect(countsAgree([exact, { states: 7, within: 0 }])).toBe(false);
  });
});
