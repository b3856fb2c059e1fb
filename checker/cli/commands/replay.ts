/**
 * `dnsmc replay TRACE.itf.json [--variant V]`: re-executes a trace (one of
 * ours, or edited by hand) on a variant, step by step: is each action
 * enabled, does it have the same effect, and does the property still fail at
 * the end. How a reviewer checks a fix against the historical incident.
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { canonicalKey } from "../../fingerprint.js";
import type { Model } from "../../model.js";
import { replayOn } from "../../replay.js";
import { readItf, ItfError } from "../../report/itf-read.js";
import { kindLabel } from "../../report/steps.js";
import { loadContext } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { COMMON_OPTIONS, parameterOptions, parameterValues, parse } from "../options.js";
import type { Output } from "../output.js";
import { buildModel, selectProperties } from "../run.js";

/** Runs `dnsmc replay FILE ARGS`; exit 1 if the property still fails at the end, 0 if not, 2 if the trace cannot be replayed. */
export async function replayCommand(args: readonly string[], io: Output): Promise<number> {
  const { loaded } = await loadContext(args, io);
  const { family } = loaded;
  const { values, positionals } = parse(args, { ...COMMON_OPTIONS, variant: { type: "string" }, property: { type: "string" }, ...parameterOptions(family) }, "replay", true);
  if (positionals.length !== 1) throw new UsageError("dnsmc replay takes one trace file, e.g. `dnsmc replay counterexamples/incident/endpoint-never-empty.itf.json --variant cas`.");
  const file = resolve(positionals[0]!);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read the trace ${positionals[0]}: ${(error as Error).message}.`);
  }
  let trace;
  try {
    trace = readItf(text);
  } catch (error) {
    if (error instanceof ItfError) throw new UsageError(`${positionals[0]} is not a trace dnsmc can replay: ${error.message}. Pass an .itf.json file written by dnsmc check (or edited from one).`);
    throw error;
  }
  const meta = trace.meta;
  const variant = (values.variant as string | undefined) ?? (typeof meta.variant === "string" ? meta.variant : undefined);
  if (!variant) throw new UsageError(`${positionals[0]} does not say which variant it comes from; pass --variant NAME.`);
  if (!family.variants.some((v) => v.name === variant)) throw new UsageError(`Unknown variant "${variant}". The variants are: ${family.variants.map((v) => v.name).join(", ")}.`);
  const recorded = typeof meta.parameters === "object" && meta.parameters !== null ? (meta.parameters as Record<string, unknown>) : {};
  const known = Object.fromEntries(Object.entries(recorded).filter(([k]) => family.parameters.some((p) => p.name === k)));
  const params = parameterValues(family, { ...known, ...Object.fromEntries(family.parameters.filter((p) => values[p.name] !== undefined).map((p) => [p.name, values[p.name]])) });
  const propertyName = (values.property as string | undefined) ?? (typeof meta.property === "string" ? meta.property : undefined);
  const property = propertyName ? selectProperties(loaded, [propertyName])[0]! : null;
  const model = buildModel(loaded, variant, params) as Model<unknown, unknown>;
  if (!model.fromItf || !model.actionFromItf) throw new UsageError(`Model "${model.name}" cannot read ITF traces: it defines no fromItf() and actionFromItf().`);

  // Decode every state and action first, so a malformed trace is reported before anything runs.
  const states: unknown[] = [];
  const actions: unknown[] = [];
  trace.states.forEach((s, i) => {
    try {
      states.push(model.fromItf!(s.vars));
      if (i > 0) actions.push(model.actionFromItf!(s.actionTaken!, s.picks));
    } catch (error) {
      throw new UsageError(`${positionals[0]}, step ${i}: ${(error as Error).message}. Fix the trace (see the ITF section of the README for the variables).`);
    }
  });
  if (!model.initStates().some((s) => canonicalKey(s) === canonicalKey(states[0]))) {
    throw new UsageError(`${positionals[0]}, step 0: the trace's initial state is not an initial state of ${variant} with ${describeParams(params)}; pass the parameters the trace was made with.`);
  }

  const outcome = replayOn(model, states, actions, property ?? undefined);
  const config = describeParams(params);
  io.out(`dnsmc replay: ${relative(process.cwd(), file)} on ${variant} (${config})`);
  io.out(property ? `  property ${property.name} (${kindLabel(property.kind)}), ${actions.length} actions` : `  ${actions.length} actions, no property named`);
  io.out("");
  const width = String(actions.length).length;
  for (const step of outcome.steps) {
    const recordedText = trace.states[step.n]!.actionTaken ?? "";
    if (step.status === "blocked") {
      io.out(`  ${String(step.n).padStart(width)}. ${recordedText} ${JSON.stringify(trace.states[step.n]!.picks)}: NOT ENABLED on ${variant}${step.reason ? `: ${step.reason}` : ""}`);
      continue;
    }
    io.out(`  ${String(step.n).padStart(width)}. ${step.description}${step.status === "same" ? "" : "   [different effect]"}`);
    for (const d of step.differences) io.out(`  ${" ".repeat(width)}     ${d.label}: ${d.before ?? "(none)"} in the trace, ${d.after ?? "(none)"} on ${variant}`);
  }
  io.out("");
  if (outcome.blockedAt !== null) {
    io.out(`The trace cannot be replayed on ${variant}: step ${outcome.blockedAt} is not enabled.`);
    return EXIT.usage;
  }
  const first = outcome.steps.find((s) => s.status !== "same");
  io.out(first ? `First divergence: step ${first.n}.` : `Every step has the same effect on ${variant} as in the trace.`);
  if (!property) return EXIT.ok;
  if (outcome.stillViolated) {
    io.out(`${property.name} still fails at the end on ${variant}.`);
    return EXIT.violated;
  }
  io.out(`${property.name} no longer fails at the end on ${variant}.`);
  return EXIT.ok;
}

function describeParams(params: Record<string, number>): string {
  return Object.entries(params).map(([k, v]) => `${k}=${v}`).join(" ");
}
