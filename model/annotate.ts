/**
 * Causal notes on a trace: the stale check. An Enactor checks once, when it
 * picks a plan, that the plan is newer than what Route53 has; every later
 * write relies on that check. A note marks the check, and the write that the
 * check no longer justified because the endpoint had meanwhile moved to a
 * newer plan.
 */
import type { History } from "../checker/property.js";
import type { DnsAction } from "./actions.js";
import { endpointName, enactorName } from "./names.js";
import { isDeletedPlain, newestActivePlain, type DnsPlain } from "./state.js";

/** One note per stale check and one per write it failed to justify. */
export function annotate(h: History<DnsPlain, DnsAction>): Array<{ step: number; text: string }> {
  const notes: Array<{ step: number; text: string }> = [];
  const checkedAt = new Map<number, number>();
  for (let j = 1; j < h.states.length; j++) {
    const a = h.actions[j];
    const before = h.states[j - 1]!;
    if (!a || a.kind === "Plan") continue;
    if (a.kind === "Pick") {
      checkedAt.set(a.enactor, j);
      continue;
    }
    const e = before.enactors[a.enactor];
    // A failed transaction (a retry on an empty endpoint) writes nothing.
    if (a.kind !== "Apply" || e?.phase !== "applying" || isDeletedPlain(before, before.active[e.next]!)) continue;
    const current = before.active[e.next]!;
    const k = checkedAt.get(a.enactor);
    if (current <= e.plan || k === undefined) continue;
    const checked = newestActivePlain(h.states[k - 1]!);
    const who = enactorName(a.enactor);
    if (!notes.some((n) => n.step === k)) {
      notes.push({ step: k, text: `Freshness check: ${who} checks once that plan ${e.plan} is newer than plan ${checked} in Route53, and does not check again before writing.` });
    }
    notes.push({
      step: j,
      text: `Stale check: ${who} checked at step ${k} that plan ${e.plan} was newer than plan ${checked}; when it wrote at step ${j}, ${endpointName(e.next)} already had plan ${current}.`,
    });
  }
  return notes.sort((x, y) => x.step - y.step);
}
