/**
 * The DNS automation protocol of PROTOCOL.md: the Planner, E Enactors that
 * check freshness once and then apply a plan endpoint by endpoint, and the
 * clean-up that deletes old plans. The two rules that differ between
 * variants (how a write lands, what clean-up may delete) come from the
 * variant; everything else is written once, here.
 */
import { produce } from "immer";
import { match } from "ts-pattern";
import type { Model } from "../checker/model.js";
import type { DnsAction } from "./actions.js";
import type { DnsParams } from "./params.js";
import { IDLE, initialState, isDeleted, newestActive, type DnsState, type Enactor } from "./state.js";
import { ABANDON, type DnsVariant } from "./variant.js";

/** The transition system of one variant in one configuration, without presentation. */
export type DnsTransitions = Pick<Model<DnsState, DnsAction>, "initStates" | "actions" | "next">;

/** Initial states, enabled actions and successors of the protocol. */
export function transitions(variant: DnsVariant, params: DnsParams): DnsTransitions {
  const init = initialState(params);
  return {
    initStates: () => [init],

    // Planner first, then each Enactor's single enabled action, in Enactor order.
    actions(s) {
      const enabled: DnsAction[] = [];
      if (s.latest < params.plans) enabled.push({ kind: "Plan" });
      s.enactors.forEach((e, enactor) => {
        const action = match<Enactor, DnsAction | null>(e)
          // The one-time freshness check, against what is in Route53 now.
          .with({ phase: "idle" }, () => (s.latest > newestActive(s) ? { kind: "Pick", enactor } : null))
          // The Route53 transaction fails while the current records are gone: the Enactor is stuck retrying.
          .with({ phase: "applying" }, ({ next }) => (isDeleted(s, s.active[next]!) ? null : { kind: "Apply", enactor }))
          .with({ phase: "cleaning" }, () => ({ kind: "Cleanup", enactor }))
          .exhaustive();
        if (action) enabled.push(action);
      });
      return enabled;
    },

    next: (s, action) =>
      produce(s, (d) => {
        match(action)
          .with({ kind: "Plan" }, () => {
            d.latest += 1;
          })
          .with({ kind: "Pick" }, ({ enactor }) => {
            d.enactors[enactor] = { phase: "applying", plan: s.latest, next: 0 };
          })
          .with({ kind: "Apply" }, ({ enactor }) => {
            const e = s.enactors[enactor];
            if (e?.phase !== "applying") throw new Error(`Apply taken by ${enactor}, which is not applying`);
            const written = variant.write(s.active[e.next]!, e.plan);
            if (written === ABANDON) {
              d.enactors[enactor] = IDLE;
              return;
            }
            d.active[e.next] = written;
            d.enactors[enactor] = e.next + 1 < params.endpoints ? { phase: "applying", plan: e.plan, next: e.next + 1 } : { phase: "cleaning", plan: e.plan };
          })
          .with({ kind: "Cleanup" }, ({ enactor }) => {
            const e = s.enactors[enactor];
            if (e?.phase !== "cleaning") throw new Error(`Cleanup taken by ${enactor}, which is not cleaning`);
            const doomed: number[] = [];
            for (let g = 1; g + params.keep < e.plan; g++) {
              if (!isDeleted(s, g) && variant.mayDelete(s, g)) doomed.push(g);
            }
            if (doomed.length > 0) d.deleted = [...s.deleted, ...doomed].sort((x, y) => x - y);
            d.enactors[enactor] = IDLE;
          })
          .exhaustive();
      }),
  };
}
