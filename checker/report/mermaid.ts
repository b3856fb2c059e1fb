/** Traces as Mermaid sequence diagrams, which GitHub renders in Markdown. */
import type { Model } from "../model.js";
import type { Trace } from "../result.js";

/** The `sequenceDiagram` of a trace, or null if the model does not draw diagrams. */
export function traceToMermaid<S, A>(model: Model<S, A>, trace: Trace<S, A>): string | null {
  const diagram = model.diagram;
  if (!diagram) return null;
  const lines = ["sequenceDiagram"];
  for (const p of diagram.participants()) lines.push(`  participant ${p.id} as ${clean(p.label)}`);
  trace.steps.forEach((step, i) => {
    if (i === 0 || step.action === null) return;
    const before = trace.steps[i - 1]!.state;
    for (const m of diagram.messages(before, step.action, step.state)) {
      const text = `${i}. ${clean(m.text)}`;
      if (m.kind === "note") lines.push(`  Note over ${m.from === m.to ? m.from : `${m.from},${m.to}`}: ${text}`);
      else lines.push(`  ${m.from}->>${m.to}: ${text}`);
    }
  });
  return lines.join("\n");
}

// Mermaid gives ';' and '#' meaning inside messages; keep the text literal.
function clean(text: string): string {
  return text.replace(/;/g, ",").replace(/#/g, "no. ").replace(/[\r\n]+/g, " ");
}
