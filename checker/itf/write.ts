/**
 * Traces in the ITF format (Informal Trace Format) that Apalache and Quint
 * write and read: `{"#meta", "vars", "states": [...]}` with integers beyond
 * 2^53 as `{"#bigint"}`, sets as `{"#set"}`, maps as `{"#map"}`, tuples as
 * `{"#tup"}`. Each state also carries Quint's `mbt::actionTaken` and
 * `mbt::nondetPicks`, so model-based testing tools can follow the trace.
 */
import type { Model } from "../model.js";
import type { Trace } from "../result.js";

/** ITF set value. */
export const itfSet = (items: readonly unknown[]): { "#set": unknown[] } => ({ "#set": items.map(toItfValue) });
/** ITF map value from key/value pairs. */
export const itfMap = (entries: ReadonlyArray<readonly [unknown, unknown]>): { "#map": unknown[][] } => ({
  "#map": entries.map(([k, v]) => [toItfValue(k), toItfValue(v)]),
});
/** ITF tuple value. */
export const itfTup = (items: readonly unknown[]): { "#tup": unknown[] } => ({ "#tup": items.map(toItfValue) });
/** A Quint sum-type value: `{"tag": ..., "value": ...}` (an empty tuple when it carries nothing). */
export const itfVariant = (tag: string, value?: unknown): { tag: string; value: unknown } => ({
  tag,
  value: value === undefined ? { "#tup": [] } : toItfValue(value),
});

/** Encodes a plain JS value as an ITF value (arrays stay lists, objects records). */
export function toItfValue(value: unknown): unknown {
  if (typeof value === "bigint") return { "#bigint": value.toString() };
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new TypeError(`ITF has no value for the number ${value}: use integers.`);
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Set) return itfSet([...value]);
  if (value instanceof Map) return itfMap([...value]);
  if (Array.isArray(value)) return value.map(toItfValue);
  if (value !== null && typeof value === "object") {
    // Values already in ITF form pass through.
    if (["#set", "#map", "#tup", "#bigint"].some((k) => k in value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toItfValue(v)]));
  }
  throw new TypeError(`ITF has no value for ${String(value)}.`);
}

/** Context of a trace written to a file: where it came from, in deterministic terms only. */
export interface ItfContext {
  readonly source: string;
  readonly description: string;
  /** The variant and property, so `dnsmc replay` knows what to replay against by default. */
  readonly variant?: string;
  readonly property?: string;
  /** Model parameters, recorded in `#meta` so a tool can rebuild the model. */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** A state as ITF variables: the model's own encoding, else its fields (a state that is not a record is the variable `state`). */
export function stateToItf<S, A>(model: Model<S, A>, s: S): Record<string, unknown> {
  const vars = model.itf ? model.itf(s) : (toItfValue(s) as Record<string, unknown>);
  if (typeof vars !== "object" || vars === null || Array.isArray(vars)) return { state: toItfValue(vars) };
  return { ...vars };
}

/** The ITF document of a trace. */
export function traceToItf<S, A>(model: Model<S, A>, trace: Trace<S, A>, context: ItfContext): object {
  const states = trace.steps.map((step, index) => {
    const action = step.action === null ? { name: "init", picks: {} } : itfAction(model, step.action);
    const notes = trace.notes.filter((n) => n.step === index).map((n) => n.text);
    return {
      "#meta": { index, description: step.description, ...(notes.length > 0 ? { notes } : {}) },
      ...stateToItf(model, step.state),
      "mbt::actionTaken": action.name,
      "mbt::nondetPicks": action.picks,
    };
  });
  const vars = states.length > 0 ? Object.keys(states[0]!).filter((k) => k !== "#meta") : [];
  return {
    "#meta": {
      format: "ITF",
      "format-description": "https://apalache-mc.org/docs/adr/015adr-trace.html",
      source: context.source,
      description: context.description,
      ...(context.variant ? { variant: context.variant } : {}),
      ...(context.property ? { property: context.property } : {}),
      ...(context.parameters ? { parameters: context.parameters } : {}),
      reason: trace.reason,
      ...(trace.fairness ? { fairness: trace.fairness } : {}),
    },
    vars,
    states,
    // A lasso: the states from `loop` on repeat; the last state is the state at `loop` again (or, at `loop` itself, stays).
    ...(trace.loop !== undefined ? { loop: trace.loop } : {}),
  };
}

/** An action as ITF writes it: its name, and its picks as Quint's `Some` values. */
export function itfAction<S, A>(model: Model<S, A>, action: A): { name: string; picks: Record<string, unknown> } {
  return { name: actionName(model, action), picks: Object.fromEntries(Object.entries(actionPicks(model, action)).map(([k, v]) => [k, itfVariant("Some", v)])) };
}

/** The action's name in ITF's `mbt::actionTaken`: the model's own, else a string action itself, else its `kind` or `type`. */
export function actionName<S, A>(model: Model<S, A>, action: A): string {
  if (model.actionName) return model.actionName(action);
  if (typeof action === "object" && action !== null) {
    const tagged = action as { kind?: unknown; type?: unknown };
    if (typeof tagged.kind === "string") return tagged.kind;
    if (typeof tagged.type === "string") return tagged.type;
  }
  return typeof action === "string" ? action : JSON.stringify(action);
}

/** The action's arguments in ITF's `mbt::nondetPicks`: the model's own, else an object action's other fields. */
export function actionPicks<S, A>(model: Model<S, A>, action: A): Record<string, unknown> {
  if (model.actionPicks) return { ...model.actionPicks(action) };
  if (typeof action === "object" && action !== null) {
    return Object.fromEntries(Object.entries(action).filter(([k]) => k !== "kind" && k !== "type"));
  }
  return {};
}

/** Serialises an ITF document deterministically (two-space indent, trailing newline). */
export function formatItf(doc: object): string {
  return JSON.stringify(doc, null, 2) + "\n";
}
