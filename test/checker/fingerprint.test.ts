/**
 * The generic path's fingerprint of a plain value hashes its structure
 * without building its canonical key; it must have exactly the key's
 * equality: equal keys, equal fingerprints, and different keys (among the
 * values drawn) different fingerprints.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalKey, fingerprintValueInto } from "../../checker/fingerprint.js";

const fp = (v: unknown) => {
  const out = fingerprintValueInto(v, { hi: 0, lo: 0 });
  return `${out.hi}:${out.lo}`;
};

// States as models write them: records, arrays, small integers, strings, booleans, null, and the odd float or bigint.
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer(), fc.double(), fc.bigInt({ min: -5n, max: 5n }), fc.constantFrom("a", "b", "", "ab"), fc.boolean(), fc.constant(null)),
  node: fc.oneof({ depthSize: "small" }, tie("leaf"), fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(fc.constantFrom("x", "y", "z"), tie("node"), { maxKeys: 3 })),
})).node;

// The value with every record key "x" renamed "y".
const renamed = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(renamed) : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k === "x" ? "y" : k, renamed(x)])) : v;

describe("the structural fingerprint of plain values", () => {
  it("is equal exactly when the canonical keys are", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (drawn) => {
        // Each value beside the same value with one record key renamed: the near misses a hash gets wrong.
        const values = drawn.flatMap((v) => [v, renamed(v)]);
        const byKey = new Map<string, string>();
        for (const v of values) {
          const key = canonicalKey(v);
          const seen = byKey.get(key);
          if (seen !== undefined) expect(fp(v)).toBe(seen);
          byKey.set(key, fp(v));
        }
        // Different keys, different fingerprints (a collision among 40 values would be a 2^-54 event).
        expect(new Set(byKey.values()).size).toBe(byKey.size);
      }),
    );
  });

  it("ignores the order of a record's keys, and keeps the conflations of canonical JSON", () => {
    expect(fp({ a: 1, b: [2, "x"] })).toBe(fp({ b: [2, "x"], a: 1 }));
    expect(fp(-0)).toBe(fp(0));
    expect(fp(Number.NaN)).toBe(fp(null));
    expect(fp(undefined)).toBe(fp(null));
    expect(fp(new Set([1, 2]))).toBe(fp(new Set([2, 1])));
    // Values that print alike in other ways are still told apart.
    expect(fp(1)).not.toBe(fp("1"));
    expect(fp(1n)).not.toBe(fp("1n"));
    expect(fp([1, [2]])).not.toBe(fp([[1], 2]));
    expect(fp({ a: "b" })).not.toBe(fp(["a", "b"]));
    expect(fp({ x: 1 })).not.toBe(fp({ y: 1 }));
    expect(fp({ x: 1, y: 2 })).not.toBe(fp({ x: 2, y: 1 }));
    expect(fp(2 ** 40)).not.toBe(fp(2 ** 40 + 1));
  });
});
