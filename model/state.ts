/**
 * The state of the reference model: exactly the information PROTOCOL.md
 * lists, nothing more, so that state counts agree with any other correct
 * checker of the same model. Declared with dnsmc's state schema, which packs
 * it into a few 32-bit words and gives the typed handle transitions and
 * properties read: `s.latest`, `s.active.get(n)`, `s.deleted.has(g)`,
 * `s.enactors.at(e).phase`. Adding a field is adding a line here.
 *
 * Fields an Enactor's phase does not use are kept at 0 (an idle Enactor has
 * plan 0; one that is not applying has next 0), so equal states have equal
 * words. Reports use the plain form, {@link DnsPlain}.
 */
import { declareState, enumeration, index, int, map, range, record, set, type Handle, type StateType } from "../checker/state/index.js";
import { enactorLetter } from "./names.js";
import type { DnsParams } from "./params.js";

/** The state's fields in configuration `p`. */
export function dnsFields(p: DnsParams) {
  const Endpoint = range("Endpoint", p.endpoints);
  // Enactors are interchangeable: --symmetry keeps one state per permutation of them.
  const Enactor = range("Enactor", p.enactors, { symmetric: true, label: enactorLetter });
  return {
    /** Newest generation the Planner has produced. */
    latest: int(1, p.plans),
    /** Generations removed by clean-up (0 is never one). */
    deleted: set(range("Generation", p.plans + 1)),
    /** Per endpoint, the generation whose records it points to. */
    active: map(Endpoint, int(1, p.plans)),
    /** Per Enactor: what it is doing, the plan it holds, the endpoint it writes next. */
    enactors: map(Enactor, record({ phase: enumeration("idle", "applying", "cleaning"), plan: int(0, p.plans), next: index(Endpoint) })),
  };
}

/** The fields' types. */
export type DnsFields = ReturnType<typeof dnsFields>;
/** A state: a handle over its words. */
export type DnsState = Handle<DnsFields>;
/** The state type of one configuration. */
export type DnsStateType = StateType<DnsFields> & { readonly params: DnsParams };

/** The state type for configuration `p`. */
export function dnsStateType(p: DnsParams): DnsStateType {
  return { ...declareState(dnsFields(p)), params: p };
}

/** An Enactor's phase. */
export type Phase = "idle" | "applying" | "cleaning";

/** True when endpoint `n` points at a deleted plan: it answers with no records. */
export function isEmpty(s: DnsState, n: number): boolean {
  return s.deleted.has(s.active.get(n));
}

/** The newest generation any endpoint has in Route53 (what the freshness check compares against). */
export function newestActive(s: DnsState): number {
  let m = 0;
  for (let n = 0; n < s.active.length; n++) m = Math.max(m, s.active.get(n));
  return m;
}

/** Sets Enactor `e`'s phase, zeroing the fields that phase does not use. */
export function setEnactor(s: DnsState, e: number, phase: Phase, plan = 0, next = 0): void {
  const x = s.enactors.at(e);
  x.phase = phase;
  x.plan = phase === "idle" ? 0 : plan;
  x.next = phase === "applying" ? next : 0;
}

/** The plain form, for reports. */
export function plain(s: DnsState): DnsPlain {
  const deleted: number[] = [];
  for (let g = 1; g < s.deleted.capacity; g++) if (s.deleted.has(g)) deleted.push(g);
  return {
    latest: s.latest,
    deleted,
    active: Array.from({ length: s.active.length }, (_, n) => s.active.get(n)),
    enactors: Array.from({ length: s.enactors.length }, (_, e): Enactor => {
      const x = s.enactors.at(e);
      return x.phase === "idle" ? { phase: "idle" } : x.phase === "applying" ? { phase: "applying", plan: x.plan, next: x.next } : { phase: "cleaning", plan: x.plan };
    }),
  };
}

/** The state from its plain form. */
export function fromPlain(T: DnsStateType, p: DnsPlain): DnsState {
  const s = T.create();
  s.latest = p.latest;
  for (const g of p.deleted) s.deleted.add(g);
  p.active.forEach((plan, n) => s.active.set(n, plan));
  p.enactors.forEach((e, i) => (e.phase === "idle" ? setEnactor(s, i, "idle") : e.phase === "applying" ? setEnactor(s, i, "applying", e.plan, e.next) : setEnactor(s, i, "cleaning", e.plan)));
  return s;
}

/** Makes a fresh state the initial one: plan 1 everywhere, nothing deleted, every Enactor idle. */
export function initialize(s: DnsState): void {
  s.latest = 1;
  for (let n = 0; n < s.active.length; n++) s.active.set(n, 1);
}

/** What one Enactor is doing, in plain form. */
export type Enactor =
  | { readonly phase: "idle" }
  | { readonly phase: "applying"; readonly plan: number; readonly next: number }
  | { readonly phase: "cleaning"; readonly plan: number };

/** A state in plain form: what reports, ITF and explanations read. */
export interface DnsPlain {
  readonly latest: number;
  /** Generations removed by clean-up, ascending. */
  readonly deleted: readonly number[];
  /** Per endpoint, the generation whose records it points to. */
  readonly active: readonly number[];
  readonly enactors: readonly Enactor[];
}

/** Plain-form helpers for reports. */
export const isDeletedPlain = (s: DnsPlain, plan: number): boolean => s.deleted.includes(plan);
export const isEmptyPlain = (s: DnsPlain, n: number): boolean => isDeletedPlain(s, s.active[n]!);
export const newestActivePlain = (s: DnsPlain): number => Math.max(...s.active);
