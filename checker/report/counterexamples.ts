/**
 * Counterexample files: for each violated property with a trace,
 * `<out>/<model>/<property>.itf.json` (for tools), `.md` (for pull requests)
 * and `.html` (the trace viewer). `<model>` is the model's name (for the DNS model: the
 * variant and any non-default parameters), plus `,symmetry` for a reduced
 * search. The contents depend only on the model and the trace, so the same
 * check writes the same bytes.
 */
import { join } from "node:path";
import type { Model } from "../model.js";
import type { CheckResult, PropertyResult } from "../result.js";
import { writeFileAtomic } from "./files.js";
import { traceToHtml } from "./html.js";
import { formatItf, traceToItf } from "../itf/write.js";
import { traceToMarkdown, type ReportContext } from "./markdown.js";

/** A file to write: a path relative to the output folder, and its contents. */
export interface RenderedFile {
  readonly path: string;
  readonly contents: string;
}

/** The files of every violated property, not yet written. */
export function renderCounterexamples<S, A>(model: Model<S, A>, result: CheckResult<S, A>, context: ReportContext): RenderedFile[] {
  return renderTraces(model, result.properties, model.name + (result.symmetry ? ",symmetry" : ""), context);
}

/** The files of the violated properties among `properties`, under `folder`. */
export function renderTraces<S, A>(model: Model<S, A>, properties: ReadonlyArray<PropertyResult<S, A>>, folder: string, context: ReportContext): RenderedFile[] {
  return properties.flatMap((p) => {
    if (p.verdict !== "violated" || p.trace === null) return [];
    const itf = traceToItf(model, p.trace, {
      source: context.source,
      description: `Counterexample to ${p.name} in ${context.model}: ${p.traceLength} actions`,
      variant: context.model,
      property: p.name,
      parameters: context.parameters,
    });
    return [
      { path: join(folder, `${p.name}.itf.json`), contents: formatItf(itf) },
      { path: join(folder, `${p.name}.md`), contents: traceToMarkdown(model, p, p.trace, context) },
      { path: join(folder, `${p.name}.html`), contents: traceToHtml(model, p, p.trace, context) },
    ];
  });
}

/** Writes rendered files under `out`, each atomically; returns their full paths. */
export function writeRendered(out: string, files: readonly RenderedFile[]): string[] {
  return files.map((f) => {
    const path = join(out, f.path);
    writeFileAtomic(path, f.contents);
    return path;
  });
}

/** Renders and writes the counterexamples of a check; returns their paths. */
export function writeCounterexamples<S, A>(model: Model<S, A>, result: CheckResult<S, A>, out: string, context: ReportContext): string[] {
  return writeRendered(out, renderCounterexamples(model, result, context));
}
