/**
 * The distinct-state counts the reference checkers print, read back.
 *
 * SPIN prints its counts with `%g` once they pass 10^7 ("1.2388855e+08
 * states, stored"): eight significant digits, so the count is known only to
 * within half a unit of the last digit. A count carries that margin, and the
 * benchmark's agreement check allows it.
 */

/** A count as a checker printed it: `states`, give or take `within`. */
export interface Count {
  readonly states: number;
  readonly within: number;
}

/** The number before `label` in `output` ("123 states, stored" or "1.2e+08 states, stored"), or null if there is none. */
export function printedCount(output: string, label: string): Count | null {
  const m = new RegExp(`(\\d+(?:\\.\\d+)?)(?:e\\+(\\d+))? ${label}`).exec(output);
  if (!m) return null;
  if (m[2] === undefined) return { states: Number(m[1]), within: 0 };
  const decimals = m[1]!.split(".")[1]?.length ?? 0;
  const exponent = Number(m[2]);
  return { states: Math.round(Number(m[1]) * 10 ** exponent), within: 0.5 * 10 ** (exponent - decimals) };
}

/** True if every count agrees with the exact ones (which must be equal) within its margin. */
export function countsAgree(counts: readonly Count[]): boolean {
  const exact = new Set(counts.filter((c) => c.within === 0).map((c) => c.states));
  if (exact.size > 1) return false;
  const [truth] = [...exact];
  if (truth === undefined) return true;
  return counts.every((c) => Math.abs(c.states - truth) <= c.within);
}
