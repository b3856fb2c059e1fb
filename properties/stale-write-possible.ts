import { sometimes } from "../checker/property.js";
import { enactorName, endpointName } from "../model/names.js";
import type { DnsState } from "../model/state.js";

/**
 * Witness: some Enactor is about to write a plan older than the one its
 * endpoint already has. If a fix made this unreachable, the safety
 * properties would hold vacuously, not because the race is handled.
 */
export default sometimes<DnsState>(
  "stale-write-possible",
  (s) => s.enactors.some((e) => e.phase === "applying" && s.active[e.next]! > e.plan),
  {
    description: "witness: an Enactor is about to write a plan older than its endpoint's (the race is expressible)",
    explain: (s) => {
      const i = s.enactors.findIndex((e) => e.phase === "applying" && s.active[e.next]! > e.plan);
      const e = s.enactors[i] as { plan: number; next: number };
      return `${enactorName(i)} is about to write plan ${e.plan} to ${endpointName(e.next)}, which already has newer plan ${s.active[e.next]}.`;
    },
  },
);
