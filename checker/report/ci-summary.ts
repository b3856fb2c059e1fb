/**
 * The gate's Markdown summary for a pull request or a GitHub job summary:
 * the verdict table, then each unexpected trace as steps and a diagram.
 */
import { count } from "./summary.js";

/** A row of the verdict table. */
export interface SummaryRow {
  readonly config: string;
  readonly cells: ReadonlyArray<{ readonly text: string; readonly ok: boolean }>;
  readonly distinctStates: number;
}

/** An unexpected verdict with its trace. */
export interface SummaryProblem {
  readonly title: string;
  readonly problem: string;
  readonly reason: string | null;
  /** Steps and Mermaid diagram, already Markdown. */
  readonly markdown: string | null;
}

/** The summary document. */
export function ciSummaryMarkdown(properties: readonly string[], rows: readonly SummaryRow[], problems: readonly SummaryProblem[], other: readonly string[]): string {
  const out: string[] = [];
  const failed = problems.length + other.length;
  out.push(`## dnsmc: ${failed === 0 ? "every verdict as expected" : `${failed} unexpected result${failed === 1 ? "" : "s"}`}`, "");
  out.push(`| configuration | ${properties.map((p) => `\`${p}\``).join(" | ")} | distinct states |`);
  out.push(`|---|${properties.map(() => "---|").join("")}---:|`);
  for (const r of rows) {
    out.push(`| ${r.config} | ${r.cells.map((c) => `${c.ok ? "✅" : "❌"} ${c.text}`).join(" | ")} | ${count(r.distinctStates)} |`);
  }
  out.push("", "✅ as expected (a violation marked ✅ is a known, expected one) · ❌ not as expected", "");
  for (const o of other) out.push(`- ❌ ${o}`);
  if (other.length > 0) out.push("");
  for (const p of problems) {
    out.push(`### ❌ ${p.title}`, "", p.problem, "");
    if (p.markdown) out.push(p.markdown, "");
    if (p.reason) out.push(`**Why it fails:** ${p.reason}`, "");
  }
  return out.join("\n");
}
