/**
 * The parameters of the reference model (PROTOCOL.md), with the ranges the
 * CLI enforces. Ranges are generous: the state space, not the encoding, is
 * what limits a configuration (see the README's growth table).
 */
import type { Parameter } from "../checker/family.js";

/** One configuration of the protocol. */
export interface DnsParams {
  /** E: Enactor instances, named A, B, C, ... */
  readonly enactors: number;
  /** N: endpoints sharing the regional plan; endpoint 0 is the regional endpoint. */
  readonly endpoints: number;
  /** G: the Planner produces generations 1..G. */
  readonly plans: number;
  /** K: clean-up after applying plan p deletes every plan g with g + K < p. */
  readonly keep: number;
  /**
   * 1: an Enactor whose Route53 transaction fails (its endpoint's records are
   * deleted) retries it, a step that changes nothing, as the real Enactors
   * kept doing; 0 (the reference model of PROTOCOL.md): Apply is disabled
   * there. The reachable states are the same; only the transitions differ.
   */
  readonly retry: number;
}

/** The parameters, their defaults and ranges. */
export const PARAMETERS: readonly Parameter[] = [
  { name: "enactors", description: "Enactor instances (E), named A, B, C, ...", default: 3, min: 1, max: 26 },
  { name: "endpoints", description: "endpoints sharing the plan (N); endpoint 0 is the regional one", default: 2, min: 1, max: 16 },
  { name: "plans", description: "the Planner produces plan generations 1..G", default: 5, min: 1, max: 255 },
  { name: "keep", description: "clean-up after plan p deletes every plan g with g + K < p", default: 1, min: 0, max: 255 },
  { name: "retry", description: "1: a failed Route53 transaction is retried (a step that changes nothing); 0: Apply waits, disabled, as PROTOCOL.md", default: 0, min: 0, max: 1 },
];

/** Reads a checked parameter record into {@link DnsParams}. */
export function toDnsParams(params: Readonly<Record<string, number>>): DnsParams {
  const get = (name: keyof DnsParams): number => {
    const value = params[name];
    const spec = PARAMETERS.find((p) => p.name === name)!;
    if (value === undefined) return spec.default;
    if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
      throw new RangeError(`Parameter ${name} must be an integer from ${spec.min} to ${spec.max}; got ${value}.`);
    }
    return value;
  };
  return { enactors: get("enactors"), endpoints: get("endpoints"), plans: get("plans"), keep: get("keep"), retry: get("retry") };
}
