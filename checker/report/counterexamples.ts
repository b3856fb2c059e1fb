/**
 * Counterexample files: for each violated property with a trace,
 * `<out>/<model>/<property>.itf.json` (for tools) and `.md` (for people and
 * pull requests). The contents depend only on the model and the trace, so
 * the same check writes the same bytes.
 */
import { join } from "node:path";
import type { Model } from "../model.js";
import type { CheckResult } from "../result.js";
import { writeFileAtomic } from "./files.js";
import { formatItf, traceToItf } from "./itf.js";
import { traceToMarkdown, type ReportContext } from "./markdown.js";

/** Writes the files of every violated property; returns their paths. */
export function writeCounterexamples<S, A>(model: Model<S, A>, result: CheckResult<S, A>, out: string, context: ReportContext): string[] {
  const written: string[] = [];
  for (const p of result.properties) {
    if (p.verdict !== "violated" || p.trace === null) continue;
    const base = join(out, model.name, p.name);
    const itf = traceToItf(model, p.trace, {
      source: context.source,
      description: `Counterexample to ${p.name} in ${context.model}: ${p.traceLength} actions`,
      parameters: context.parameters,
    });
    writeFileAtomic(`${base}.itf.json`, formatItf(itf));
    writeFileAtomic(`${base}.md`, traceToMarkdown(model, p, p.trace, context));
    written.push(`${base}.itf.json`, `${base}.md`);
  }
  return written;
}
