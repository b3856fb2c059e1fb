/** The NLB model's configuration and state, and what its properties read. */
import { bool, int, map, range, record, type Handle } from "../../checker/state/index.js";
import type { Parameter } from "../../checker/family.js";

/** One configuration. */
export interface NlbParams {
  readonly azs: number;
  /** The fewest AZs that must stay in service (the invariant; velocity control's rule). */
  readonly floor: number;
  /** AZs that can really go down (and stay down). */
  readonly failures: number;
  /** Transient health-check failures still to come, across all AZs. */
  readonly transients: number;
}

export const NLB_PARAMETERS: readonly Parameter[] = [
  { name: "azs", description: "Availability Zones the NLB serves from", default: 3, min: 2, max: 6 },
  { name: "floor", description: "the fewest AZs that must stay in service (below azs)", default: 2, min: 0, max: 5 },
  { name: "failures", description: "AZs that can really go down", default: 1, min: 0, max: 6 },
  { name: "transients", description: "transient health-check failures of healthy AZs (late network state)", default: 2, min: 0, max: 9 },
];

/** The state's fields for a configuration. */
export function nlbFields(p: NlbParams) {
  const AZ = range("AZ", p.azs, { label: azName });
  return {
    az: map(AZ, record({ down: bool(), failing: bool(), inService: bool() })),
    /** Constant: the configured floor, so that properties can read it. */
    floor: int(0, p.azs),
    failuresLeft: int(0, p.failures),
    transientsLeft: int(0, p.transients),
    /** Removals left in the current window (the rate-limit variant; the others never spend it). */
    budget: int(0, 1),
  };
}

export type NlbState = Handle<ReturnType<typeof nlbFields>>;

/** "AZ a", "AZ b", ... */
export const azName = (i: number): string => `AZ ${String.fromCharCode(97 + i)}`;

/** AZs whose capacity is in DNS. */
export function inService(s: NlbState): number {
  let n = 0;
  for (let i = 0; i < s.az.length; i++) if (s.az.at(i).inService) n++;
  return n;
}

/** Whether some AZ is really down and still in DNS: clients are sent to dead capacity. */
export function deadInService(s: NlbState): boolean {
  for (let i = 0; i < s.az.length; i++) if (s.az.at(i).down && s.az.at(i).inService) return true;
  return false;
}

