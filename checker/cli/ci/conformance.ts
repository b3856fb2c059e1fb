/**
 * The gate's conformance step (`dnsmc ci --conform`, or `"conform": true` on
 * a configuration): every counterexample the gate found is run on the
 * project's implementation (`dnsmc conform`), one configuration's traces on
 * one session of its variant.
 */
import { conform } from "../../conform/run.js";
import { conformLines, loadImplementation, startSession } from "../commands/conform.js";
import type { LoadedFamily } from "../load.js";
import type { ProjectConfig } from "../project.js";
import { readTraceText } from "../trace-file.js";
import type { ConfigOutcome } from "./outcome.js";

/** One counterexample run on the implementation. */
export interface ConformanceCase {
  readonly config: string;
  readonly property: string;
  readonly matched: boolean;
  /** The step where the implementation diverges, or null. */
  readonly divergence: number | null;
  /** The run as `dnsmc conform` prints it. */
  readonly lines: readonly string[];
}

/** Runs the counterexamples of `outcomes` on the implementation. */
export async function conformCounterexamples(outcomes: readonly ConfigOutcome[], loaded: LoadedFamily, project: ProjectConfig | null): Promise<ConformanceCase[]> {
  const implementation = await loadImplementation(project);
  const cases: ConformanceCase[] = [];
  for (const o of outcomes) {
    const traces = o.files.filter((f) => f.path.endsWith(".itf.json"));
    if (traces.length === 0) continue;
    const session = await startSession(implementation, o.entry.variant, o.entry.parameters, implementation.servers[0]!);
    try {
      for (const file of traces) {
        const t = readTraceText(file.contents, file.path, loaded, {});
        const outcome = await conform(t.model, t.states, t.actions, t.itfActions, session);
        cases.push({ config: o.entry.name, property: t.property?.name ?? file.path, matched: outcome.matched, divergence: outcome.firstDivergence?.n ?? null, lines: conformLines(outcome) });
      }
    } finally {
      await session.close();
    }
  }
  return cases;
}
