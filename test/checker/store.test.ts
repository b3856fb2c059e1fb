import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalKey, fingerprint } from "../../checker/fingerprint.js";
import { StateStore, NO_PARENT } from "../../checker/search/store.js";

describe("StateStore", () => {
  it("numbers fingerprints in insertion order and finds them again across growth", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(0xffffffff), fc.nat(0xffffffff)), { maxLength: 3000 }), (fps) => {
        const store = new StateStore(16);
        const first = new Map<string, number>();
        fps.forEach(([hi, lo], i) => {
          const key = `${hi}:${lo}`;
          const r = store.add(hi, lo, i === 0 ? NO_PARENT : 0, i % 7);
          if (first.has(key)) expect(r).toBe(~first.get(key)!);
          else {
            expect(r).toBe(first.size);
            first.set(key, r);
          }
        });
        expect(store.size).toBe(first.size);
        for (const [key, n] of first) {
          const [hi, lo] = key.split(":").map(Number) as [number, number];
          expect(store.find(hi, lo)).toBe(n);
          expect(store.fingerprintOf(n)).toEqual({ hi, lo });
        }
      }),
    );
  });

  it("follows parent links back to an initial state", () => {
    const store = new StateStore();
    const a = store.add(1, 1, NO_PARENT, 0);
    const b = store.add(2, 2, a, 3);
    const c = store.add(3, 3, b, 1);
    expect(store.pathTo(c)).toEqual([a, b, c]);
    expect([store.actionIndex(b), store.actionIndex(c)]).toEqual([3, 1]);
  });
});

describe("fingerprints", () => {
  it("do not collide on 200,000 distinct small keys", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      const fp = fingerprint(`${i % 97}|${i}|${i >> 3},${i & 7}|`);
      seen.add(`${fp.hi}:${fp.lo}`);
    }
    expect(seen.size).toBe(200_000);
  });

  it("canonical keys ignore object key order but not values", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (d) => {
        const reversed = Object.fromEntries(Object.entries(d).reverse());
        expect(canonicalKey(reversed)).toBe(canonicalKey(d));
      }),
    );
    expect(canonicalKey({ a: 1, b: [1, 2] })).not.toBe(canonicalKey({ a: 1, b: [2, 1] }));
  });
});
