/**
 * The outcome of one matrix configuration as plain data: verdicts, counts,
 * and every report already rendered to text. Worker threads send these to
 * the main thread, which compares, writes and prints; nothing in here needs
 * the model any more.
 */
import { renderCounterexamples, type RenderedFile } from "../../report/counterexamples.js";
import { traceToMarkdownSteps } from "../../report/markdown.js";
import { traceToMermaid } from "../../report/mermaid.js";
import { verdictText } from "../../report/summary.js";
import { traceToText } from "../../report/text.js";
import type { PropertyKind } from "../../property.js";
import type { ModelError, Verdict } from "../../result.js";
import type { LoadedFamily } from "../load.js";
import type { Run } from "../run.js";
import type { MatrixEntry } from "./matrix.js";

/** One property's verdict with its trace rendered for each consumer. */
export interface PropertyOutcome {
  readonly name: string;
  readonly kind: PropertyKind;
  readonly verdict: Verdict;
  /** "VIOLATED (9 actions)", "holds", ... */
  readonly verdictText: string;
  readonly traceLength: number | null;
  readonly reason: string | null;
  /** The trace as terminal lines, or null without a trace. */
  readonly text: readonly string[] | null;
  /** The trace as Markdown steps and a Mermaid diagram, for summaries. */
  readonly markdown: string | null;
  readonly note: string | null;
}

/** One configuration's outcome. */
export interface ConfigOutcome {
  readonly entry: MatrixEntry;
  /** Source file of the variant, for CI annotations. */
  readonly source: string | null;
  readonly distinctStates: number;
  readonly diameter: number;
  readonly elapsedMs: number;
  readonly properties: readonly PropertyOutcome[];
  readonly files: readonly RenderedFile[];
  /** Folder (under the output folder) that holds this configuration's counterexamples. */
  readonly folder: string;
  readonly error: ModelError | null;
}

/** Renders a finished run into an outcome. */
export function outcomeOf(loaded: LoadedFamily, entry: MatrixEntry, run: Run): ConfigOutcome {
  const { model, result } = run;
  const context = { model: entry.variant, parameters: entry.parameters, source: loaded.source };
  return {
    entry,
    source: loaded.family.variants.find((v) => v.name === entry.variant)?.source ?? null,
    distinctStates: result.distinctStates,
    diameter: result.diameter,
    elapsedMs: result.elapsedMs,
    properties: result.properties.map((p) => ({
      name: p.name,
      kind: p.kind,
      verdict: p.verdict,
      verdictText: verdictText(p),
      traceLength: p.traceLength,
      reason: p.trace?.reason ?? null,
      text: p.trace ? traceToText(model, p, p.trace) : null,
      markdown: p.trace ? [traceToMarkdownSteps(model, p.trace), "", "```mermaid", traceToMermaid(model, p.trace) ?? "", "```"].join("\n") : null,
      note: p.note ?? null,
    })),
    files: result.error ? [] : renderCounterexamples(model, result, context),
    folder: model.name + (result.symmetry ? ",symmetry" : ""),
    error: result.error ?? null,
  };
}
