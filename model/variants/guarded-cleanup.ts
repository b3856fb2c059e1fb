import type { DnsVariant } from "../variant.js";
import { incident } from "./incident.js";

/**
 * Clean-up spares any plan that an endpoint still has active. Not enough:
 * a stale Enactor can still write a plan that clean-up already deleted.
 */
export const guardedCleanup: DnsVariant = {
  name: "guarded-cleanup",
  description: "clean-up spares plans that an endpoint still has active; writes stay blind",
  write: incident.write,
  mayDelete: (state, generation) => {
    for (let n = 0; n < state.active.length; n++) if (state.active.get(n) === generation) return false;
    return true;
  },
};
