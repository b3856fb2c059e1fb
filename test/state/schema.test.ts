/**
 * The state schema: handles read and write exactly the values the plain form
 * holds, for random schemas and values; symmetry reduction keeps exactly one
 * state per permutation class; bad values and schemas are refused with the
 * field named.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { array, bool, declareState, enumeration, index, int, map, range, record, set, type Fields, type Type } from "../../checker/state/index.js";

// Random schemas: scalars, arrays, maps and sets over a few ranges, records, nested two deep.
const ranges = [range("A", 3), range("B", 5), range("C", 1), range("D", 33)];
const scalarArb: fc.Arbitrary<Type> = fc.oneof(
  fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 300 })).map(([min, span]) => int(min, min + span)),
  fc.constant(bool()),
  fc.integer({ min: 1, max: 5 }).map((n) => enumeration(...Array.from({ length: n }, (_, i) => `v${i}`))),
  fc.constantFrom(...ranges).map(index),
);
const typeArb: fc.Arbitrary<Type> = fc.letrec<{ type: Type }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalarArb,
    fc.tuple(fc.integer({ min: 0, max: 4 }), tie("type")).map(([n, t]) => array(n, t)),
    fc.tuple(fc.constantFrom(...ranges), tie("type")).map(([r, t]) => map(r, t)),
    fc.constantFrom(...ranges).map(set),
    fc.dictionary(fc.constantFrom("a", "b", "c", "d"), tie("type"), { minKeys: 1, maxKeys: 3 }).map((f) => record(f)),
  ),
})).type;
const fieldsArb: fc.Arbitrary<Fields> = fc.dictionary(fc.constantFrom("x", "y", "z", "u", "v"), typeArb, { minKeys: 1, maxKeys: 4 });

/** A random plain value of `t`. */
function valueArb(t: Type): fc.Arbitrary<unknown> {
  switch (t.kind) {
    case "int":
      return fc.integer({ min: t.min, max: t.max });
    case "bool":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...t.values);
    case "index":
      return fc.nat(t.range.size - 1);
    case "set":
      return fc.uniqueArray(fc.nat(t.range.size - 1)).map((xs) => [...xs].sort((a, b) => a - b));
    case "array":
      return fc.tuple(...Array.from({ length: t.length }, () => valueArb(t.element)));
    case "record":
      return fc.record(Object.fromEntries(Object.entries(t.fields).map(([k, f]) => [k, valueArb(f)])));
  }
}
const stateArb = fieldsArb.chain((fields) => fc.tuple(fc.constant(fields), valueArb(record(fields)) as fc.Arbitrary<Record<string, unknown>>));

/** Reads the plain value of `t` through a handle's view `v` (the handle API, not the plain form). */
function read(t: Type, v: any): unknown {
  switch (t.kind) {
    case "set":
      return Array.from({ length: t.range.size }, (_, i) => i).filter((i) => v.has(i));
    case "array":
      return Array.from({ length: t.length }, (_, i) => (isScalar(t.element) ? v.get(i) : read(t.element, v.at(i))));
    case "record":
      return Object.fromEntries(Object.entries(t.fields).map(([k, f]) => [k, isScalar(f) ? v[k] : read(f, v[k])]));
    default:
      throw new Error("scalars are read by their container");
  }
}

/** Writes the plain value `p` of `t` through the handle's view `v`. */
function write(t: Type, v: any, p: any): void {
  switch (t.kind) {
    case "set":
      v.clear();
      for (const i of p) v.add(i);
      return;
    case "array":
      p.forEach((x: unknown, i: number) => (isScalar(t.element) ? v.set(i, x) : write(t.element, v.at(i), x)));
      return;
    case "record":
      for (const [k, f] of Object.entries(t.fields)) isScalar(f) ? (v[k] = p[k]) : write(f, v[k], p[k]);
      return;
    default:
      throw new Error("scalars are written by their container");
  }
}
const isScalar = (t: Type) => t.kind === "int" || t.kind === "bool" || t.kind === "enum" || t.kind === "index";

describe("the state schema", () => {
  it("a handle reads the values written from the plain form, and the plain form what the handle wrote", () => {
    fc.assert(
      fc.property(stateArb, stateArb, ([fields, value], [, other]) => {
        const T = declareState(fields);
        const s = T.fromPlain(value as never);
        expect(read(record(fields), s)).toEqual(value);
        expect(T.plain(s)).toEqual(value);
        // ITF round trip.
        expect(T.plain(T.fromItf(JSON.parse(JSON.stringify(T.itf(s)))))).toEqual(value);
        // Writing every field through the handle, in declaration order, leaves exactly the written value.
        const t = T.create();
        write(record(fields), t, value);
        expect(Array.from(t.w)).toEqual(Array.from(s.w));
        void other;
      }),
    );
  });

  it("fields do not overlap: writing one field changes no other", () => {
    fc.assert(
      fc.property(stateArb.chain(([f, v]) => fc.tuple(fc.constant(f), fc.constant(v), valueArb(record(f)) as fc.Arbitrary<Record<string, unknown>>)), ([fields, a, b]) => {
        const T = declareState(fields);
        for (const name of Object.keys(fields)) {
          const s = T.fromPlain(a as never);
          const t = fields[name]!;
          if (isScalar(t)) (s as any)[name] = b[name];
          else write(t, (s as any)[name], b[name]);
          expect(T.plain(s)).toEqual({ ...a, [name]: b[name] });
        }
      }),
    );
  });

  it("a value out of its type is an error naming the field, not a silent wrap", () => {
    const T = declareState({ n: int(1, 5), phase: enumeration("idle", "busy"), on: bool(), xs: map(range("R", 2), int(0, 3)), s: set(range("R", 2)) });
    const s = T.create();
    expect(() => (s.n = 6)).toThrow(/n is an integer from 1 to 5; got 6/);
    expect(() => (s.n = 2.5)).toThrow(/got 2.5/);
    expect(() => ((s as any).phase = "done")).toThrow(/phase is one of idle, busy; got done/);
    expect(() => ((s as any).on = 1)).toThrow(/a boolean/);
    expect(() => s.xs.set(2, 0)).toThrow(/R index 2 is out of range 0..1/);
    expect(() => s.s.add(-1)).toThrow(/R index -1 is out of range/);
    expect(() => T.fromPlain({ n: 0, phase: "idle", on: false, xs: [0, 0], s: [] })).toThrow(/^n should be an integer from 1 to 5; got 0/);
    expect(() => T.fromPlain({ n: 1, phase: "idle", on: false, xs: [0], s: [] } as never)).toThrow(/xs should be a list of 2 values/);
    expect(() => declareState({ w: bool() })).toThrow(/reserved/);
    // A symmetric index stored as a value, or two symmetric ranges on one path, cannot be canonicalised by sorting.
    const P = range("P", 3, { symmetric: true });
    const Q = range("Q", 2, { symmetric: true });
    expect(() => declareState({ owner: index(P), at: map(P, bool()) })).toThrow(/holds an index of the symmetric range P as a value/);
    expect(() => declareState({ m: map(P, set(Q)) })).toThrow(/symmetric ranges P and Q at once/);
  });

  it("a misspelt field does not compile", () => {
    const T = declareState({ latest: int(1, 4), active: map(range("N", 2), int(1, 4)) });
    const s = T.create();
    // @ts-expect-error: `lastest` is not a field (tsc fails on this file if it compiled).
    void s.lastest;
    // @ts-expect-error: `active` is a map: get(i), not a number.
    s.active = 3;
    expect(s.latest).toBe(1);
  });
});

describe("symmetry reduction from the schema", () => {
  // States with a symmetric range P in several fields, a fixed range F, and unrelated fields.
  const P = range("P", 4, { symmetric: true });
  const F = range("F", 2);
  const fields = { pc: map(P, enumeration("a", "b", "c")), held: set(P), cnt: map(P, int(0, 2)), fixed: map(F, int(0, 3)), m: map(P, map(F, bool())), flag: bool() };
  const T = declareState(fields);
  const plainArb = valueArb(record(fields)) as fc.Arbitrary<any>;
  const permutation = fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 });
  const permute = (p: any, perm: number[]) => ({
    ...p,
    pc: perm.map((i) => p.pc[i]),
    cnt: perm.map((i) => p.cnt[i]),
    m: perm.map((i) => p.m[i]),
    held: p.held.map((i: number) => perm.indexOf(i)).sort((a: number, b: number) => a - b),
  });

  it("maps every permutation of a state to one representative, which is a permutation of it", () => {
    fc.assert(
      fc.property(plainArb, permutation, permutation, (p, perm, other) => {
        const canonical = (q: any) => {
          const s = T.fromPlain(q);
          T.canonicalizeInPlace!(s);
          return Array.from(s.w);
        };
        expect(canonical(permute(p, perm))).toEqual(canonical(p));
        // The representative is itself some permutation of the state.
        const s = T.fromPlain(p);
        T.canonicalizeInPlace!(s);
        const rep = T.plain(s);
        const all = permutations([0, 1, 2, 3]).map((x) => JSON.stringify(permute(p, x)));
        expect(all).toContain(JSON.stringify(rep));
        void other;
      }),
    );
  });

  it("distinct states that are not permutations of each other keep distinct representatives", () => {
    fc.assert(
      fc.property(plainArb, permutation, fc.boolean(), plainArb, (p, perm, same, other) => {
        // Half the time a permutation of p (one class), else an unrelated state (almost always another class).
        const q = same ? permute(p, perm) : other;
        const orbit = new Set(permutations([0, 1, 2, 3]).map((x) => JSON.stringify(permute(p, x))));
        const a = T.fromPlain(p);
        const b = T.fromPlain(q);
        T.canonicalizeInPlace!(a);
        T.canonicalizeInPlace!(b);
        expect(Array.from(a.w).join() === Array.from(b.w).join()).toBe(orbit.has(JSON.stringify(q)));
      }),
    );
  });
});

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}
