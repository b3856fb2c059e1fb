/** The state and actions as ITF values, and back (for `dnsmc replay` of edited traces). */
import { match } from "ts-pattern";
import { itfMap, itfSet, itfVariant } from "../checker/report/itf.js";
import type { DnsAction } from "./actions.js";
import { enactorLetter } from "./names.js";
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

/** Decodes ITF variables written by {@link itf}; throws a TypeError naming the first bad field. */
export function fromItf(vars: Readonly<Record<string, unknown>>): DnsPlain {
  const int = (v: unknown, what: string): number => {
    const n = typeof v === "object" && v !== null && "#bigint" in v ? Number((v as { "#bigint": string })["#bigint"]) : v;
    if (typeof n !== "number" || !Number.isInteger(n)) throw new TypeError(`${what} must be an integer, got ${JSON.stringify(v)}`);
    return n;
  };
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
    const p = phase as { tag?: unknown; value?: Record<string, unknown> };
    switch (p?.tag) {
      case "idle":
        return { phase: "idle" };
      case "applying":
        return { phase: "applying", plan: int(p.value?.plan, `enactors.${letter}.plan`), next: int(p.value?.next, `enactors.${letter}.next`) };
      case "cleaning":
        return { phase: "cleaning", plan: int(p.value?.plan, `enactors.${letter}.plan`) };
      default:
        throw new TypeError(`enactors.${letter} must be {"tag": "idle" | "applying" | "cleaning", ...}, got ${JSON.stringify(phase)}`);
    }
  });
  return {
    latest: int(vars.latest, "latest"),
    deleted: wrapped(vars.deleted, "#set", "deleted")
      .map((g, i) => int(g, `deleted[${i}]`))
      .sort((x, y) => x - y),
    active: pairs(vars.active, "active").map(([n, plan], i) => {
      if (int(n, `active entry ${i} key`) !== i) throw new TypeError(`active entry ${i} must be endpoint ${i}`);
      return int(plan, `active[${i}]`);
    }),
    enactors,
  };
}

/** Decodes `mbt::actionTaken` / `mbt::nondetPicks` written by {@link actionName} and {@link actionPicks}. */
export function actionFromItf(name: string, picks: Readonly<Record<string, unknown>>): DnsAction {
  if (name === "Plan") return { kind: "Plan" };
  if (name !== "Pick" && name !== "Apply" && name !== "Cleanup") throw new TypeError(`unknown action "${name}" (the actions are Plan, Pick, Apply, Cleanup)`);
  const pick = picks.enactor as { tag?: unknown; value?: unknown } | undefined;
  const letter = pick && pick.tag === "Some" ? pick.value : pick;
  if (typeof letter !== "string" || !/^[A-Z]$/.test(letter)) throw new TypeError(`action ${name} needs an Enactor letter in mbt::nondetPicks.enactor, got ${JSON.stringify(pick)}`);
  return { kind: name, enactor: letter.charCodeAt(0) - 65 };
}
