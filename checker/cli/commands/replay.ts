/**
 * `dnsmc replay TRACE.itf.json [--variant V]`: re-executes a trace (one of
 * ours, or edited by hand) on a variant, step by step: is each action
 * enabled, does it have the same effect, and does the property still fail at
 * the end. How a reviewer checks a fix against the historical incident.
 */
import { relative, resolve } from "node:path";
import { replayOn } from "../../replay.js";
import { kindLabel } from "../../report/steps.js";
import { loadContext } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { COMMON_OPTIONS, configText, parameterOptions, parse } from "../options.js";
import type { Output } from "../output.js";
import { readTraceFile } from "../trace-file.js";

/** Runs `dnsmc replay FILE ARGS`: exit 1 if the property still fails at the end, 0 if not, 2 if the trace cannot be replayed. */
export async function replayCommand(args: readonly string[], io: Output): Promise<number> {
  const { loaded } = await loadContext(args, io);
  const options = { ...COMMON_OPTIONS, variant: { type: "string" }, property: { type: "string" }, ...parameterOptions(loaded.family) } as const;
  const { values, positionals } = parse(args, options, "replay", true);
  if (positionals.length !== 1) throw new UsageError("dnsmc replay takes one trace file, e.g. `dnsmc replay counterexamples/incident/endpoint-never-empty.itf.json --variant cas`.");
  const file = resolve(positionals[0]!);
  const t = readTraceFile(file, loaded, values);
  const outcome = replayOn(t.model, t.states, t.actions, t.property ?? undefined, t.itf.loop);
  const lasso = t.itf.loop !== undefined;
  const config = configText(t.params);
  io.out(`dnsmc replay: ${relative(process.cwd(), file)} on ${t.variant}${config ? ` (${config})` : ""}`);
  const shape = lasso ? `, a lasso looping from step ${t.itf.loop}` : "";
  io.out(t.property ? `  property ${t.property.name} (${kindLabel(t.property.kind)}), ${t.actions.length} actions${shape}` : `  ${t.actions.length} actions${shape}, no property named`);
  io.out("");
  const width = String(t.actions.length).length;
  for (const step of outcome.steps) {
    const at = `  ${String(step.n).padStart(width)}.`;
    if (step.status === "blocked") {
      const taken = t.itf.states[step.n]!;
      io.out(`${at} ${taken.actionTaken} ${JSON.stringify(taken.picks)}: NOT ENABLED on ${t.variant}${step.reason ? `: ${step.reason}` : ""}`);
      continue;
    }
    const tag = step.status === "different" ? "   [different effect]" : step.status === "carried" ? `   [same effect; the state differs since step ${step.since}]` : "";
    io.out(`${at} ${step.description}${tag}`);
    for (const d of step.differences) io.out(`  ${" ".repeat(width)}     ${d.label}: ${d.before ?? "(none)"} in the trace, ${d.after ?? "(none)"} on ${t.variant}`);
  }
  io.out("");
  if (outcome.blockedAt !== null) {
    io.out(`The trace cannot be replayed on ${t.variant}: the action of step ${outcome.blockedAt} is not enabled there.`);
    return EXIT.usage;
  }
  const first = outcome.steps.find((s) => s.status === "different");
  io.out(first ? `First divergence: step ${first.n}.` : `Every step has the same effect on ${t.variant} as in the trace.`);
  if (!t.property) return EXIT.ok;
  if (outcome.stillViolated) {
    io.out(lasso ? `${t.property.name} still fails on ${t.variant}: the cycle closes, it is fair there, and the property fails along it.` : `${t.property.name} still fails at the end on ${t.variant}.`);
    return EXIT.violated;
  }
  io.out(lasso ? `${t.property.name} no longer fails along this lasso on ${t.variant} (the cycle does not close, is not fair there, or the property holds on it).` : `${t.property.name} no longer fails at the end on ${t.variant}.`);
  return EXIT.ok;
}
