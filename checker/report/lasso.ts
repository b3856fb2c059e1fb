/**
 * How every report shows a lasso (a temporal property's counterexample):
 * where the cycle starts, where it goes back, and why the cycle is a fair
 * behaviour, one line per fairness constraint. Shared by the terminal,
 * Markdown and the HTML viewer so that they say the same thing.
 */
import type { FairnessNote, Trace } from "../result.js";

/** The loop's markers: the line at the step where it starts, and the line after its last step (null when it stutters). */
export interface LoopMarkers {
  readonly at: number;
  readonly last: number;
  readonly start: string;
  readonly back: string | null;
}

/** The markers of a lasso, or null for a trace without a loop. */
export function loopMarkers(trace: Pick<Trace<unknown, unknown>, "steps" | "loop">): LoopMarkers | null {
  if (trace.loop === undefined) return null;
  const last = trace.steps.length - 1;
  const at = trace.loop;
  if (at === last) return { at, last, start: "↻ from here the behaviour stays in this state forever (no fair action is left to take)", back: null };
  return { at, last, start: `↻ the cycle starts here: steps ${at + 1}–${last} repeat forever`, back: `↩ back to step ${at}: the same state, and the cycle again` };
}

/** One sentence per fairness constraint: why the cycle respects it. */
export function fairnessLines(trace: Pick<Trace<unknown, unknown>, "steps" | "loop" | "fairness">): string[] {
  if (trace.loop === undefined || !trace.fairness) return [];
  const last = trace.steps.length - 1;
  const cycleStates = trace.loop === last ? 1 : last - trace.loop;
  return trace.fairness.map((f) => `${f.name} (${f.kind === "weak" ? "weakly" : "strongly"} fair): ${why(f, cycleStates)}`);
}

/** The heading above the fairness lines. */
export const FAIRNESS_HEADING = "Why the cycle is a fair behaviour (every fair set of actions runs on it, or is disabled on it):";

function why(f: FairnessNote, cycleStates: number): string {
  const steps = (xs: readonly number[]): string => `step${xs.length === 1 ? "" : "s"} ${xs.join(", ")}`;
  if (f.takenAt.length > 0) return `runs at ${steps(f.takenAt)}`;
  if (f.disabledAt.length === cycleStates) return cycleStates === 1 ? `disabled in step ${f.disabledAt[0]}'s state, where the behaviour stays` : "disabled all along the cycle";
  // Weak fairness only: the cycle passes through a state where it is disabled.
  return `disabled at ${steps(f.disabledAt)}, so it is not enabled forever`;
}
