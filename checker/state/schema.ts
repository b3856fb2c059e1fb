/**
 * The state schema: a model declares the shape of its state once, from these
 * types, and dnsmc derives from it the packed words, a typed handle over them
 * (handle.ts), the plain and ITF forms (plain.ts) and symmetry reduction
 * (symmetry.ts). The vocabulary is the one of TLA+ and Murphi: bounded
 * integers, enumerations, records, arrays, sets and maps over index ranges,
 * and index ranges that can be declared symmetric (Murphi's `scalarset`).
 */

/** A finite index range `0..size-1`: Enactors, endpoints, resource managers. */
export interface IndexRange {
  readonly kind: "range";
  readonly name: string;
  readonly size: number;
  /**
   * Its indices are interchangeable: permuting them maps every reachable
   * state to a reachable state, and every property gives the same answer.
   * Symmetry reduction (`--symmetry`) then keeps one state per permutation
   * class, with no hand-written `canonical`.
   */
  readonly symmetric: boolean;
  /** How an index is shown in views and descriptions (default: the number). */
  readonly label: (index: number) => string;
}

/** An integer in `[min, max]`. */
export interface IntType {
  readonly kind: "int";
  readonly min: number;
  readonly max: number;
}

/** true or false. */
export interface BoolType {
  readonly kind: "bool";
}

/** One of a few named values, stored as its position. */
export interface EnumType<V extends string = string> {
  readonly kind: "enum";
  readonly values: readonly V[];
}

/** A position in an index range, as a value (an endpoint number, say). */
export interface IndexType {
  readonly kind: "index";
  readonly range: IndexRange;
}

/** A fixed-length sequence: `array(n, T)` by position, or `map(R, T)`, one value per index of a range. */
export interface ArrayType<E extends Type = Type> {
  readonly kind: "array";
  readonly length: number;
  /** The range it is indexed by (a map), or none (an array). */
  readonly range: IndexRange | null;
  readonly element: E;
}

/** A subset of an index range, stored as one bit per index. */
export interface SetType {
  readonly kind: "set";
  readonly range: IndexRange;
}

/** Named fields. */
export interface RecordType<F extends Fields = Fields> {
  readonly kind: "record";
  readonly fields: F;
}

/** The types a field can have. */
export type Type = IntType | BoolType | EnumType | IndexType | ArrayType | SetType | RecordType;
/** Types stored in one slot, read and written as a value. */
export type ScalarType = IntType | BoolType | EnumType | IndexType;
/** The fields of a record, in declaration order. */
export type Fields = { readonly [name: string]: Type };

/** Declares an index range of `size` indices; `symmetric` for interchangeable ones. */
export function range(name: string, size: number, options: { symmetric?: boolean; label?: (index: number) => string } = {}): IndexRange {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`range ${name}: the size must be an integer of at least 1; got ${size}.`);
  return Object.freeze({ kind: "range", name, size, symmetric: options.symmetric ?? false, label: options.label ?? String });
}

/** An integer in `[min, max]` (bounded: the state must be finite). */
export function int(min: number, max: number): IntType {
  if (!(Number.isInteger(min) && Number.isInteger(max) && min <= max)) throw new RangeError(`int(${min}, ${max}): the bounds must be integers with min <= max.`);
  if (max - min >= 2 ** 32) throw new RangeError(`int(${min}, ${max}): a field of ${max - min + 1} values does not fit in 32 bits.`);
  return Object.freeze({ kind: "int", min, max });
}

/** A boolean. */
export function bool(): BoolType {
  return BOOL;
}
const BOOL: BoolType = Object.freeze({ kind: "bool" });

/** One of the named values; a fresh state holds the first. */
export function enumeration<const V extends string>(...values: V[]): EnumType<V> {
  if (values.length === 0) throw new RangeError("enumeration(): name at least one value.");
  if (new Set(values).size !== values.length) throw new RangeError(`enumeration(${values.join(", ")}): the values must be distinct.`);
  return Object.freeze({ kind: "enum", values: Object.freeze([...values]) });
}

/** An index of `range`, as a value. */
export function index(range: IndexRange): IndexType {
  return Object.freeze({ kind: "index", range });
}

/** `length` values of type `element`, by position. */
export function array<E extends Type>(length: number, element: E): ArrayType<E> {
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`array(${length}, ...): the length must be a whole number.`);
  return Object.freeze({ kind: "array", length, range: null, element });
}

/** One value of type `element` per index of `range` (a TLA+ function over the range). */
export function map<E extends Type>(range: IndexRange, element: E): ArrayType<E> {
  return Object.freeze({ kind: "array", length: range.size, range, element });
}

/** A subset of `range`. */
export function set(range: IndexRange): SetType {
  return Object.freeze({ kind: "set", range });
}

/** A record of named fields. */
export function record<const F extends Fields>(fields: F): RecordType<F> {
  return Object.freeze({ kind: "record", fields: Object.freeze({ ...fields }) });
}

// ---------------------------------------------------------------------------
// The TypeScript types a schema gives: values, handles, plain forms.

/** The value a scalar field holds. */
export type Value<T> = T extends IntType ? number : T extends BoolType ? boolean : T extends EnumType<infer V> ? V : T extends IndexType ? number : never;

/** A sequence of scalars, read and written by index. */
export interface ScalarArrayView<V> {
  readonly length: number;
  /** The value at index `i` (a RangeError outside 0..length-1). */
  get(i: number): V;
  /** Writes the value at index `i` (a RangeError for a value outside the element's type). */
  set(i: number, value: V): void;
}

/** A sequence of records, arrays or sets: `at(i)` is the element's view. */
export interface CompositeArrayView<H> {
  readonly length: number;
  /** The view of element `i` (the same object every time: it allocates nothing). */
  at(i: number): H;
}

/** A subset of an index range. */
export interface SetView {
  /** Whether index `i` is a member. */
  has(i: number): boolean;
  /** Makes `i` a member. */
  add(i: number): void;
  /** Makes `i` no member. */
  delete(i: number): void;
  /** Removes every member. */
  clear(): void;
  /** The number of members. */
  readonly size: number;
  /** The size of the range it is a subset of. */
  readonly capacity: number;
}

/** The names of a record's scalar fields (properties on its view). */
export type ScalarKeys<F> = { [K in keyof F]: F[K] extends ScalarType ? K : never }[keyof F];
/** The names of a record's composite fields (views on its view). */
export type CompositeKeys<F> = Exclude<keyof F, ScalarKeys<F>>;

/** The view of a record: scalar fields as properties, composite fields as views. */
export type RecordView<F extends Fields> = { -readonly [K in ScalarKeys<F>]: Value<F[K]> } & { readonly [K in CompositeKeys<F>]: View<F[K]> };

/** The view of a field of type `T`. */
export type View<T> =
  T extends RecordType<infer F>
    ? RecordView<F>
    : T extends ArrayType<infer E>
      ? E extends ScalarType
        ? ScalarArrayView<Value<E>>
        : CompositeArrayView<View<E>>
      : T extends SetType
        ? SetView
        : never;

/** A state handle: the root record's view over a state's words. */
export type Handle<F extends Fields> = RecordView<F> & StateWords;

/** What every handle has besides its fields. */
export interface StateWords {
  /** The packed words this handle reads and writes. */
  readonly w: Uint32Array;
}

/** The plain form of a value of type `T`: what reports, JSON and ITF show. */
export type Plain<T> =
  T extends RecordType<infer F>
    ? { readonly [K in keyof F]: Plain<F[K]> }
    : T extends ArrayType<infer E>
      ? readonly Plain<E>[]
      : T extends SetType
        ? readonly number[]
        : Value<T>;

/** The plain form of a state with fields `F`. */
export type PlainState<F extends Fields> = { readonly [K in keyof F]: Plain<F[K]> };
