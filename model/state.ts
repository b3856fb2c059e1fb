/**
 * The state of the reference model: exactly the information PROTOCOL.md
 * lists, nothing more, so that state counts agree with any other correct
 * checker of the same model.
 *
 * A state is packed into a few 32-bit words (checker/layout.ts) and read
 * through a {@link DnsState} handle: `s.latest`, `s.active(n)`,
 * `s.isDeleted(g)`, `s.phase(e)`, ... Transitions write through the same
 * handle. Fields an Enactor's phase does not use are kept at 0 (an idle
 * Enactor has plan 0; one that is not applying has next 0), so equal states
 * have equal words. Reports use the plain form, {@link DnsPlain}.
 */
import { Layout, type IntArrayField, type IntField } from "../checker/layout.js";
import type { DnsParams } from "./params.js";

/** Enactor phases, as stored. */
export const IDLE = 0;
export const APPLYING = 1;
export const CLEANING = 2;
/** A phase number. */
export type Phase = typeof IDLE | typeof APPLYING | typeof CLEANING;

/** Where each field of a state lives in its words. */
export interface DnsLayout {
  readonly params: DnsParams;
  readonly words: number;
  readonly latest: IntField;
  /** Flag per generation 0..G (0 unused). */
  readonly deleted: IntArrayField;
  readonly active: IntArrayField;
  readonly phase: IntArrayField;
  readonly plan: IntArrayField;
  readonly next: IntArrayField;
}

/** The layout for one configuration. */
export function dnsLayout(params: DnsParams): DnsLayout {
  const L = new Layout();
  const fields = {
    latest: L.int(1, params.plans),
    deleted: L.flags(params.plans + 1),
    active: L.ints(params.endpoints, 1, params.plans),
    phase: L.ints(params.enactors, 0, 2),
    plan: L.ints(params.enactors, 0, params.plans),
    next: L.ints(params.enactors, 0, params.endpoints - 1),
  };
  return { params, words: L.words, ...fields };
}

/** A state: its words and how to read them. Handles are cheap; the words are the state. */
export class DnsState {
  constructor(
    readonly L: DnsLayout,
    readonly w: Uint32Array,
  ) {}

  /** Newest generation the Planner has produced. */
  get latest(): number {
    return this.L.latest.get(this.w);
  }
  /** Number of endpoints. */
  get endpoints(): number {
    return this.L.params.endpoints;
  }
  /** Number of Enactors. */
  get enactors(): number {
    return this.L.params.enactors;
  }
  /** True when generation `g` has been deleted by clean-up. */
  isDeleted(g: number): boolean {
    return this.L.deleted.get(this.w, g) === 1;
  }
  /** The generation endpoint `n` points to. */
  active(n: number): number {
    return this.L.active.get(this.w, n);
  }
  /** True when endpoint `n` points at a deleted plan: it answers with no records. */
  isEmpty(n: number): boolean {
    return this.isDeleted(this.active(n));
  }
  /** The newest generation any endpoint has in Route53 (what the freshness check compares against). */
  newestActive(): number {
    let m = 0;
    for (let n = 0; n < this.endpoints; n++) m = Math.max(m, this.active(n));
    return m;
  }
  /** Enactor `e`'s phase. */
  phase(e: number): Phase {
    return this.L.phase.get(this.w, e) as Phase;
  }
  /** The plan Enactor `e` is applying or cleaning up after (0 when idle). */
  plan(e: number): number {
    return this.L.plan.get(this.w, e);
  }
  /** The endpoint Enactor `e` writes next (while applying). */
  next(e: number): number {
    return this.L.next.get(this.w, e);
  }
  /** A copy with its own words. */
  copy(): DnsState {
    return new DnsState(this.L, this.w.slice());
  }
  /** The plain form, for reports. */
  plain(): DnsPlain {
    const deleted: number[] = [];
    for (let g = 1; g <= this.L.params.plans; g++) if (this.isDeleted(g)) deleted.push(g);
    return {
      latest: this.latest,
      deleted,
      active: Array.from({ length: this.endpoints }, (_, n) => this.active(n)),
      enactors: Array.from({ length: this.enactors }, (_, e): Enactor => {
        const phase = this.phase(e);
        return phase === IDLE ? { phase: "idle" } : phase === APPLYING ? { phase: "applying", plan: this.plan(e), next: this.next(e) } : { phase: "cleaning", plan: this.plan(e) };
      }),
    };
  }
  /** JSON output shows the plain form. */
  toJSON(): DnsPlain {
    return this.plain();
  }

  // Writers: transitions use these on a copy of the state.
  setLatest(v: number): void {
    this.L.latest.set(this.w, v);
  }
  markDeleted(g: number): void {
    this.L.deleted.set(this.w, g, 1);
  }
  setActive(n: number, v: number): void {
    this.L.active.set(this.w, n, v);
  }
  /** Sets Enactor `e`'s phase, zeroing the fields that phase does not use. */
  setEnactor(e: number, phase: Phase, plan = 0, next = 0): void {
    this.L.phase.set(this.w, e, phase);
    this.L.plan.set(this.w, e, phase === IDLE ? 0 : plan);
    this.L.next.set(this.w, e, phase === APPLYING ? next : 0);
  }
}

/** The state from its plain form. */
export function fromPlain(L: DnsLayout, p: DnsPlain): DnsState {
  const s = new DnsState(L, new Uint32Array(L.words));
  s.setLatest(p.latest);
  for (const g of p.deleted) s.markDeleted(g);
  p.active.forEach((plan, n) => s.setActive(n, plan));
  p.enactors.forEach((e, i) => (e.phase === "idle" ? s.setEnactor(i, IDLE) : e.phase === "applying" ? s.setEnactor(i, APPLYING, e.plan, e.next) : s.setEnactor(i, CLEANING, e.plan)));
  return s;
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

/** The initial state: plan 1 everywhere, nothing deleted, every Enactor idle. */
export function initialState(L: DnsLayout): DnsState {
  return fromPlain(L, {
    latest: 1,
    deleted: [],
    active: Array.from({ length: L.params.endpoints }, () => 1),
    enactors: Array.from({ length: L.params.enactors }, () => ({ phase: "idle" }) as const),
  });
}

/** Plain-form helpers for reports. */
export const isDeletedPlain = (s: DnsPlain, plan: number): boolean => s.deleted.includes(plan);
export const isEmptyPlain = (s: DnsPlain, n: number): boolean => isDeletedPlain(s, s.active[n]!);
export const newestActivePlain = (s: DnsPlain): number => Math.max(...s.active);
