/**
 * Reading a trace file for `replay` and `view`: the ITF document, the model
 * it belongs to (variant and parameters from `#meta`, or flags), and its
 * states and actions decoded by the model.
 */
import { readFileSync } from "node:fs";
import { canonicalKey } from "../fingerprint.js";
import type { ItfAction } from "../conform/implementation.js";
import type { Model } from "../model.js";
import type { Property } from "../property.js";
import { ItfError, readItf, type ItfTrace } from "../itf/read.js";
import { actionFromItfGeneric, isWrapped, stateFromItf } from "../itf/generic.js";
import { UsageError } from "./exit-codes.js";
import type { LoadedFamily } from "./load.js";
import { checkVariant, configText, parameterValues, type ParsedValues } from "./options.js";
import { buildModel, selectProperties } from "./select.js";

/** A decoded trace file. */
export interface TraceFile {
  readonly itf: ItfTrace;
  readonly variant: string;
  readonly params: Record<string, number>;
  readonly property: Property | null;
  readonly model: Model<unknown, unknown>;
  readonly states: unknown[];
  readonly actions: unknown[];
  /** The same actions as the file writes them (`mbt::actionTaken` and `mbt::nondetPicks`), for an implementation. */
  readonly itfActions: ItfAction[];
}

/** Reads `path` and decodes it against the family; every problem is a UsageError naming the step. */
export function readTraceFile(path: string, loaded: LoadedFamily, values: ParsedValues): TraceFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read the trace ${path}: ${(error as Error).message}.`);
  }
  return readTraceText(text, path, loaded, values);
}

/** Decodes an ITF document's `text` (named `path` in messages) against the family. */
export function readTraceText(text: string, path: string, loaded: LoadedFamily, values: ParsedValues): TraceFile {
  let itf: ItfTrace;
  try {
    itf = readItf(text);
  } catch (error) {
    if (error instanceof ItfError) throw new UsageError(`${path} is not a trace dnsmc can read: ${error.message}. Pass an .itf.json file written by dnsmc check (or edited from one).`);
    throw error;
  }
  const { family } = loaded;
  const meta = itf.meta;
  const variant = (values.variant as string | undefined) ?? (typeof meta.variant === "string" ? meta.variant : undefined);
  if (!variant) throw new UsageError(`${path} does not say which variant it comes from; pass --variant NAME.`);
  checkVariant(family, variant);
  const recorded = typeof meta.parameters === "object" && meta.parameters !== null ? (meta.parameters as Record<string, unknown>) : {};
  const given = family.parameters.filter((p) => values[p.name] !== undefined).map((p) => [p.name, values[p.name]] as const);
  // The trace's own parameters are checked apart from the flags, so that a bad one is blamed on the file, not on a flag never typed.
  const fromTrace = Object.fromEntries(Object.entries(recorded).filter(([k]) => family.parameters.some((p) => p.name === k) && !given.some(([g]) => g === k)));
  for (const [name, value] of Object.entries(fromTrace)) {
    const p = family.parameters.find((x) => x.name === name)!;
    if (typeof value !== "number" || !Number.isInteger(value) || value < p.min || value > p.max) {
      throw new UsageError(
        `${path}: the trace's parameter ${name} (in #meta.parameters) must be an integer from ${p.min} to ${p.max}; got ${JSON.stringify(value)}. Fix the trace, or override it with --${name} N.`,
      );
    }
  }
  const params = parameterValues(family, { ...fromTrace, ...Object.fromEntries(given) });
  const propertyName = (values.property as string | undefined) ?? (typeof meta.property === "string" ? meta.property : undefined);
  const property = propertyName ? selectProperties(loaded, [propertyName])[0]! : null;
  const model = buildModel(loaded, variant, params) as Model<unknown, unknown>;
  // A model without decoders of its own (plain JavaScript) is read with the inverse of the default encoding.
  const wrapped = model.fromItf ? false : isWrapped(model);
  const decodeState = model.fromItf ? (vars: Readonly<Record<string, unknown>>) => model.fromItf!(vars) : (vars: Readonly<Record<string, unknown>>) => stateFromItf(vars, wrapped);
  const decodeAction = (before: unknown, name: string, picks: Readonly<Record<string, unknown>>) =>
    model.actionFromItf ? model.actionFromItf(name, picks) : actionFromItfGeneric(model, before, name, picks);
  const states: unknown[] = [];
  const actions: unknown[] = [];
  itf.states.forEach((s, i) => {
    try {
      if (i > 0) actions.push(decodeAction(states[i - 1], s.actionTaken!, s.picks));
      states.push(decodeState(s.vars));
    } catch (error) {
      throw new UsageError(`${path}, step ${i}: ${(error as Error).message}. Fix the trace (see "Counterexamples" in the README for its variables).`);
    }
  });
  if (!model.initStates().some((s) => canonicalKey(s) === canonicalKey(states[0]))) {
    const config = configText(params);
    throw new UsageError(`${path}, step 0: the trace's initial state is not an initial state of ${variant} with ${config}; pass the parameters the trace was made with.`);
  }
  const itfActions = itf.states.slice(1).map((s) => ({ name: s.actionTaken!, picks: s.picks }));
  return { itf, variant, params, property, model, states, actions, itfActions };
}
