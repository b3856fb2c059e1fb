import { leadsTo } from "../checker/property.js";
import { endpointName } from "../model/names.js";
import { isEmpty, type DnsState } from "../model/state.js";

const emptyEndpoints = (s: DnsState): number[] => Array.from({ length: s.active.length }, (_, n) => n).filter((n) => isEmpty(s, n));
// Evaluated in every state: a loop, no allocation.
const someEmpty = (s: DnsState): boolean => {
  for (let n = 0; n < s.active.length; n++) if (isEmpty(s, n)) return true;
  return false;
};

/**
 * An empty endpoint is eventually repaired, as long as the Planner and every
 * Enactor keep running (weak fairness). AWS: the race "resulted in an
 * incorrect empty DNS record ... that the automation failed to repair".
 */
export default leadsTo<DnsState>(
  "empty-endpoint-repaired",
  someEmpty,
  (s) => !someEmpty(s),
  {
    description: "whenever an endpoint is empty, the automation later gives every endpoint records again (Planner and Enactors keep running)",
    explain: (s) => {
      const empty = emptyEndpoints(s);
      return `${empty.map(endpointName).join(" and ")} point${empty.length === 1 ? "s" : ""} at a deleted plan, and no fair continuation of the automation gives ${empty.length === 1 ? "it" : "them"} records again.`;
    },
  },
);
