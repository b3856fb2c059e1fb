/**
 * States as labelled rows, and what changed between two of them: traces
 * show diffs, not whole states, as TLC's trace explorer does.
 */
import { canonicalKey } from "../fingerprint.js";
import type { Model, StateView } from "../model.js";

/** The model's view of a state, or its JSON flattened into `path: value` rows. */
export function viewOf<S>(model: Model<S, unknown>, state: S): StateView {
  if (model.view) return model.view(state);
  const rows: Array<readonly [string, string]> = [];
  flatten(state, "", rows);
  return rows;
}

function flatten(value: unknown, path: string, rows: Array<readonly [string, string]>): void {
  if (value !== null && typeof value === "object" && !(value instanceof Set) && !(value instanceof Map)) {
    const entries = Array.isArray(value) ? value.map((v, i) => [`${path}[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v] as const);
    if (entries.length > 0) {
      for (const [p, v] of entries) flatten(v, p, rows);
      return;
    }
  }
  rows.push([path || "state", typeof value === "string" ? value : canonicalKey(value)]);
}

/** A row whose value changed (or appeared, or disappeared) between two views. */
export interface Change {
  readonly label: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** The rows that differ between `before` and `after`, in `after`'s order. */
export function diffViews(before: StateView, after: StateView): Change[] {
  const old = new Map(before);
  const now = new Map(after);
  const changes: Change[] = [];
  for (const [label, value] of after) {
    const was = old.get(label);
    if (was !== value) changes.push({ label, before: was ?? null, after: value });
  }
  for (const [label, value] of before) if (!now.has(label)) changes.push({ label, before: value, after: null });
  return changes;
}

/** "label: old → new". */
export function formatChange(c: Change): string {
  if (c.before === null) return `${c.label}: ${c.after}`;
  if (c.after === null) return `${c.label}: ${c.before} → (gone)`;
  return `${c.label}: ${c.before} → ${c.after}`;
}
