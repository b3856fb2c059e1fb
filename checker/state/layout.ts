/**
 * How a schema's values are packed into 32-bit words.
 *
 * Every type has a frame: the positions of its parts relative to where it
 * starts, the same wherever it is placed. A scalar takes just enough bits and
 * never straddles a word; a composite value that fits in one word is placed
 * whole, without straddling, and a larger one starts on a fresh word. So the
 * part of a value is always at (base word + dw, base shift + ds) for constants
 * dw and ds of its type: a handle's accessor is one load, a shift and a mask,
 * with the constants written into its code (handle.ts).
 *
 * The absolute tree (one slot per scalar or set member) is what the plain
 * form, ITF and symmetry read.
 */
import type { ArrayType, Fields, RecordType, ScalarType, SetType, Type } from "./schema.js";

/** Where a part lies relative to its container's start. */
export interface Offset {
  readonly dw: number;
  readonly ds: number;
}

/** The frame of a type: its size and its parts' offsets. */
export interface Frame {
  /** Words it spans (1 for anything that fits in a word) and bits used in its last word. */
  readonly words: number;
  readonly lastBits: number;
  /** Records: per field, in declaration order. Arrays: per element. Sets: per member. Scalars: none. */
  readonly parts: readonly Offset[];
}

const frames = new WeakMap<object, Frame>();

/** The frame of `type` (memoised per type object). */
export function frameOf(type: Type): Frame {
  if (isScalarType(type)) return { words: 1, lastBits: bitsOf(type), parts: [] };
  let f = frames.get(type);
  if (!f) {
    const place = new Placer();
    const parts =
      type.kind === "record"
        ? Object.values(type.fields).map((t) => place.put(t))
        : type.kind === "array"
          ? Array.from({ length: type.length }, () => place.put(type.element))
          : Array.from({ length: type.range.size }, () => place.bits(1));
    f = { words: place.word + 1, lastBits: place.bit, parts };
    frames.set(type, f);
  }
  return f;
}

/** Places parts one after the other in a frame. */
class Placer {
  word = 0;
  bit = 0;
  bits(n: number): Offset {
    if (this.bit + n > 32) {
      this.word++;
      this.bit = 0;
    }
    const at = { dw: this.word, ds: this.bit };
    this.bit += n;
    return at;
  }
  put(t: Type): Offset {
    const f = frameOf(t);
    if (f.words === 1) return this.bits(f.lastBits);
    // A value over a word starts on a fresh one (unless this frame is still empty).
    if (this.bit > 0) {
      this.word++;
      this.bit = 0;
    }
    const at = { dw: this.word, ds: 0 };
    this.word += f.words - 1;
    this.bit = f.lastBits;
    return at;
  }
}

/** A scalar's slot, or a set member's. */
export interface ScalarNode {
  readonly kind: "scalar";
  readonly type: ScalarType;
  readonly slot: number;
}
export interface ArrayNode {
  readonly kind: "array";
  readonly type: ArrayType;
  readonly elements: readonly Node[];
}
export interface SetNode {
  readonly kind: "set";
  readonly type: SetType;
  /** One slot (one bit) per index of the range. */
  readonly slots: readonly number[];
}
export interface RecordNode {
  readonly kind: "record";
  readonly type: RecordType;
  readonly fields: ReadonlyArray<readonly [name: string, node: Node]>;
}
/** A value placed in a state: where each of its parts lives. */
export type Node = ScalarNode | ArrayNode | SetNode | RecordNode;

/** A schema placed in a state's words. */
export interface Layout {
  /** Words per state. */
  readonly words: number;
  readonly root: RecordNode;
  /** Per slot: its word, its shift within the word, and its mask (after the shift). */
  readonly word: Int32Array;
  readonly shift: Int32Array;
  readonly mask: Uint32Array;
}

/** Names a field may not have: the handle's own members. */
const RESERVED = new Set(["w", "toJSON", "constructor"]);

/** Places the fields of a state. */
export function layoutOf(fields: Fields): Layout {
  for (const name of Object.keys(fields)) {
    if (RESERVED.has(name) || name.startsWith("$")) throw new RangeError(`state field ${name}: the name is reserved (w, toJSON, constructor and names starting with $ are the handle's own).`);
  }
  const rootType: RecordType = Object.freeze({ kind: "record", fields });
  const word: number[] = [];
  const shift: number[] = [];
  const mask: number[] = [];
  const slot = (w: number, s: number, bits: number): number => {
    word.push(w);
    shift.push(s);
    mask.push(bits === 32 ? 0xffffffff : (1 << bits) - 1);
    return word.length - 1;
  };
  const place = (type: Type, w: number, s: number): Node => {
    if (isScalarType(type)) return { kind: "scalar", type, slot: slot(w, s, bitsOf(type)) };
    const { parts } = frameOf(type);
    switch (type.kind) {
      case "record":
        return { kind: "record", type, fields: Object.entries(type.fields).map(([name, t], i): [string, Node] => [name, place(t, w + parts[i]!.dw, s + parts[i]!.ds)]) };
      case "array":
        return { kind: "array", type, elements: parts.map((p) => place(type.element, w + p.dw, s + p.ds)) };
      case "set":
        return { kind: "set", type, slots: parts.map((p) => slot(w + p.dw, s + p.ds, 1)) };
    }
  };
  const root = place(rootType, 0, 0) as RecordNode;
  const f = frameOf(rootType);
  // A last word with no bit used is no word (but a state has at least one).
  const words = Math.max(f.lastBits === 0 ? f.words - 1 : f.words, 1);
  return { words, root, word: Int32Array.from(word), shift: Int32Array.from(shift), mask: Uint32Array.from(mask) };
}

/** True for types stored in one slot. */
export function isScalarType(t: Type): t is ScalarType {
  return t.kind === "int" || t.kind === "bool" || t.kind === "enum" || t.kind === "index";
}

/** The number of values a scalar type has. */
export function cardinality(type: ScalarType): number {
  switch (type.kind) {
    case "int":
      return type.max - type.min + 1;
    case "bool":
      return 2;
    case "enum":
      return type.values.length;
    case "index":
      return type.range.size;
  }
}

/** The smallest value of an integer type (0 for the others: they are stored as positions). */
export function baseOf(type: ScalarType): number {
  return type.kind === "int" ? type.min : 0;
}

/** Bits a scalar takes. */
export function bitsOf(type: ScalarType): number {
  return Math.max(1, Math.ceil(Math.log2(cardinality(type))));
}

/** Reads slot `i`'s raw value (value - base) from `w`. */
export function readSlot(L: Layout, w: Uint32Array, i: number): number {
  return (w[L.word[i]!]! >>> L.shift[i]!) & L.mask[i]!;
}

/** Writes slot `i`'s raw value into `w`. */
export function writeSlot(L: Layout, w: Uint32Array, i: number, raw: number): void {
  const k = L.word[i]!;
  const m = L.mask[i]!;
  const s = L.shift[i]!;
  w[k] = (w[k]! & ~(m << s)) | ((raw & m) << s);
}
