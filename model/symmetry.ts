/**
 * Symmetry over Enactors: they are interchangeable, so a state's
 * representative lists them sorted by (phase, plan, next endpoint). Every
 * permutation of the Enactors maps to the same words.
 */
import type { DnsState, Phase } from "./state.js";

/** The representative of `s`'s symmetry class (`s` itself when already sorted). */
export function canonical(s: DnsState): DnsState {
  const E = s.enactors;
  const keys: number[] = [];
  let sorted = true;
  for (let e = 0; e < E; e++) {
    keys.push(s.phase(e) * 0x10000 + s.plan(e) * 0x100 + s.next(e));
    if (e > 0 && keys[e]! < keys[e - 1]!) sorted = false;
  }
  if (sorted) return s;
  keys.sort((a, b) => a - b);
  const t = s.copy();
  keys.forEach((k, e) => t.setEnactor(e, (k >>> 16) as Phase, (k >>> 8) & 0xff, k & 0xff));
  return t;
}
