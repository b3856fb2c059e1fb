/**
 * When the failover logic may remove a failing AZ's capacity from DNS: the
 * one rule the NLB variants change.
 */
import { inService, type NlbState } from "./state.js";

export interface NlbVariant {
  readonly name: string;
  readonly description: string;
  /** Whether a failing AZ in service may be removed now. */
  mayRemove(s: NlbState): boolean;
  /** Removals spend a per-window budget that the passing of time refills. */
  readonly windows: boolean;
}

export const NLB_VARIANTS: readonly NlbVariant[] = [
  {
    name: "no-velocity-control",
    description: "October 2025: every AZ whose health checks fail is removed from DNS",
    mayRemove: () => true,
    windows: false,
  },
  {
    name: "velocity-control",
    description: "the fix AWS announced: failover may remove capacity only down to a floor of AZs in service",
    mayRemove: (s) => inService(s) - 1 >= s.floor,
    windows: false,
  },
  {
    name: "rate-limit",
    description: "velocity as a rate: at most one AZ removed per time window, with no floor",
    mayRemove: (s) => s.budget > 0,
    windows: true,
  },
];
