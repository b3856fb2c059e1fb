/** The gate's result as data (`dnsmc ci --json`): what the table, the problems and the suggestions say. */
import type { Judgement } from "./judge.js";
import type { ConfigOutcome } from "./outcome.js";
import type { Paste } from "./paste.js";

/** `dnsmc ci --json`'s output. */
export interface CiJson {
  /** Every verdict as expected and every variant covered: the gate's exit code is 0 exactly when this is true. */
  readonly ok: boolean;
  readonly matrix: string;
  readonly configurations: readonly {
    readonly name: string;
    readonly variant: string;
    readonly parameters: Readonly<Record<string, number>>;
    readonly symmetry: boolean;
    readonly distinctStates: number;
    readonly diameter: number;
    readonly properties: readonly { name: string; kind: string; verdict: string; expected: string | null; ok: boolean; traceLength: number | null }[];
  }[];
  /** One sentence per problem, as the terminal lists them. */
  readonly problems: readonly string[];
  /** The JSON to paste into the matrix for what it lacks. */
  readonly suggestions: readonly Paste[];
}

/** Builds `dnsmc ci --json`'s output. */
export function ciJson(matrix: string, outcomes: readonly ConfigOutcome[], judgements: readonly Judgement[], coverage: readonly string[], suggestions: readonly Paste[], ok: boolean): CiJson {
  return {
    ok,
    matrix,
    configurations: outcomes.map((o) => ({
      name: o.entry.name,
      variant: o.entry.variant,
      parameters: o.entry.parameters,
      symmetry: o.entry.symmetry,
      distinctStates: o.distinctStates,
      diameter: o.diameter,
      properties: judgements
        .filter((j) => j.config === o.entry.name)
        .map((j) => ({ name: j.property.name, kind: j.property.kind, verdict: j.property.verdict, expected: j.expected, ok: j.ok, traceLength: j.property.traceLength })),
    })),
    problems: [...coverage, ...judgements.filter((j) => !j.ok).map((j) => j.problem!)],
    suggestions,
  };
}
