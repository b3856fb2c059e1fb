/**
 * Symmetry reduction from the schema: for every range declared symmetric,
 * each index owns the slots of the maps and sets indexed by it (its row). Two
 * states are permutations of each other exactly when, range by range, they
 * hold the same multiset of rows and agree everywhere else; so sorting the
 * rows gives one representative per permutation class (an exact canonical
 * form, like Murphi's exhaustive normalisation, in n log n instead of n!).
 *
 * That holds while an index of a symmetric range appears only as a position,
 * never as a value, and no path is indexed by two symmetric ranges at once:
 * the schema is rejected otherwise, with the reason.
 */
import { readSlot, writeSlot, type Layout, type Node } from "./layout.js";
import type { IndexRange } from "./schema.js";

/** One symmetric range's rows: `rows[i]` lists index i's slots, in the same order for every i. */
interface Rows {
  readonly range: IndexRange;
  readonly n: number;
  /** Slots per row. */
  readonly m: number;
  /** Slot ids, row-major: row i is slots[i*m .. i*m+m-1]. */
  readonly slots: Int32Array;
}

/** Rewrites words into their permutation class's representative; returns whether anything moved. Null when no range is symmetric. */
export function canonicalizer(L: Layout): ((w: Uint32Array) => boolean) | null {
  const groups = symmetricRows(L);
  if (groups.length === 0) return null;
  const largest = Math.max(...groups.map((g) => g.n * g.m));
  const values = new Int32Array(largest);
  const order = new Int32Array(Math.max(...groups.map((g) => g.n)));
  return (w) => {
    let moved = false;
    for (const g of groups) {
      const { n, m, slots } = g;
      for (let k = 0; k < n * m; k++) values[k] = readSlot(L, w, slots[k]!);
      let sorted = true;
      for (let i = 1; i < n && sorted; i++) if (compareRows(values, m, i - 1, i) > 0) sorted = false;
      if (sorted) continue;
      moved = true;
      // Insertion sort of the row numbers: ranges are small, and it is stable.
      for (let i = 0; i < n; i++) {
        let j = i;
        while (j > 0 && compareRows(values, m, order[j - 1]!, i) > 0) {
          order[j] = order[j - 1]!;
          j--;
        }
        order[j] = i;
      }
      for (let i = 0; i < n; i++) {
        const from = order[i]! * m;
        for (let k = 0; k < m; k++) writeSlot(L, w, slots[i * m + k]!, values[from + k]!);
      }
    }
    return moved;
  };
}

function compareRows(values: Int32Array, m: number, a: number, b: number): number {
  for (let k = 0; k < m; k++) {
    const d = values[a * m + k]! - values[b * m + k]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** The rows of every symmetric range, in declaration order; throws where the schema uses a symmetric range in a way sorting cannot canonicalise. */
export function symmetricRows(L: Layout): Rows[] {
  const rows = new Map<IndexRange, number[][]>();
  const rowsOf = (r: IndexRange): number[][] => {
    let x = rows.get(r);
    if (!x) rows.set(r, (x = Array.from({ length: r.size }, () => [])));
    return x;
  };
  // `under`: the symmetric range and index this node lies in, if any.
  const walk = (node: Node, path: string, under: { range: IndexRange; i: number } | null): void => {
    const inRange = (r: IndexRange): void => {
      if (under && r.symmetric) {
        throw new RangeError(`state field ${path}: it is indexed by the symmetric ranges ${under.range.name} and ${r.name} at once, which symmetry reduction does not support; declare one of them not symmetric.`);
      }
    };
    switch (node.kind) {
      case "scalar":
        if (node.type.kind === "index" && node.type.range.symmetric) {
          throw new RangeError(`state field ${path} holds an index of the symmetric range ${node.type.range.name} as a value; symmetry reduction supports symmetric indices as positions (map, set) only. Declare ${node.type.range.name} not symmetric, or store the value differently.`);
        }
        if (under) rowsOf(under.range)[under.i]!.push(node.slot);
        return;
      case "set": {
        const r = node.type.range;
        inRange(r);
        node.slots.forEach((s, i) => {
          if (r.symmetric) rowsOf(r)[i]!.push(s);
          else if (under) rowsOf(under.range)[under.i]!.push(s);
        });
        return;
      }
      case "array": {
        const r = node.type.range;
        if (r) inRange(r);
        node.elements.forEach((e, i) => walk(e, `${path}[${i}]`, r?.symmetric ? { range: r, i } : under));
        return;
      }
      case "record":
        for (const [name, f] of node.fields) walk(f, path === "" ? name : `${path}.${name}`, under);
    }
  };
  walk(L.root, "", null);
  return [...rows].map(([range, r]) => ({ range, n: r.length, m: r[0]!.length, slots: Int32Array.from(r.flat()) }));
}
