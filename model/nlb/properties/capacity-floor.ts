import { always } from "../../../checker/property.js";
import { azName, inService, type NlbState } from "../state.js";

/**
 * Failover never takes the NLB below its floor of AZs in service. In October
 * 2025 health checks failing for want of propagated network state removed
 * healthy capacity, and connection errors followed.
 */
export default always<NlbState>("capacity-floor", (s) => inService(s) >= s.floor, {
  description: "at least `floor` AZs stay in service, whatever the health checks say",
  explain: (s) => {
    const out = Array.from({ length: s.az.length }, (_, i) => i).filter((i) => !s.az.at(i).inService);
    const healthy = out.filter((i) => !s.az.at(i).down);
    return (
      `Only ${inService(s)} of ${s.az.length} AZs ${inService(s) === 1 ? "is" : "are"} in service, below the floor of ${s.floor}: ` +
      `${out.map(azName).join(" and ")} ${out.length === 1 ? "was" : "were"} removed` +
      (healthy.length === out.length ? " though healthy." : healthy.length > 0 ? `, ${healthy.map(azName).join(" and ")} though healthy.` : ".")
    );
  },
});
