/**
 * The typed handle a schema gives: an object over a state's words whose
 * scalar fields are properties (`s.tmState = "committed"`), whose arrays and
 * maps have `get`/`set` (or `at` for composite elements) and whose sets have
 * `has`/`add`/`delete`. Every view of a state is built once, with the handle;
 * reading or writing a field then allocates nothing.
 *
 * One class per schema type, not per position: the Enactors' records are
 * instances of one class, each with its own slot offsets (`$o`, word and
 * shift pairs) and the state's words (`$w`), so a call site that reads `s.enactors.at(e).phase` for any
 * `e` stays monomorphic. The accessors are generated source with the type's
 * constants (mask, base) written in, so that V8 inlines them into the model's
 * code as it would a hand-written accessor; a shared accessor closing over
 * its constants would make every call site polymorphic.
 */
import { baseOf, cardinality, type ArrayNode, type Layout, type Node, type RecordNode, type SetNode } from "./layout.js";
import type { ArrayType, RecordType, ScalarType, SetType } from "./schema.js";

/** What every view holds: the handle (whose `w` are the words) and its own slots' [word, shift] pairs. */
interface ViewBase {
  $w: Uint32Array;
  $o: Int32Array;
}

type ViewClass = new (w: Uint32Array, node: Node, L: Layout) => ViewBase;
type ViewOf = (w: Uint32Array, node: Node) => ViewBase;

/** The constructor of handles over `L`: `new H(words)`. */
export function handleClass(L: Layout): new (w: Uint32Array) => { w: Uint32Array } {
  const classes = new Map<object, ViewClass>();
  const viewOf: ViewOf = (w, node) => new (classFor(node.type as ArrayType | SetType | RecordType))(w, node, L);
  const Root = recordClass(L.root.type, viewOf);
  // The words never change under a handle (the search copies states into them): every view keeps them as `$w`.
  return class Handle extends (Root as unknown as new (w: Uint32Array, node: Node, L: Layout) => ViewBase) {
    readonly w: Uint32Array;
    constructor(w: Uint32Array) {
      super(w, L.root, L);
      this.w = w;
    }
  };

  function classFor(type: ArrayType | SetType | RecordType): ViewClass {
    let c = classes.get(type);
    if (!c) {
      c = type.kind === "record" ? recordClass(type, viewOf) : type.kind === "array" ? arrayClass(type, viewOf) : setClass(type);
      classes.set(type, c);
    }
    return c;
  }
}

/** True for types stored in one slot. */
export function isScalar(t: { kind: string }): boolean {
  return t.kind === "int" || t.kind === "bool" || t.kind === "enum" || t.kind === "index";
}

function pairs(L: Layout, slots: readonly number[]): Int32Array {
  const o = new Int32Array(slots.length * 2);
  slots.forEach((s, i) => {
    o[2 * i] = L.word[s]!;
    o[2 * i + 1] = L.shift[s]!;
  });
  return o;
}

// Generated code: `o` is the view's pairs, `j` an expression for a pair's index, W the words.
function maskOf(t: ScalarType): number {
  const bits = Math.max(1, Math.ceil(Math.log2(cardinality(t))));
  return bits === 32 ? 0xffffffff : (1 << bits) - 1;
}

/** An expression reading the value at pair `j`; enumerations read the array `V`. */
function readExpr(t: ScalarType, j: string): string {
  const raw = `((W[o[${j}]] >>> o[${j} + 1]) & ${maskOf(t)})`;
  return t.kind === "bool" ? `(${raw} === 1)` : t.kind === "enum" ? `V[${raw}]` : `(${raw} + ${baseOf(t)})`;
}

/** Statements writing `v` at pair `j`: checked, since a value outside its type would silently wrap. Enumerations look up the object `X`. */
function writeStatements(t: ScalarType, j: string): string {
  const mask = maskOf(t);
  let raw: string;
  let check: string;
  switch (t.kind) {
    case "bool":
      check = `if (typeof v !== "boolean") E(v);`;
      raw = "(v ? 1 : 0)";
      break;
    case "enum":
      // A chain of comparisons with the names (pointer comparisons, as both are internalised), or a table for long enumerations.
      check =
        t.values.length <= 16
          ? `const x = ${t.values.map((name, i) => `v === ${JSON.stringify(name)} ? ${i} : `).join("")}-1; if (x < 0) E(v);`
          : `const x = X[v]; if (x === undefined || !Object.hasOwn(X, v)) E(v);`;
      raw = "x";
      break;
    default: {
      const min = baseOf(t);
      const max = min + cardinality(t) - 1;
      check = `if (!(v >= ${min} && v <= ${max} && Math.floor(v) === v)) E(v);`;
      raw = `(v - ${min})`;
    }
  }
  return `${check} const k = o[${j}]; const sh = o[${j} + 1]; W[k] = (W[k] & ~(${mask} << sh)) | (${raw} << sh);`;
}

/** The values generated accessors use: enumeration names (V), their positions (X), and the error for a bad value (E, kept out of the accessor so that it stays small enough to inline). */
function tables(t: ScalarType, name: string): [readonly string[], Record<string, number>, (v: unknown) => never] {
  const index: Record<string, number> = {};
  if (t.kind === "enum") t.values.forEach((v, i) => (index[v] = i));
  const expected = t.kind === "bool" ? "a boolean" : t.kind === "enum" ? `one of ${t.values.join(", ")}` : `an integer from ${baseOf(t)} to ${baseOf(t) + cardinality(t) - 1}`;
  const E = (v: unknown): never => {
    throw new (t.kind === "bool" ? TypeError : RangeError)(`${name} is ${expected}; got ${String(v)}.`);
  };
  return [t.kind === "enum" ? t.values : [], index, E];
}

/** The error for an index out of range (I in generated code). */
function badIndex(n: number, what: string): (i: unknown) => never {
  return (i) => {
    throw new RangeError(`${what} ${String(i)} is out of range 0..${n - 1}.`);
  };
}

function compile<T>(args: readonly string[], body: string, values: readonly unknown[]): T {
  return new Function(...args, body)(...values) as T;
}

function recordClass(type: RecordType, viewOf: ViewOf): ViewClass {
  const scalars = Object.entries(type.fields).filter(([, t]) => isScalar(t));
  const composites = Object.entries(type.fields).filter(([, t]) => !isScalar(t)).map(([name]) => name);
  class RecordView implements ViewBase {
    $w: Uint32Array;
    $o: Int32Array;
    constructor(w: Uint32Array, node: Node, L: Layout) {
      const r = node as RecordNode;
      this.$w = w;
      const byName = new Map(r.fields);
      this.$o = pairs(
        L,
        scalars.map(([name]) => (byName.get(name) as { slot: number }).slot),
      );
      for (const name of composites) (this as Record<string, unknown>)[name] = viewOf(w, byName.get(name)!);
    }
  }
  scalars.forEach(([name, t], j) => {
    const s = t as ScalarType;
    const accessor = compile<{ get(): unknown; set(v: unknown): void }>(
      ["V", "X", "E"],
      `return {
        get() { const o = this.$o; const W = this.$w; return ${readExpr(s, String(2 * j))}; },
        set(v) { const o = this.$o; const W = this.$w; ${writeStatements(s, String(2 * j))} },
      };`,
      tables(s, name),
    );
    Object.defineProperty(RecordView.prototype, name, { get: accessor.get, set: accessor.set, enumerable: true });
  });
  return RecordView as unknown as ViewClass;
}

// Generated index check: I is the range's badIndex.
const CHECK = (n: number): string => `if (!(i >= 0 && i < ${n} && (i | 0) === i)) I(i);`;

function arrayClass(type: ArrayType, viewOf: ViewOf): ViewClass {
  const n = type.length;
  const I = badIndex(n, type.range ? `${type.range.name} index` : "array index");
  const check = CHECK(n);
  if (isScalar(type.element)) {
    const t = type.element as ScalarType;
    const methods = compile<{ get(i: number): unknown; set(i: number, v: unknown): void }>(
      ["V", "X", "E", "I"],
      `return {
        get(i) { ${check} const o = this.$o; const W = this.$w; return ${readExpr(t, "2 * i")}; },
        set(i, v) { ${check} const o = this.$o; const W = this.$w; ${writeStatements(t, "2 * i")} },
      };`,
      [...tables(t, type.range ? `${type.range.name} element` : "element"), I],
    );
    class ScalarArray implements ViewBase {
      $w: Uint32Array;
      $o: Int32Array;
      readonly length = n;
      constructor(w: Uint32Array, node: Node, L: Layout) {
        this.$w = w;
        this.$o = pairs(
          L,
          (node as ArrayNode).elements.map((e) => (e as { slot: number }).slot),
        );
      }
    }
    Object.assign(ScalarArray.prototype, methods);
    return ScalarArray as unknown as ViewClass;
  }
  const at = compile<(i: number) => ViewBase>(["I"], `return function at(i) { ${check} return this.$els[i]; };`, [I]);
  class CompositeArray implements ViewBase {
    $w: Uint32Array;
    $o = EMPTY;
    readonly length = n;
    readonly $els: readonly ViewBase[];
    constructor(w: Uint32Array, node: Node) {
      this.$w = w;
      this.$els = (node as ArrayNode).elements.map((e) => viewOf(w, e));
    }
  }
  Object.assign(CompositeArray.prototype, { at });
  return CompositeArray as unknown as ViewClass;
}

const EMPTY = new Int32Array(0);

function setClass(type: SetType): ViewClass {
  const n = type.range.size;
  const check = CHECK(n);
  const methods = compile<object>(
    ["I"],
    `return {
      has(i) { ${check} const o = this.$o; return ((this.$w[o[2 * i]] >>> o[2 * i + 1]) & 1) === 1; },
      add(i) { ${check} const o = this.$o; this.$w[o[2 * i]] |= 1 << o[2 * i + 1]; },
      delete(i) { ${check} const o = this.$o; this.$w[o[2 * i]] &= ~(1 << o[2 * i + 1]); },
      clear() { const o = this.$o; const W = this.$w; for (let i = 0; i < ${n}; i++) W[o[2 * i]] &= ~(1 << o[2 * i + 1]); },
    };`,
    [badIndex(n, `${type.range.name} index`)],
  );
  class SetView implements ViewBase {
    $w: Uint32Array;
    $o: Int32Array;
    readonly capacity = n;
    constructor(w: Uint32Array, node: Node, L: Layout) {
      this.$w = w;
      this.$o = pairs(L, (node as SetNode).slots);
    }
    get size(): number {
      let c = 0;
      const o = this.$o;
      const w = this.$w;
      for (let i = 0; i < n; i++) c += (w[o[2 * i]!]! >>> o[2 * i + 1]!) & 1;
      return c;
    }
  }
  Object.assign(SetView.prototype, methods);
  return SetView as unknown as ViewClass;
}
