import { convergesTo } from "../checker/property.js";
import { endpointName } from "../model/names.js";
import { isEmpty, type DnsState } from "../model/state.js";

const lagging = (s: DnsState): number[] => Array.from({ length: s.active.length }, (_, n) => n).filter((n) => isEmpty(s, n) || s.active.get(n) !== s.latest);
// Evaluated in every state: a loop, no allocation.
const converged = (s: DnsState): boolean => {
  for (let n = 0; n < s.active.length; n++) if (isEmpty(s, n) || s.active.get(n) !== s.latest) return false;
  return true;
};

/**
 * Once the Planner has stopped, every endpoint ends up serving its newest
 * plan, for good, as long as the Planner and every Enactor keep running
 * (weak fairness): the Planner produces its last plan, and the Enactors
 * carry it everywhere.
 */
export default convergesTo<DnsState>("converges-to-newest", converged, {
  description: "every endpoint ends up serving the newest plan, for good, once the Planner has stopped (Planner and Enactors keep running)",
  explain: (s) => {
    const behind = lagging(s);
    return `${behind.map((n) => `${endpointName(n)} ${isEmpty(s, n) ? `is empty (plan ${s.active.get(n)} deleted)` : `serves plan ${s.active.get(n)}`}`).join(", ")}, not plan ${s.latest}.`;
  },
});
