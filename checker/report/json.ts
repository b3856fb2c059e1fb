/** The result object as JSON for `--json`: the result itself, with traces' states as plain data. */
import type { CheckResult } from "../result.js";

/** A JSON-safe copy of a check result plus context fields. */
export function resultToJson(result: CheckResult, context: Record<string, unknown>): object {
  return {
    ...context,
    status: result.status,
    stopReason: result.stopReason,
    complete: result.complete,
    distinctStates: result.distinctStates,
    statesGenerated: result.statesGenerated,
    // The former name of statesGenerated, kept so that readers of earlier output keep working.
    statesFound: result.statesGenerated,
    diameter: result.diameter,
    elapsedMs: Math.round(result.elapsedMs),
    storeBytes: result.storeBytes,
    strategy: result.strategy,
    ...(result.plan ? { plan: result.plan } : {}),
    symmetry: result.symmetry,
    properties: result.properties.map((p) => ({
      name: p.name,
      kind: p.kind,
      description: p.description,
      verdict: p.verdict,
      traceLength: p.traceLength,
      trace: p.trace && {
        reason: p.trace.reason,
        notes: p.trace.notes,
        steps: p.trace.steps.map((s) => ({ action: s.action, description: s.description, state: s.state })),
        // A lasso: where its cycle starts, and why the cycle is fair.
        ...(p.trace.loop !== undefined ? { loop: p.trace.loop, fairness: p.trace.fairness ?? [] } : {}),
      },
      ...(p.note ? { note: p.note } : {}),
    })),
    ...(result.error ? { error: result.error } : {}),
  };
}
