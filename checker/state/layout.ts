/**
 * How a schema's values are packed into 32-bit words. Every scalar (and every
 * member bit of a set) gets a slot of just enough bits; slots never straddle
 * a word, so reading one is a load, a shift and a mask. The compiled tree
 * mirrors the schema and names each scalar's slot; handles, plain forms and
 * symmetry read the slot tables, never the schema's arithmetic again.
 */
import type { ArrayType, Fields, RecordType, ScalarType, SetType, Type } from "./schema.js";

/** A scalar's place: its slot, and the smallest value (stored as value - base). */
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
/** A compiled value: where each of its parts lives. */
export type Node = ScalarNode | ArrayNode | SetNode | RecordNode;

/** A schema compiled to slots. */
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

/** Packs the fields of a state. */
export function layoutOf(fields: Fields): Layout {
  const word: number[] = [];
  const shift: number[] = [];
  const mask: number[] = [];
  let w = 0;
  let b = 0;
  const slot = (bits: number): number => {
    if (b + bits > 32) {
      w++;
      b = 0;
    }
    word.push(w);
    shift.push(b);
    mask.push(bits === 32 ? 0xffffffff : (1 << bits) - 1);
    b += bits;
    return word.length - 1;
  };
  const compile = (type: Type, path: string): Node => {
    switch (type.kind) {
      case "record": {
        const fields = Object.entries(type.fields).map(([name, t]): [string, Node] => {
          if (RESERVED.has(name) || name.startsWith("$")) throw new RangeError(`state field ${path}${name}: the name is reserved (w, toJSON, constructor and names starting with $ are the handle's own).`);
          return [name, compile(t, `${path}${name}.`)];
        });
        return { kind: "record", type, fields };
      }
      case "array":
        return { kind: "array", type, elements: Array.from({ length: type.length }, (_, i) => compile(type.element, `${path.slice(0, -1)}[${i}].`)) };
      case "set":
        return { kind: "set", type, slots: Array.from({ length: type.range.size }, () => slot(1)) };
      default:
        return { kind: "scalar", type, slot: slot(bitsFor(cardinality(type))) };
    }
  };
  const root = compile({ kind: "record", fields } as RecordType, "") as RecordNode;
  return { words: b === 0 ? w : w + 1, root, word: Int32Array.from(word), shift: Int32Array.from(shift), mask: Uint32Array.from(mask) };
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

function bitsFor(values: number): number {
  return Math.max(1, Math.ceil(Math.log2(values)));
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
