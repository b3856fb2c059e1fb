/**
 * The DNS automation protocol of PROTOCOL.md: the Planner, E Enactors that
 * check freshness once and then apply a plan endpoint by endpoint, and the
 * clean-up that deletes old plans. The two rules that differ between
 * variants (how a write lands, what clean-up may delete) come from the
 * variant; everything else is written once, here, against the state handle.
 *
 * Actions are matched with a `switch` over the discriminant and an
 * exhaustiveness check (`never`): this is the checker's innermost loop, where
 * ts-pattern's matcher object per call costs more than the step itself.
 * Reports match actions with ts-pattern (present.ts).
 */
import type { DnsAction } from "./actions.js";
import { APPLYING, CLEANING, IDLE, initialState, type DnsLayout, type DnsState } from "./state.js";
import { ABANDON, type DnsVariant } from "./variant.js";

/** The protocol's transitions over packed states. */
export interface DnsTransitions {
  /** The initial state. */
  init(): DnsState;
  /** Every action the protocol has, in a fixed order (shared, frozen objects). */
  readonly alphabet: readonly DnsAction[];
  /** Writes the actions enabled in `s` to `out[0..n-1]` and returns n: the Planner first, then each Enactor's, in Enactor order. */
  enabled(s: DnsState, out: DnsAction[]): number;
  /** Applies `a` to `s`, writing the successor into `t`, which holds a copy of `s` on entry. */
  apply(s: DnsState, a: DnsAction, t: DnsState): void;
}

/** The transitions of one variant in one configuration. */
export function transitions(variant: DnsVariant, L: DnsLayout): DnsTransitions {
  const { enactors: E, endpoints: N, plans: G, keep: K } = L.params;
  const plan: DnsAction = Object.freeze({ kind: "Plan" });
  const per = (kind: "Pick" | "Apply" | "Cleanup") => Array.from({ length: E }, (_, enactor) => Object.freeze({ kind, enactor }) as DnsAction);
  const pick = per("Pick");
  const apply = per("Apply");
  const cleanup = per("Cleanup");
  return {
    init: () => initialState(L),
    alphabet: [plan, ...pick, ...apply, ...cleanup],

    enabled(s, out) {
      let n = 0;
      if (s.latest < G) out[n++] = plan;
      for (let e = 0; e < E; e++) {
        switch (s.phase(e)) {
          case IDLE:
            // The one-time freshness check, against what is in Route53 now.
            if (s.latest > s.newestActive()) out[n++] = pick[e]!;
            break;
          case APPLYING:
            // The Route53 transaction fails while the current records are gone: the Enactor is stuck retrying.
            if (!s.isEmpty(s.next(e))) out[n++] = apply[e]!;
            break;
          case CLEANING:
            out[n++] = cleanup[e]!;
            break;
        }
      }
      return n;
    },

    apply(s, a, t) {
      switch (a.kind) {
        case "Plan":
          t.setLatest(s.latest + 1);
          return;
        case "Pick":
          t.setEnactor(a.enactor, APPLYING, s.latest, 0);
          return;
        case "Apply": {
          const e = a.enactor;
          const i = s.next(e);
          const written = variant.write(s.active(i), s.plan(e));
          if (written === ABANDON) {
            t.setEnactor(e, IDLE);
            return;
          }
          t.setActive(i, written);
          if (i + 1 < N) t.setEnactor(e, APPLYING, s.plan(e), i + 1);
          else t.setEnactor(e, CLEANING, s.plan(e));
          return;
        }
        case "Cleanup": {
          const e = a.enactor;
          for (let g = 1; g + K < s.plan(e); g++) if (variant.mayDelete(s, g)) t.markDeleted(g);
          t.setEnactor(e, IDLE);
          return;
        }
        default:
          return unreachable(a);
      }
    },
  };
}

function unreachable(a: never): never {
  throw new Error(`unknown action ${JSON.stringify(a)}`);
}
