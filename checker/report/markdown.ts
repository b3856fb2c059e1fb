/** A counterexample as Markdown for a pull request: numbered steps with diffs, the reason, a Mermaid diagram. */
import type { Model } from "../model.js";
import type { PropertyResult, Trace } from "../result.js";
import { traceToMermaid } from "./mermaid.js";
import { FAIRNESS_HEADING, fairnessLines, loopMarkers } from "./lasso.js";
import { kindLabel, readableSteps } from "./steps.js";

/** What the report is about, in deterministic terms (no times, no paths of this machine). */
export interface ReportContext {
  /** Model (and variant) name, e.g. `incident`. */
  readonly model: string;
  /** The model's parameters, e.g. `{enactors: 3}`. */
  readonly parameters: Readonly<Record<string, number>>;
  /** Where the model came from (ITF's `source`). */
  readonly source: string;
}

/** The Markdown document of one property's trace. */
export function traceToMarkdown<S, A>(model: Model<S, A>, result: PropertyResult<S, A>, trace: Trace<S, A>, context: ReportContext): string {
  const verb = result.verdict === "found" ? "reached" : "violated";
  const out: string[] = [];
  out.push(`# \`${result.name}\` ${verb} in \`${context.model}\``, "");
  out.push(`**Property** (${kindLabel(result.kind)}): ${result.description || result.name}`, "");
  const configuration = Object.entries(context.parameters).map(([k, v]) => `\`${k}=${v}\``);
  if (configuration.length > 0) out.push(`**Configuration:** ${configuration.join(", ")}`, "");
  const length = trace.steps.length - 1;
  const loop = loopMarkers(trace);
  out.push(
    loop
      ? `**Trace:** a lasso, ${length} action${length === 1 ? "" : "s"}: a shortest stem to step ${loop.at}, then ${loop.back ? `steps ${loop.at + 1}–${loop.last} forever` : "that state forever"}.`
      : `**Trace:** ${length} action${length === 1 ? "" : "s"}, a shortest one (breadth-first search).`,
    "",
  );
  out.push(traceToMarkdownSteps(model, trace));
  out.push("", `**${result.verdict === "found" ? "What it shows" : "Why it fails"}:** ${escape(trace.reason)}`, "");
  const fair = fairnessLines(trace);
  if (fair.length > 0) out.push(`**${FAIRNESS_HEADING}**`, "", ...fair.map((f) => `- ${escape(f)}`), "");
  const diagram = traceToMermaid(model, trace);
  if (diagram) out.push("```mermaid", diagram, "```", "");
  return out.join("\n");
}

/** The numbered steps of a trace, each with its changes as a nested list. */
export function traceToMarkdownSteps<S, A>(model: Model<S, A>, trace: Trace<S, A>): string {
  const out: string[] = [];
  const loop = loopMarkers(trace);
  for (const step of readableSteps(model, trace)) {
    out.push(`${step.n}. **${escape(step.description)}**`);
    for (const change of step.changes) out.push(`   - ${escape(change)}`);
    for (const note of step.notes) out.push(`   - 📌 *${escape(note)}*`);
    if (loop && step.n === loop.at) out.push(`   - **${escape(loop.start)}**`);
    if (loop?.back && step.n === loop.last) out.push(`   - **${escape(loop.back)}**`);
  }
  return out.join("\n");
}

// Keep Markdown from reading '*', '_' or '|' in model text as formatting.
function escape(text: string): string {
  return text.replace(/([*_|<>])/g, "\\$1");
}
