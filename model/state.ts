/**
 * The state of the reference model: exactly the information PROTOCOL.md
 * lists, nothing more, so that state counts agree with any other correct
 * checker of the same model.
 */
import { freeze } from "immer";
import type { DnsParams } from "./params.js";

/** What one Enactor is doing. */
export type Enactor =
  | { readonly phase: "idle" }
  | { readonly phase: "applying"; readonly plan: number; readonly next: number }
  | { readonly phase: "cleaning"; readonly plan: number };

/** A state of the protocol. */
export interface DnsState {
  /** Newest generation the Planner has produced. */
  readonly latest: number;
  /** Generations removed by clean-up, ascending. */
  readonly deleted: readonly number[];
  /** Per endpoint, the generation whose records it points to. */
  readonly active: readonly number[];
  /** Per Enactor, its phase. */
  readonly enactors: readonly Enactor[];
}

/** The idle phase (one shared frozen value). */
export const IDLE: Enactor = freeze({ phase: "idle" });

/** The initial state: plan 1 everywhere, nothing deleted, every Enactor idle. */
export function initialState(params: DnsParams): DnsState {
  return freeze(
    {
      latest: 1,
      deleted: [],
      active: Array.from({ length: params.endpoints }, () => 1),
      enactors: Array.from({ length: params.enactors }, () => IDLE),
    },
    true,
  );
}

/** True when generation `plan` has been deleted by clean-up. */
export const isDeleted = (s: DnsState, plan: number): boolean => s.deleted.includes(plan);

/** True when endpoint `n` points at a deleted plan: it answers with no records. */
export const isEmpty = (s: DnsState, n: number): boolean => isDeleted(s, s.active[n]!);

/** The newest generation any endpoint has in Route53 (what the freshness check compares against). */
export const newestActive = (s: DnsState): number => Math.max(...s.active);
