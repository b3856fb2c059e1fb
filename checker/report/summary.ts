/** The human summary of one check: what was explored, each verdict, then each trace. */
import type { Model } from "../model.js";
import type { CheckResult, PropertyResult } from "../result.js";
import { kindLabel } from "./steps.js";
import type { Terminal } from "./terminal.js";
import { traceToText } from "./text.js";

const STOP_TEXT: Record<CheckResult["stopReason"], string> = {
  exhausted: "explored every reachable state",
  violation: "stopped at the first violation",
  decided: "stopped once every property was decided",
  "max-states": "stopped at the state limit (--max-states): INCOMPLETE",
  "max-depth": "stopped at the depth limit (--max-depth): INCOMPLETE",
  timeout: "stopped by the time limit (--timeout): INCOMPLETE",
  "max-memory": "stopped at the memory limit (--max-memory): INCOMPLETE",
};

/** "VIOLATED (9 actions)", "holds", "witness found (5 actions)", ... */
export function verdictText(p: PropertyResult): string {
  switch (p.verdict) {
    case "holds":
      return "holds";
    case "found":
      return `witness found (${p.traceLength} action${p.traceLength === 1 ? "" : "s"})`;
    case "violated":
      return p.trace ? `VIOLATED (${p.traceLength} action${p.traceLength === 1 ? "" : "s"})` : p.kind === "sometimes" ? "VIOLATED (never reached)" : "VIOLATED";
    case "unknown":
      return "unknown";
  }
}

/**
 * An integer with thousands separators, as en-US writes it ("2,562,126"), the
 * same on every machine. Not `toLocaleString`: its first call loads the
 * locale data, 20 ms of every command that prints a count.
 */
export const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ",");

const PLAIN: Terminal = { paint: (_c, text) => text, fold: (line) => [line] };

/** The verdict, coloured: red when violated, green when it holds or a witness is found. */
export function paintVerdict(term: Terminal, p: PropertyResult): string {
  const text = verdictText(p);
  return term.paint(p.verdict === "violated" ? "red" : p.verdict === "unknown" ? "yellow" : "green", text);
}

/** The lines of a check's human report. */
export function summaryLines<S, A>(title: string, model: Model<S, A>, result: CheckResult<S, A>, files: readonly string[], term: Terminal = PLAIN): string[] {
  const lines = [term.paint("bold", title)];
  lines.push(
    `  ${STOP_TEXT[result.stopReason]}: ${count(result.distinctStates)} distinct state${result.distinctStates === 1 ? "" : "s"} (${count(result.statesGenerated)} generated), ` +
      // The diameter is the longest shortest path: what a complete breadth-first search measures, and nothing else does.
      `${result.strategy === "dfs" ? "maximum depth" : result.complete ? "diameter" : "depth"} ${result.diameter}, ${(result.elapsedMs / 1000).toFixed(2)} s` +
      (result.symmetry ? ", symmetry reduction" : "") +
      (result.strategy === "dfs" ? ", depth-first" : ""),
    "",
  );
  const width = Math.max(8, ...result.properties.map((p) => p.name.length));
  for (const p of result.properties) {
    lines.push(`  ${p.name.padEnd(width)}  ${kindLabel(p.kind).padEnd(17)}  ${paintVerdict(term, p)}`);
    if (p.verdict === "unknown" && p.note) lines.push(`  ${" ".repeat(width)}  ${p.note}`);
    if (p.verdict === "violated" && !p.trace && p.note) lines.push(`  ${" ".repeat(width)}  ${p.note}`);
  }
  for (const p of result.properties) {
    if (p.verdict === "violated" && p.trace) lines.push("", ...traceToText(model, p, p.trace, term));
  }
  if (files.length > 0) lines.push("", "Counterexamples written:", ...files.map((f) => `  ${f}`));
  return lines;
}
