/**
 * Decoding ITF for a model that brings no decoders of its own (a plain
 * JavaScript model): the inverse of the default encoding in write.ts. The ITF
 * the checker wrote is enough: values decode structurally, and an action is
 * the one the model itself offers in the state before it that encodes to the
 * recorded name and picks.
 */
import { canonicalKey } from "../fingerprint.js";
import type { Model } from "../model.js";
import { actionName, actionPicks, toItfValue } from "./write.js";

/** Decodes an ITF value written by `toItfValue`: sets, maps, big integers, tuples, records, lists. */
export function fromItfValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromItfValue);
  if (typeof value !== "object" || value === null) return value;
  const v = value as Record<string, unknown>;
  if ("#bigint" in v) return BigInt(String(v["#bigint"]));
  if ("#set" in v && Array.isArray(v["#set"])) return new Set(v["#set"].map(fromItfValue));
  if ("#map" in v && Array.isArray(v["#map"])) return new Map((v["#map"] as unknown[][]).map(([k, x]) => [fromItfValue(k), fromItfValue(x)]));
  if ("#tup" in v && Array.isArray(v["#tup"])) return v["#tup"].map(fromItfValue);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromItfValue(x)]));
}

/** A state from its ITF variables; a state that was not a record was written as the one variable `state`. */
export function stateFromItf(vars: Readonly<Record<string, unknown>>, wrapped: boolean): unknown {
  return wrapped ? fromItfValue(vars.state) : fromItfValue(vars);
}

/** Whether the model's states are written as the single variable `state` (they are not records). */
export function isWrapped<S, A>(model: Model<S, A>): boolean {
  const encoded = toItfValue(model.initStates()[0]);
  return typeof encoded !== "object" || encoded === null || Array.isArray(encoded);
}

/**
 * The action recorded as `name` with `picks`, taken in `before`: the one of
 * `model.actions(before)` that encodes the same. When none does (the trace is
 * replayed on a variant where it is not enabled), the action is rebuilt from
 * the default encoding: the name itself, or `{kind: name, ...picks}`.
 */
export function actionFromItfGeneric<S, A>(model: Model<S, A>, before: S, name: string, picks: Readonly<Record<string, unknown>>): A {
  const recorded = canonicalKey(Object.fromEntries(Object.entries(picks).map(([k, v]) => [k, unwrapSome(v)])));
  let offered: readonly A[] = [];
  try {
    offered = model.actions(before);
  } catch {
    offered = [];
  }
  const found = offered.find((a) => actionName(model, a) === name && canonicalKey(toItfValue(actionPicks(model, a))) === recorded);
  if (found !== undefined) return found;
  const decoded = Object.fromEntries(Object.entries(picks).map(([k, v]) => [k, fromItfValue(unwrapSome(v))]));
  return (Object.keys(decoded).length === 0 ? name : { kind: name, ...decoded }) as A;
}

// nondetPicks hold Quint's Option: {"tag": "Some", "value": v}.
function unwrapSome(v: unknown): unknown {
  const o = v as { tag?: unknown; value?: unknown } | null;
  return typeof o === "object" && o !== null && o.tag === "Some" && "value" in o ? o.value : v;
}
