/**
 * The forms of a packed state that people and other tools read: the plain
 * value (records as objects, arrays and maps as arrays, sets as ascending
 * index lists, enumerations as their names), the labelled rows of a view, and
 * ITF (integers as numbers, sets as `#set`). Each has its inverse where a
 * trace is read back, with an error that names the field and the fix.
 */
import type { StateView } from "../model.js";
import { baseOf, cardinality, readSlot, writeSlot, type Layout, type Node } from "./layout.js";
import type { ScalarType } from "./schema.js";

/** The plain form of the state in `w`. */
export function toPlain(L: Layout, w: Uint32Array): Record<string, unknown> {
  return plainOf(L, L.root, w) as Record<string, unknown>;
}

function plainOf(L: Layout, node: Node, w: Uint32Array): unknown {
  switch (node.kind) {
    case "scalar":
      return decode(node.type, readSlot(L, w, node.slot));
    case "set":
      return node.slots.flatMap((s, i) => (readSlot(L, w, s) === 1 ? [i] : []));
    case "array":
      return node.elements.map((e) => plainOf(L, e, w));
    case "record":
      return Object.fromEntries(node.fields.map(([name, f]) => [name, plainOf(L, f, w)]));
  }
}

function decode(t: ScalarType, raw: number): unknown {
  return t.kind === "bool" ? raw === 1 : t.kind === "enum" ? t.values[raw] : raw + baseOf(t);
}

/** Writes the plain value `p` into `w`; a value that does not fit the schema is an error naming its field. */
export function fromPlain(L: Layout, p: unknown, w: Uint32Array): void {
  write(L, L.root, p, w, "state");
}

function write(L: Layout, node: Node, p: unknown, w: Uint32Array, path: string): void {
  const fail = (expected: string): never => {
    throw new RangeError(`${path} should be ${expected}; got ${JSON.stringify(p)}.`);
  };
  switch (node.kind) {
    case "scalar": {
      const t = node.type;
      let raw: number;
      if (t.kind === "bool") raw = p === true ? 1 : p === false ? 0 : fail("true or false");
      else if (t.kind === "enum") raw = t.values.indexOf(p as string) >= 0 ? t.values.indexOf(p as string) : fail(`one of ${t.values.map((v) => JSON.stringify(v)).join(", ")}`);
      else {
        const min = baseOf(t);
        const max = min + cardinality(t) - 1;
        raw = Number.isInteger(p) && (p as number) >= min && (p as number) <= max ? (p as number) - min : fail(`an integer from ${min} to ${max}`);
      }
      writeSlot(L, w, node.slot, raw);
      return;
    }
    case "set": {
      const n = node.slots.length;
      if (!Array.isArray(p) || p.some((i) => !Number.isInteger(i) || i < 0 || i >= n)) fail(`a list of ${node.type.range.name} indices from 0 to ${n - 1}`);
      node.slots.forEach((s) => writeSlot(L, w, s, 0));
      for (const i of p as number[]) writeSlot(L, w, node.slots[i]!, 1);
      return;
    }
    case "array":
      if (!Array.isArray(p) || p.length !== node.elements.length) fail(`a list of ${node.elements.length} values`);
      node.elements.forEach((e, i) => write(L, e, (p as unknown[])[i], w, `${path}[${i}]`));
      return;
    case "record": {
      if (typeof p !== "object" || p === null || Array.isArray(p)) fail(`a record with fields ${node.fields.map(([n]) => n).join(", ")}`);
      for (const [name, f] of node.fields) {
        if (!(name in (p as object))) throw new RangeError(`${path} has no field "${name}"; it needs ${node.fields.map(([n]) => n).join(", ")}.`);
        write(L, f, (p as Record<string, unknown>)[name], w, path === "state" ? name : `${path}.${name}`);
      }
      return;
    }
  }
}

/** The state as labelled rows: one per scalar and one per set, indices shown with their range's labels. */
export function viewOf(L: Layout, w: Uint32Array): StateView {
  const rows: (readonly [string, string])[] = [];
  const walk = (node: Node, label: string): void => {
    switch (node.kind) {
      case "scalar": {
        const t = node.type;
        const v = decode(t, readSlot(L, w, node.slot));
        rows.push([label, t.kind === "index" ? t.range.label(v as number) : String(v)]);
        return;
      }
      case "set": {
        const r = node.type.range;
        rows.push([label, `{${node.slots.flatMap((s, i) => (readSlot(L, w, s) === 1 ? [r.label(i)] : [])).join(", ")}}`]);
        return;
      }
      case "array": {
        const r = node.type.range;
        node.elements.forEach((e, i) => walk(e, `${label}[${r ? r.label(i) : i}]`));
        return;
      }
      case "record":
        for (const [name, f] of node.fields) walk(f, label === "" ? name : `${label}.${name}`);
    }
  };
  walk(L.root, "");
  return rows;
}

/** The state as ITF variables: one per top-level field; sets as `#set`, everything else as its plain form. */
export function toItf(L: Layout, w: Uint32Array): Record<string, unknown> {
  const encode = (node: Node): unknown => {
    switch (node.kind) {
      case "scalar":
        return decode(node.type, readSlot(L, w, node.slot));
      case "set":
        return { "#set": node.slots.flatMap((s, i) => (readSlot(L, w, s) === 1 ? [i] : [])) };
      case "array":
        return node.elements.map(encode);
      case "record":
        return Object.fromEntries(node.fields.map(([name, f]) => [name, encode(f)]));
    }
  };
  return encode(L.root) as Record<string, unknown>;
}

/** The state from ITF variables written by {@link toItf} (or by another tool in the same shape). */
export function fromItf(L: Layout, vars: Readonly<Record<string, unknown>>, w: Uint32Array): void {
  const plain = (node: Node, v: unknown): unknown => {
    const x = bigintToNumber(v);
    switch (node.kind) {
      case "scalar":
        return x;
      case "set": {
        const members = typeof x === "object" && x !== null && "#set" in x ? (x as { "#set": unknown })["#set"] : x;
        return Array.isArray(members) ? [...members.map(bigintToNumber)].sort((a, b) => (a as number) - (b as number)) : members;
      }
      case "array":
        return Array.isArray(x) ? node.elements.map((e, i) => plain(e, x[i])) : x;
      case "record":
        return typeof x === "object" && x !== null ? Object.fromEntries(node.fields.map(([name, f]) => [name, name in x ? plain(f, (x as Record<string, unknown>)[name]) : undefined])) : x;
    }
  };
  const missing = L.root.fields.find(([name]) => !(name in vars));
  if (missing) throw new RangeError(`the ITF state has no variable "${missing[0]}"; a state of this model has ${L.root.fields.map(([n]) => n).join(", ")}.`);
  fromPlain(L, plain(L.root, vars), w);
}

function bigintToNumber(v: unknown): unknown {
  if (typeof v === "object" && v !== null && "#bigint" in v) {
    const n = Number((v as { "#bigint": unknown })["#bigint"]);
    return Number.isSafeInteger(n) ? n : v;
  }
  return v;
}
