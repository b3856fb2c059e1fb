import type { DnsVariant } from "../variant.js";
import { ABANDON } from "../variant.js";
import { incident } from "./incident.js";

/**
 * The stale-check fix: before each write the Enactor repeats its freshness
 * check against the endpoint it is about to write, and abandons its plan if
 * that endpoint already has a newer one. The October 2025 check ran only once.
 */
export const recheck: DnsVariant = {
  name: "recheck",
  description: "the stale-check fix: re-check freshness before every write and abandon a stale plan",
  write: (current, plan) => (plan < current ? ABANDON : plan),
  mayDelete: incident.mayDelete,
};
