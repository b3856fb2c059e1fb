/**
 * What the gate asks a user to add to the matrix, as JSON to paste: the
 * verdicts found now for every expectation the matrix lacks, and a whole
 * configuration for a variant it lacks. A missing expectation is a gap in
 * the declaration, not a surprise, so it gets the lines to paste rather than
 * its traces.
 */
import type { ConfigOutcome } from "./outcome.js";

/** One suggestion: where it goes in the matrix, and the JSON to put there. */
export interface Paste {
  readonly where: string;
  readonly json: string;
  /** The matrix file it goes in (set by the gate, which knows the file). */
  readonly matrix?: string;
}

/** Suggestions for the matrix's configurations that lack expectations, and for variants it lacks (`extra`). */
export function pastes(outcomes: readonly ConfigOutcome[], extra: readonly ConfigOutcome[]): Paste[] {
  const found = (o: ConfigOutcome) => Object.fromEntries(o.properties.map((p) => [p.name, o.entry.expect[p.name] ?? p.verdict]));
  const incomplete = outcomes.filter((o) => o.properties.some((p) => o.entry.expect[p.name] === undefined));
  return [
    ...incomplete.map((o) => ({ where: `configurations[${o.entry.index}] (${o.entry.name}): set its "expect" to`, json: inline(found(o)) })),
    ...extra.map((o) => ({ where: `add to "configurations":`, json: inline({ variant: o.entry.variant, expect: found(o) }) })),
  ];
}

/** The terminal lines for suggestions, naming the matrix file. */
export function pasteLines(matrix: string, suggestions: readonly Paste[]): string[] {
  if (suggestions.length === 0) return [];
  return ["", `To record the verdicts found now, review them, then paste into ${matrix}:`, ...suggestions.flatMap((p) => [`  ${p.where}`, `    ${p.json}`])];
}

// One line of JSON with a space after each colon and comma, as people write it.
function inline(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`)
    .join(", ")}}`;
}
