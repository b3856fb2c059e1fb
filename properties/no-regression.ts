import { step } from "../checker/property.js";
import type { DnsAction } from "../model/actions.js";
import { endpointName, enactorName } from "../model/names.js";
import type { DnsState } from "../model/state.js";

/**
 * No endpoint's active generation ever decreases: a stale plan must never
 * replace a newer one (the write that started the October 2025 outage).
 */
export default step<DnsState, DnsAction>(
  "no-regression",
  (before, _a, after) => {
    for (let n = 0; n < after.active.length; n++) if (after.active.get(n) < before.active.get(n)) return false;
    return true;
  },
  {
    description: "no endpoint's active generation ever decreases",
    explain: (before, action, after, history) => {
      const lines: string[] = [];
      for (let n = 0; n < after.active.length; n++) {
        const plan = after.active.get(n);
        if (plan >= before.active.get(n)) continue;
        const who = action.kind === "Plan" ? "the Planner" : enactorName(action.enactor);
        const picked = history.actions.findLastIndex((a, i) => i < history.actions.length - 1 && a?.kind === "Pick" && action.kind !== "Plan" && a.enactor === action.enactor);
        const when = picked > 0 ? ` (a plan it picked at step ${picked})` : "";
        lines.push(`${endpointName(n)} went back from plan ${before.active.get(n)} to older plan ${plan}: ${who} wrote plan ${plan}${when} over a newer one.`);
      }
      return lines.join(" ");
    },
  },
);
