/** Traces as Mermaid sequence diagrams, which GitHub renders in Markdown. */
import type { Model } from "../model.js";
import type { Trace } from "../result.js";

/** The `sequenceDiagram` of a trace, or null if the model does not draw diagrams. */
export function traceToMermaid<S, A>(model: Model<S, A>, trace: Trace<S, A>): string | null {
  const diagram = model.diagram;
  if (!diagram) return null;
  const lines = ["sequenceDiagram"];
  for (const p of diagram.participants()) lines.push(`  participant ${p.id} as ${clean(p.label)}`);
  const last = trace.steps.length - 1;
  const everyone = diagram.participants().map((p) => p.id);
  const across = everyone.length > 1 ? `${everyone[0]},${everyone[everyone.length - 1]}` : everyone[0];
  // A lasso's cycle is Mermaid's loop block; a behaviour that stays in its last state forever, a note.
  const cycle = trace.loop !== undefined && trace.loop < last;
  trace.steps.forEach((step, i) => {
    if (cycle && i === trace.loop! + 1) lines.push(`  loop forever: steps ${trace.loop! + 1}-${last}, back to step ${trace.loop}`);
    if (i === 0 || step.action === null) return;
    const before = trace.steps[i - 1]!.state;
    for (const m of diagram.messages(before, step.action, step.state)) {
      const text = `${i}. ${clean(m.text)}`;
      if (m.kind === "note") lines.push(`  ${cycle && i > trace.loop! ? "  " : ""}Note over ${m.from === m.to ? m.from : `${m.from},${m.to}`}: ${text}`);
      else lines.push(`  ${cycle && i > trace.loop! ? "  " : ""}${m.from}->>${m.to}: ${text}`);
    }
  });
  if (cycle) lines.push("  end");
  else if (trace.loop !== undefined && across) lines.push(`  Note over ${across}: from step ${trace.loop} the behaviour stays in this state forever`);
  return lines.join("\n");
}

// Mermaid gives ';' and '#' meaning inside messages; keep the text literal.
function clean(text: string): string {
  return text.replace(/;/g, ",").replace(/#/g, "no. ").replace(/[\r\n]+/g, " ");
}
