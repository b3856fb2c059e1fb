/** Reading a trace's history in the protocol's terms: who deleted a plan, who wrote it, when. */
import type { History } from "../checker/property.js";
import type { DnsAction } from "./actions.js";
import { enactorName } from "./names.js";
import { plain, type DnsPlain, type DnsState } from "./state.js";

/** The step at which `plan` was deleted, and by whose clean-up; null if it was not deleted in the trace. */
export function deletion(h: History<DnsPlain, DnsAction>, plan: number): { step: number; by: string } | null {
  for (let i = 1; i < h.states.length; i++) {
    if (h.states[i]!.deleted.includes(plan) && !h.states[i - 1]!.deleted.includes(plan)) {
      const a = h.actions[i];
      return { step: i, by: a && a.kind !== "Plan" ? enactorName(a.enactor) : "clean-up" };
    }
  }
  return null;
}

/** The last step at which endpoint `n` changed to its final plan, and who wrote it; null if it never changed. */
export function lastWrite(h: History<DnsPlain, DnsAction>, n: number): { step: number; by: string } | null {
  for (let i = h.states.length - 1; i > 0; i--) {
    if (h.states[i]!.active[n] !== h.states[i - 1]!.active[n]) {
      const a = h.actions[i];
      return { step: i, by: a && a.kind !== "Plan" ? enactorName(a.enactor) : "the Planner" };
    }
  }
  return null;
}

/** A history of state handles in plain form, for the functions above. */
export function plainHistory(h: History<DnsState, DnsAction>): History<DnsPlain, DnsAction> {
  return { states: h.states.map(plain), actions: h.actions };
}
