/** A trace for the terminal: numbered steps, only what changed after each, and why it fails. */
import type { Model } from "../model.js";
import type { PropertyResult, Trace } from "../result.js";
import { FAIRNESS_HEADING, fairnessLines, loopMarkers } from "./lasso.js";
import { kindLabel, readableSteps } from "./steps.js";
import type { Terminal } from "./terminal.js";

/** The lines that print one property's trace. */
export function traceToText<S, A>(model: Model<S, A>, result: PropertyResult<S, A>, trace: Trace<S, A>, term?: Terminal): string[] {
  const paint = term ? term.paint : (_c: string, text: string) => text;
  const length = trace.steps.length - 1;
  const title = result.verdict === "found" ? "Example" : "Counterexample";
  const loop = loopMarkers(trace);
  const shape = loop ? `, a lasso looping from step ${loop.at}` : "";
  const lines = [paint("bold", `${title}: ${result.name} (${kindLabel(result.kind)}), ${length} action${length === 1 ? "" : "s"}${shape}`)];
  const width = String(length).length;
  for (const step of readableSteps(model, trace)) {
    lines.push(`  ${String(step.n).padStart(width)}. ${paint("bold", step.description)}`);
    for (const change of step.changes) lines.push(`  ${" ".repeat(width)}     ${change}`);
    for (const note of step.notes) lines.push(`  ${" ".repeat(width)}     ${paint("cyan", `note: ${note}`)}`);
    if (loop && step.n === loop.at) lines.push(`  ${" ".repeat(width)}  ${paint("yellow", loop.start)}`);
    if (loop?.back && step.n === loop.last) lines.push(`  ${" ".repeat(width)}  ${paint("yellow", loop.back)}`);
  }
  const fair = fairnessLines(trace);
  if (fair.length > 0) lines.push(`  ${FAIRNESS_HEADING}`, ...fair.map((f) => `    - ${f}`));
  lines.push(`  ${paint(result.verdict === "found" ? "green" : "red", result.verdict === "found" ? "What it shows:" : "Why it fails:")} ${trace.reason}`);
  return lines;
}
