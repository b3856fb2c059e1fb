/** The state and actions as ITF values, and back (for `dnsmc replay` of edited traces). */
import { match } from "ts-pattern";
import { itfMap, itfSet, itfVariant } from "../checker/itf/write.js";
import type { DnsAction } from "./actions.js";
import { enactorLetter } from "./names.js";
import type { DnsParams } from "./params.js";
import type { DnsPlain, Enactor } from "./state.js";

/** ITF variables: `latest`, `deleted` (a set), `active` (endpoint -> plan), `enactors` (letter -> phase). */
export function itf(s: DnsPlain): Record<string, unknown> {
  return {
    latest: s.latest,
    deleted: itfSet(s.deleted),
    active: itfMap(s.active.map((plan, n) => [n, plan] as const)),
    enactors: itfMap(
      s.enactors.map(
        (e, i) =>
          [
            enactorLetter(i),
            match(e)
              .with({ phase: "idle" }, () => itfVariant("idle"))
              .with({ phase: "applying" }, ({ plan, next }) => itfVariant("applying", { plan, next }))
              .with({ phase: "cleaning" }, ({ plan }) => itfVariant("cleaning", { plan }))
              .exhaustive(),
          ] as const,
      ),
    ),
  };
}

/** ITF's `mbt::actionTaken` and `mbt::nondetPicks`: the action name and its Enactor letter. */
export const actionName = (a: DnsAction): string => a.kind;
export const actionPicks = (a: DnsAction): Record<string, unknown> => (a.kind === "Plan" ? {} : { enactor: enactorLetter(a.enactor) });

/**
 * Decodes ITF variables written by {@link itf} in the configuration `p`;
 * throws a TypeError naming the first bad variable, including a value the
 * configuration cannot hold (a plan outside 1..G, a missing Enactor).
 */
export function fromItf(vars: Readonly<Record<string, unknown>>, p: DnsParams): DnsPlain {
  const int = (v: unknown, what: string, min: number, max: number): number => {
    const raw = typeof v === "object" && v !== null && "#bigint" in v ? (v as { "#bigint": unknown })["#bigint"] : v;
    const n = typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : raw;
    if (typeof n !== "number" || !Number.isSafeInteger(n)) throw new TypeError(`${what} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
    if (n < min || n > max) throw new TypeError(`${what} must be an integer from ${min} to ${max} (${p.enactors} Enactors, ${p.endpoints} endpoints, ${p.plans} plans), got ${n}`);
    return n;
  };
  const plan = (v: unknown, what: string) => int(v, what, 1, p.plans);
  const wrapped = (v: unknown, tag: "#set" | "#map", what: string): unknown[] => {
    const inner = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[tag] : undefined;
    if (!Array.isArray(inner)) throw new TypeError(`${what} must be an ITF ${tag.slice(1)} ({"${tag}": [...]}), got ${JSON.stringify(v)}`);
    return inner;
  };
  const pairs = (v: unknown, what: string) =>
    wrapped(v, "#map", what).map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError(`${what} entry ${i} must be a [key, value] pair`);
      return pair as [unknown, unknown];
    });
  const enactors = pairs(vars.enactors, "enactors").map(([letter, phase], i): Enactor => {
    if (letter !== enactorLetter(i)) throw new TypeError(`enactors entry ${i} must be Enactor ${enactorLetter(i)}, got ${JSON.stringify(letter)}`);
    const e = phase as { tag?: unknown; value?: Record<string, unknown> };
    switch (e?.tag) {
      case "idle":
        return { phase: "idle" };
      case "applying":
        return { phase: "applying", plan: plan(e.value?.plan, `enactors.${letter}.plan`), next: int(e.value?.next, `enactors.${letter}.next`, 0, p.endpoints - 1) };
      case "cleaning":
        return { phase: "cleaning", plan: plan(e.value?.plan, `enactors.${letter}.plan`) };
      default:
        throw new TypeError(`enactors.${letter} must be {"tag": "idle" | "applying" | "cleaning", ...}, got ${JSON.stringify(phase)}`);
    }
  });
  if (enactors.length !== p.enactors) throw new TypeError(`enactors must list ${p.enactors} Enactors, got ${enactors.length}`);
  const active = pairs(vars.active, "active").map(([n, g], i) => {
    if (int(n, `active entry ${i} key`, 0, p.endpoints - 1) !== i) throw new TypeError(`active entry ${i} must be endpoint ${i}`);
    return plan(g, `active[${i}]`);
  });
  if (active.length !== p.endpoints) throw new TypeError(`active must map ${p.endpoints} endpoints, got ${active.length}`);
  const deleted = wrapped(vars.deleted, "#set", "deleted").map((g, i) => plan(g, `deleted[${i}]`));
  if (new Set(deleted).size !== deleted.length) throw new TypeError(`deleted lists a plan twice`);
  return { latest: plan(vars.latest, "latest"), deleted: deleted.sort((x, y) => x - y), active, enactors };
}

/** Decodes `mbt::actionTaken` / `mbt::nondetPicks` written by {@link actionName} and {@link actionPicks}. */
export function actionFromItf(name: string, picks: Readonly<Record<string, unknown>>, p: Pick<DnsParams, "enactors">): DnsAction {
  if (name === "Plan") return { kind: "Plan" };
  if (name !== "Pick" && name !== "Apply" && name !== "Cleanup") throw new TypeError(`unknown action "${name}" (the actions are Plan, Pick, Apply, Cleanup)`);
  const pick = picks.enactor as { tag?: unknown; value?: unknown } | undefined;
  const letter = pick && pick.tag === "Some" ? pick.value : pick;
  if (typeof letter !== "string" || !/^[A-Z]$/.test(letter)) throw new TypeError(`action ${name} needs an Enactor letter in mbt::nondetPicks.enactor, got ${JSON.stringify(pick)}`);
  const enactor = letter.charCodeAt(0) - 65;
  if (enactor >= p.enactors) throw new TypeError(`action ${name} names Enactor ${letter}, but there are ${p.enactors} Enactors (A to ${enactorLetter(p.enactors - 1)})`);
  return { kind: name, enactor };
}
