/**
 * Symmetry over Enactors: they are interchangeable, so a state's
 * representative lists them sorted by (phase, plan, next endpoint). Every
 * permutation of the Enactors maps to the same words.
 */
import type { DnsState, Phase } from "./state.js";

const keys: number[] = [];

/** Sorts the Enactors of `s` in place; returns whether anything moved. */
export function canonicalizeInPlace(s: DnsState): boolean {
  const E = s.enactors;
  keys.length = 0;
  let sorted = true;
  for (let e = 0; e < E; e++) {
    keys.push(s.phase(e) * 0x10000 + s.plan(e) * 0x100 + s.next(e));
    if (e > 0 && keys[e]! < keys[e - 1]!) sorted = false;
  }
  if (sorted) return false;
  keys.sort((a, b) => a - b);
  for (let e = 0; e < E; e++) s.setEnactor(e, (keys[e]! >>> 16) as Phase, (keys[e]! >>> 8) & 0xff, keys[e]! & 0xff);
  return true;
}

/** The representative of `s`'s symmetry class (`s` itself when already sorted). */
export function canonical(s: DnsState): DnsState {
  const t = s.copy();
  return canonicalizeInPlace(t) ? t : s;
}
