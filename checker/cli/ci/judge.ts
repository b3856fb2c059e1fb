/**
 * Comparing outcomes with expectations: one judgement per (configuration,
 * property), plus coverage problems (a variant the matrix never checks).
 * Every report of the gate (terminal, JUnit, Markdown, annotations) is
 * built from these judgements.
 */
import type { ModelFamily } from "../../family.js";
import type { MatrixEntry } from "./matrix.js";
import type { ConfigOutcome, PropertyOutcome } from "./outcome.js";

/** The verdict of one property in one configuration against its expectation. */
export interface Judgement {
  readonly config: string;
  readonly property: PropertyOutcome;
  readonly expected: string | null;
  readonly ok: boolean;
  /** Why it is not ok; null when ok. */
  readonly problem: string | null;
  /** Source file to annotate. */
  readonly source: string | null;
}

/** Judges every property of every outcome. */
export function judge(outcomes: readonly ConfigOutcome[]): Judgement[] {
  return outcomes.flatMap((o) => o.properties.map((p) => judgeOne(o, p)));
}

function judgeOne(o: ConfigOutcome, p: PropertyOutcome): Judgement {
  const config = o.entry.name;
  const expected = o.entry.expect[p.name] ?? null;
  const base = { config, property: p, expected, source: o.source };
  if (expected === null) {
    return { ...base, ok: false, problem: `${config}: property "${p.name}" has no expected verdict (it is ${p.verdictText}); record it under "expect" in the matrix (the JSON to paste is below).` };
  }
  if (expected === p.verdict) return { ...base, ok: true, problem: null };
  let problem: string;
  if (expected === "violated" && p.kind === "sometimes") {
    problem = `${config}: ${p.name} was expected to be unreachable (violated) but the witness is ${p.verdict}.`;
  } else if (expected === "violated") {
    problem = `${config}: ${p.name} was expected to be violated but ${p.verdict === "holds" ? "holds" : `is ${p.verdict}`}: the checker no longer finds the known race, so the model or the checker regressed.`;
  } else if (p.verdict === "violated") {
    problem = `${config}: ${p.name} is VIOLATED, expected ${expected}${p.text ? " (trace below)" : ""}.`;
    if (p.kind === "sometimes") problem += " The witness is unreachable, so the other properties may hold only vacuously.";
  } else {
    problem = `${config}: ${p.name} is ${p.verdict}, expected ${expected}.`;
  }
  return { ...base, ok: false, problem };
}

/** Names of the family's variants that no configuration of the matrix checks. */
export function uncovered(family: ModelFamily, entries: readonly MatrixEntry[]): string[] {
  const covered = new Set(entries.map((e) => e.variant));
  return family.variants.filter((v) => !covered.has(v.name)).map((v) => v.name);
}
