/** A trace as numbered steps, each with the rows it changed: shared by the terminal and Markdown reports. */
import type { Model } from "../model.js";
import type { Trace } from "../result.js";
import { diffViews, formatChange, viewOf } from "./view.js";

/** One numbered step: what happened, what it changed (every row for step 0), and the model's notes on it. */
export interface ReadableStep {
  readonly n: number;
  readonly description: string;
  readonly changes: readonly string[];
  readonly notes: readonly string[];
}

/** The steps of `trace`, with the initial state in full and diffs after that. */
export function readableSteps<S, A>(model: Model<S, A>, trace: Trace<S, A>): ReadableStep[] {
  let previous = viewOf(model, trace.steps[0]!.state);
  return trace.steps.map((step, n) => {
    const view = viewOf(model, step.state);
    const changes = n === 0 ? view.map(([label, value]) => `${label}: ${value}`) : diffViews(previous, view).map(formatChange);
    previous = view;
    return {
      n,
      description: n === 0 ? "Initial state" : step.description,
      changes: n > 0 && changes.length === 0 ? ["(no change)"] : changes,
      notes: trace.notes.filter((note) => note.step === n).map((note) => note.text),
    };
  });
}

/** "invariant", "step property", ... for reports. */
export function kindLabel(kind: string): string {
  switch (kind) {
    case "always":
      return "invariant";
    case "step":
      return "step property";
    case "sometimes":
      return "witness";
    case "recoverable":
      return "recovery property";
    case "eventually":
      return "liveness";
    case "leadsTo":
      return "leads-to";
    case "convergesTo":
      return "convergence";
    default:
      return kind;
  }
}
