import type { DnsVariant } from "../variant.js";
import { incident } from "./incident.js";

/**
 * A conditional (compare-and-set) write: an Enactor replaces an endpoint's
 * plan only with a newer one, so the stale check can no longer go back in time.
 */
export const cas: DnsVariant = {
  name: "cas",
  description: "conditional write: an endpoint only ever moves to a newer plan",
  write: (current, plan) => (plan > current ? plan : current),
  mayDelete: incident.mayDelete,
};
