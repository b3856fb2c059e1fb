import { sometimes } from "../../../checker/property.js";
import type { NlbState } from "../state.js";

/** Witness: some run removes a really-down AZ, so the protection is not vacuous (it still lets failover happen). */
export default sometimes<NlbState>(
  "failover-happens",
  (s) => {
    for (let i = 0; i < s.az.length; i++) if (s.az.at(i).down && !s.az.at(i).inService) return true;
    return false;
  },
  { description: "witness: a really-down AZ is removed from DNS" },
);
