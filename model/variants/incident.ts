import type { DnsVariant } from "../variant.js";

/**
 * The protocol as deployed in October 2025: a blind write, and a clean-up
 * that deletes every old plan even if an endpoint still points at it.
 */
export const incident: DnsVariant = {
  name: "incident",
  description: "as deployed in October 2025: blind writes, clean-up deletes every old plan",
  write: (_current, plan) => plan,
  mayDelete: () => true,
};
