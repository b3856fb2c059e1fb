import { sometimes } from "../checker/property.js";
import { enactorName, endpointName } from "../model/names.js";
import type { DnsState } from "../model/state.js";

/** The first Enactor about to write a plan older than its endpoint's, or -1. */
function staleWriter(s: DnsState): number {
  for (let e = 0; e < s.enactors.length; e++) {
    const x = s.enactors.at(e);
    if (x.phase === "applying" && s.active.get(x.next) > x.plan) return e;
  }
  return -1;
}

/**
 * Witness: some Enactor is about to write a plan older than the one its
 * endpoint already has. If a fix made this unreachable, the safety
 * properties would hold vacuously, not because the race is handled.
 */
export default sometimes<DnsState>("stale-write-possible", (s) => staleWriter(s) >= 0, {
  description: "witness: an Enactor is about to write a plan older than its endpoint's (the race is expressible)",
  explain: (s) => {
    const e = staleWriter(s);
    const x = s.enactors.at(e);
    return `${enactorName(e)} is about to write plan ${x.plan} to ${endpointName(x.next)}, which already has newer plan ${s.active.get(x.next)}.`;
  },
});
