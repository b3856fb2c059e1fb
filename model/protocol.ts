/**
 * The DNS automation protocol of PROTOCOL.md: the Planner, E Enactors that
 * check freshness once and then apply a plan endpoint by endpoint, and the
 * clean-up that deletes old plans, as action families over the state schema
 * of state.ts. The two rules that differ between variants (how a write
 * lands, what clean-up may delete) come from the variant; everything else is
 * written once, here.
 */
import type { ActionFamily, IndexRange } from "../checker/state/index.js";
import type { DnsAction } from "./actions.js";
import type { DnsParams } from "./params.js";
import { isEmpty, newestActive, setEnactor, type DnsState } from "./state.js";
import { ABANDON, type DnsVariant } from "./variant.js";

type Family<P extends readonly IndexRange[]> = ActionFamily<DnsState, P, DnsAction>;

/** The protocol's action families for one variant, over the Enactor range `Enactor`. */
export function dnsActions(variant: DnsVariant, p: DnsParams, Enactor: IndexRange) {
  const { plans: G, keep: K } = p;
  const per = [Enactor] as const;
  const Plan: Family<[]> = {
    when: (s) => s.latest < G,
    then: (s, t) => void (t.latest = s.latest + 1),
    make: () => ({ kind: "Plan" }),
  };
  const Pick: Family<typeof per> = {
    params: per,
    names: ["enactor"],
    // The one-time freshness check, against what is in Route53 now.
    when: (s, e) => s.enactors.at(e).phase === "idle" && s.latest > newestActive(s),
    then: (s, t, e) => setEnactor(t, e, "applying", s.latest, 0),
    make: (enactor) => ({ kind: "Pick", enactor }),
  };
  const Apply: Family<typeof per> = {
    params: per,
    names: ["enactor"],
    // The Route53 transaction fails while the current records are gone: the Enactor is stuck retrying,
    // which the reference model leaves out (Apply is disabled) and `retry` models as a step that changes nothing.
    when: (s, e) => {
      const x = s.enactors.at(e);
      return x.phase === "applying" && (p.retry === 1 || !isEmpty(s, x.next));
    },
    then: (s, t, e) => {
      const x = s.enactors.at(e);
      const i = x.next;
      if (isEmpty(s, i)) return;
      const written = variant.write(s.active.get(i), x.plan);
      if (written === ABANDON) return setEnactor(t, e, "idle");
      t.active.set(i, written);
      if (i + 1 < s.active.length) setEnactor(t, e, "applying", x.plan, i + 1);
      else setEnactor(t, e, "cleaning", x.plan);
    },
    make: (enactor) => ({ kind: "Apply", enactor }),
  };
  const Cleanup: Family<typeof per> = {
    params: per,
    names: ["enactor"],
    when: (s, e) => s.enactors.at(e).phase === "cleaning",
    then: (s, t, e) => {
      const plan = s.enactors.at(e).plan;
      for (let g = 1; g + K < plan; g++) if (variant.mayDelete(s, g)) t.deleted.add(g);
      setEnactor(t, e, "idle");
    },
    make: (enactor) => ({ kind: "Cleanup", enactor }),
  };
  return { Plan, Pick, Apply, Cleanup };
}
