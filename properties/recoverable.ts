import { recoverable } from "../checker/property.js";
import { endpointName } from "../model/names.js";
import { isEmpty, type DnsState } from "../model/state.js";

/**
 * The automation can always repair itself: from every reachable state, a
 * state is reachable where every endpoint is non-empty and serves the latest
 * plan. In October 2025 it could not, and operators repaired it by hand.
 */
export default recoverable<DnsState>(
  "recoverable",
  (s) => {
    for (let n = 0; n < s.active.length; n++) if (s.active.get(n) !== s.latest || isEmpty(s, n)) return false;
    return true;
  },
  {
    description: "from every reachable state the automation can still bring every endpoint to the latest plan",
    explain: (s) => {
      const empty = Array.from({ length: s.active.length }, (_, n) => n).filter((n) => isEmpty(s, n));
      let stuck = 0;
      for (let e = 0; e < s.enactors.length; e++) if (s.enactors.at(e).phase === "applying") stuck++;
      return empty.length === 0
        ? `Every endpoint has records, but none can reach plan ${s.latest}.`
        : `${empty.map(endpointName).join(" and ")} point${empty.length === 1 ? "s" : ""} at a deleted plan; writes there fail` +
            (stuck > 0 ? ` and ${stuck} Enactor${stuck === 1 ? " is" : "s are"} stuck retrying` : "") +
            ".";
    },
  },
);
