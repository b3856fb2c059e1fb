/**
 * The typed handle a schema gives: an object over a state's words whose
 * scalar fields are properties (`s.tmState = "committed"`), whose arrays and
 * maps have `get`/`set` (or `at` for composite elements) and whose sets have
 * `has`/`add`/`delete`. Every view of a state is built once, with the handle;
 * reading or writing a field then allocates nothing.
 *
 * One class per schema type, not per position: the Enactors' records are
 * instances of one class, each with its own base (`$b` word, `$s` shift; see
 * layout.ts) and the state's words (`$w`), so a call site that reads
 * `s.enactors.at(e).phase` for any `e` stays monomorphic. The accessors are
 * generated source with the type's constants (offsets, mask, base value)
 * written in, so that V8 inlines them into the model's code as it would a
 * hand-written accessor; the root's accessors have absolute positions.
 */
import { baseOf, bitsOf, cardinality, frameOf, isScalarType, type Layout } from "./layout.js";
import type { ArrayType, RecordType, ScalarType, SetType } from "./schema.js";

/** What every view holds: the state's words, and where the view's value starts in them. */
class ViewBase {
  constructor(
    readonly $w: Uint32Array,
    readonly $b: number,
    readonly $s: number,
  ) {}
}

type ViewClass = new (w: Uint32Array, b: number, s: number) => ViewBase;

/** The constructor of handles over `L`: `new H(words)`. */
export function handleClass(L: Layout): new (w: Uint32Array) => { w: Uint32Array } {
  const classes = new Map<object, ViewClass>();
  const classFor = (type: ArrayType | SetType | RecordType): ViewClass => {
    let c = classes.get(type);
    if (!c) {
      c = type.kind === "record" ? recordClass(type, classFor, false) : type.kind === "array" ? arrayClass(type, classFor) : setClass(type);
      classes.set(type, c);
    }
    return c;
  };
  const Root = recordClass(L.root.type, classFor, true);
  // The words never change under a handle (the search copies states into them): every view keeps them.
  return class Handle extends (Root as unknown as new (w: Uint32Array, b: number, s: number) => ViewBase) {
    readonly w: Uint32Array;
    constructor(w: Uint32Array) {
      super(w, 0, 0);
      this.w = w;
    }
  };
}

function maskOf(t: ScalarType): number {
  const bits = bitsOf(t);
  return bits === 32 ? 0xffffffff : (1 << bits) - 1;
}

// Generated code: W is the words, `word` and `shift` expressions for the value's place.
function readExpr(t: ScalarType, word: string, shift: string): string {
  const raw = `((W[${word}] >>> ${shift}) & ${maskOf(t)})`;
  return t.kind === "bool" ? `(${raw} === 1)` : t.kind === "enum" ? `V[${raw}]` : `(${raw} + ${baseOf(t)})`;
}

/** Statements writing `v`: checked, since a value outside its type would silently wrap; E throws the error (kept out of line so that the accessor stays small enough to inline). */
function writeStatements(t: ScalarType, word: string, shift: string): string {
  let check: string;
  let raw: string;
  switch (t.kind) {
    case "bool":
      check = `if (typeof v !== "boolean") E(v);`;
      raw = "(v ? 1 : 0)";
      break;
    case "enum":
      // Comparisons with the names (pointer comparisons: both are internalised), or a table for long enumerations.
      check =
        t.values.length <= 16
          ? `const x = ${t.values.map((name, i) => `v === ${JSON.stringify(name)} ? ${i} : `).join("")}-1; if (x < 0) E(v);`
          : `const x = Object.hasOwn(X, v) ? X[v] : -1; if (x < 0) E(v);`;
      raw = "x";
      break;
    default: {
      const min = baseOf(t);
      check = `if (!(v >= ${min} && v <= ${min + cardinality(t) - 1} && Math.floor(v) === v)) E(v);`;
      raw = `(v - ${min})`;
    }
  }
  const m = maskOf(t);
  return `${check} const k = ${word}; const sh = ${shift}; W[k] = (W[k] & ~(${m} << sh)) | (${raw} << sh);`;
}

/** The values generated accessors use: enumeration names (V), their positions (X), and the error for a bad value (E). */
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
const CHECK = (n: number): string => `if (!(i >= 0 && i < ${n} && (i | 0) === i)) I(i);`;

function compile<T>(args: readonly string[], body: string, values: readonly unknown[]): T {
  return new Function(...args, body)(...values) as T;
}

function recordClass(type: RecordType, classFor: (t: ArrayType | SetType | RecordType) => ViewClass, root: boolean): ViewClass {
  const { parts } = frameOf(type);
  const fields = Object.entries(type.fields).map(([name, t], i) => ({ name, t, at: parts[i]! }));
  const composites = fields.filter((f) => !isScalarType(f.t));
  class RecordView extends ViewBase {
    constructor(w: Uint32Array, b: number, s: number) {
      super(w, b, s);
      for (const f of composites) (this as Record<string, unknown>)[f.name] = new (classFor(f.t as ArrayType))(w, b + f.at.dw, s + f.at.ds);
    }
  }
  for (const f of fields) {
    if (!isScalarType(f.t)) continue;
    // The root starts at word 0, bit 0: its accessors read constant places.
    const word = root ? String(f.at.dw) : `this.$b + ${f.at.dw}`;
    const shift = root ? String(f.at.ds) : `(this.$s + ${f.at.ds})`;
    const accessor = compile<{ get(): unknown; set(v: unknown): void }>(
      ["V", "X", "E"],
      `return {
        get() { const W = this.$w; return ${readExpr(f.t, word, shift)}; },
        set(v) { const W = this.$w; ${writeStatements(f.t, word, shift)} },
      };`,
      tables(f.t, f.name),
    );
    Object.defineProperty(RecordView.prototype, f.name, { get: accessor.get, set: accessor.set, enumerable: true });
  }
  return RecordView;
}

function arrayClass(type: ArrayType, classFor: (t: ArrayType | SetType | RecordType) => ViewClass): ViewClass {
  const n = type.length;
  const { parts } = frameOf(type);
  const DW = Int32Array.from(parts, (p) => p.dw);
  const DS = Int32Array.from(parts, (p) => p.ds);
  const I = badIndex(n, type.range ? `${type.range.name} index` : "array index");
  if (isScalarType(type.element)) {
    const t = type.element;
    const methods = compile<object>(
      ["V", "X", "E", "I", "DW", "DS"],
      `return {
        get(i) { ${CHECK(n)} const W = this.$w; return ${readExpr(t, "this.$b + DW[i]", "(this.$s + DS[i])")}; },
        set(i, v) { ${CHECK(n)} const W = this.$w; ${writeStatements(t, "this.$b + DW[i]", "(this.$s + DS[i])")} },
      };`,
      [...tables(t, type.range ? `${type.range.name} element` : "element"), I, DW, DS],
    );
    class ScalarArray extends ViewBase {
      readonly length = n;
    }
    Object.assign(ScalarArray.prototype, methods);
    return ScalarArray;
  }
  const Element = classFor(type.element as ArrayType | SetType | RecordType);
  const at = compile<(i: number) => ViewBase>(["I"], `return function at(i) { ${CHECK(n)} return this.$els[i]; };`, [I]);
  class CompositeArray extends ViewBase {
    readonly length = n;
    readonly $els: readonly ViewBase[];
    constructor(w: Uint32Array, b: number, s: number) {
      super(w, b, s);
      this.$els = parts.map((p) => new Element(w, b + p.dw, s + p.ds));
    }
  }
  Object.assign(CompositeArray.prototype, { at });
  return CompositeArray;
}

function setClass(type: SetType): ViewClass {
  const n = type.range.size;
  // Member i is bit ($s + i) from word $b: a set within a word is placed whole, a larger one starts a word ($s = 0).
  const methods = compile<object>(
    ["I"],
    `return {
      has(i) { ${CHECK(n)} const b = this.$s + i; return ((this.$w[this.$b + (b >>> 5)] >>> (b & 31)) & 1) === 1; },
      add(i) { ${CHECK(n)} const b = this.$s + i; this.$w[this.$b + (b >>> 5)] |= 1 << (b & 31); },
      delete(i) { ${CHECK(n)} const b = this.$s + i; this.$w[this.$b + (b >>> 5)] &= ~(1 << (b & 31)); },
      clear() { for (let i = 0; i < ${n}; i++) { const b = this.$s + i; this.$w[this.$b + (b >>> 5)] &= ~(1 << (b & 31)); } },
    };`,
    [badIndex(n, `${type.range.name} index`)],
  );
  class SetView extends ViewBase {
    readonly capacity = n;
    get size(): number {
      let c = 0;
      for (let i = 0; i < n; i++) {
        const b = this.$s + i;
        c += (this.$w[this.$b + (b >>> 5)]! >>> (b & 31)) & 1;
      }
      return c;
    }
  }
  Object.assign(SetView.prototype, methods);
  return SetView;
}
