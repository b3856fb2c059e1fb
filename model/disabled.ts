/** Why an action of the protocol is not enabled, in the protocol's terms: what a replay on a fixed variant reports. */
import type { DnsAction } from "./actions.js";
import { endpointName, enactorName } from "./names.js";
import type { DnsParams } from "./params.js";
import { phaseText } from "./present.js";
import { isDeletedPlain, newestActivePlain, type DnsPlain } from "./state.js";

/** The reason `action` cannot be taken in `s`, or null if it can. */
export function whyDisabled(params: DnsParams) {
  return (s: DnsPlain, action: DnsAction): string | null => {
    if (action.kind === "Plan") return s.latest < params.plans ? null : `the Planner has produced its last plan (${params.plans})`;
    const e = s.enactors[action.enactor];
    if (e === undefined) return `there is no ${enactorName(action.enactor)} in this configuration`;
    const who = enactorName(action.enactor);
    switch (action.kind) {
      case "Pick":
        if (e.phase !== "idle") return `${who} is not idle (${phaseText(e)})`;
        return s.latest > newestActivePlain(s) ? null : `the freshness check fails: plan ${s.latest} is not newer than plan ${newestActivePlain(s)} in Route53`;
      case "Apply":
        if (e.phase !== "applying") return `${who} is not applying a plan (${phaseText(e)})`;
        return isDeletedPlain(s, s.active[e.next]!) && params.retry === 0
          ? `the Route53 transaction fails: ${endpointName(e.next)}'s current records (plan ${s.active[e.next]}) are deleted`
          : null;
      case "Cleanup":
        return e.phase === "cleaning" ? null : `${who} is not cleaning up (${phaseText(e)})`;
    }
  };
}
