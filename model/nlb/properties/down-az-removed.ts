import { leadsTo } from "../../../checker/property.js";
import { azName, deadInService, type NlbState } from "../state.js";

/**
 * A genuine failure is failed over: an AZ that is really down is eventually
 * removed from DNS, as long as the failover logic, the health checks and
 * time keep going (weak fairness). Velocity control must not block a real
 * failover forever.
 */
export default leadsTo<NlbState>("down-az-removed", deadInService, (s) => !deadInService(s), {
  description: "an AZ that is really down is eventually taken out of DNS (failover, health checks and time keep going)",
  explain: (s) => {
    const dead = Array.from({ length: s.az.length }, (_, i) => i).filter((i) => s.az.at(i).down && s.az.at(i).inService);
    return `${dead.map(azName).join(" and ")} ${dead.length === 1 ? "is" : "are"} really down but in DNS here, and no fair continuation ever takes every dead AZ out of DNS: clients keep being sent to dead capacity.`;
  },
});
