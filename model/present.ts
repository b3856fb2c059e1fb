/**
 * How the protocol reads to a person: each step in the incident report's
 * words, states as labelled rows, ITF variables, and the sequence diagram.
 */
import { match } from "ts-pattern";
import type { Diagram, DiagramMessage, StateView } from "../checker/model.js";
import type { DnsAction } from "./actions.js";
import { endpointName, enactorLetter, enactorName, planList } from "./names.js";
import type { DnsParams } from "./params.js";
import { isEmptyPlain, newestActivePlain, type DnsPlain, type Enactor } from "./state.js";

/** "Enactor A applies plan 2 to endpoint 0 (regional), replacing plan 4". */
export function describe(action: DnsAction, before: DnsPlain, after: DnsPlain): string {
  return match(action)
    .with({ kind: "Plan" }, () => `Planner produces plan ${after.latest}`)
    .with({ kind: "Pick" }, ({ enactor }) => `${enactorName(enactor)} picks plan ${after.latest} (newest in Route53: plan ${newestActivePlain(before)})`)
    .with({ kind: "Apply" }, ({ enactor }) => {
      const e = before.enactors[enactor] as Extract<Enactor, { phase: "applying" }>;
      const was = before.active[e.next]!;
      const now = after.active[e.next]!;
      const who = `${enactorName(enactor)}`;
      const where = endpointName(e.next);
      if (isEmptyPlain(before, e.next)) return `${who}'s Route53 transaction for ${where} fails (its current records, plan ${was}, are deleted); ${who} will retry`;
      // An Apply that leaves the Enactor idle is a write it abandoned (the re-check variant).
      if (after.enactors[enactor]!.phase === "idle") {
        return `${who} re-checks before writing plan ${e.plan} to ${where}: it has newer plan ${was}, so ${who} abandons plan ${e.plan}`;
      }
      if (now !== e.plan) return `${who}'s conditional write of plan ${e.plan} to ${where} has no effect: it has newer plan ${was}`;
      if (was === e.plan) return `${who} applies plan ${e.plan} to ${where}, which already has it`;
      return `${who} applies plan ${e.plan} to ${where}, replacing plan ${was}`;
    })
    .with({ kind: "Cleanup" }, ({ enactor }) => {
      const gone = after.deleted.filter((g) => !before.deleted.includes(g));
      return `${enactorName(enactor)} cleans up: ${gone.length === 0 ? "deletes nothing" : `deletes ${planList(gone)}`}`;
    })
    .exhaustive();
}

/** An Enactor's phase in words. */
export function phaseText(e: Enactor): string {
  return match(e)
    .with({ phase: "idle" }, () => "idle")
    .with({ phase: "applying" }, ({ plan, next }) => `applying plan ${plan}, next ${endpointName(next)}`)
    .with({ phase: "cleaning" }, ({ plan }) => `cleaning up after plan ${plan}`)
    .exhaustive();
}

/** The state as rows: the Planner, the deleted plans, each endpoint, each Enactor. */
export function view(s: DnsPlain): StateView {
  return [
    ["latest plan", `plan ${s.latest}`],
    ["deleted plans", s.deleted.length === 0 ? "none" : s.deleted.join(", ")],
    ...s.active.map((plan, n) => [endpointName(n), isEmptyPlain(s, n) ? `plan ${plan}: DELETED, no records` : `plan ${plan}`] as const),
    ...s.enactors.map((e, i) => [enactorName(i), phaseText(e)] as const),
  ];
}

/** Participants Planner, Enactor A.., Route53 per endpoint; one or two messages a step. */
export function diagram(params: DnsParams): Diagram<DnsPlain, DnsAction> {
  const route53 = (n: number) => `R${n}`;
  const enactor = (e: number) => enactorLetter(e);
  return {
    participants: () => [
      { id: "Planner", label: "Planner" },
      ...Array.from({ length: params.enactors }, (_, e) => ({ id: enactor(e), label: enactorName(e) })),
      ...Array.from({ length: params.endpoints }, (_, n) => ({ id: route53(n), label: `Route53 ${endpointName(n)}` })),
    ],
    messages(before, action, after): DiagramMessage[] {
      const emptied = after.active
        .map((_, n) => n)
        .filter((n) => isEmptyPlain(after, n) && !isEmptyPlain(before, n))
        .map((n): DiagramMessage => ({ from: route53(n), to: route53(n), text: `EMPTY: plan ${after.active[n]} deleted`, kind: "note" }));
      const main = match(action)
        .with({ kind: "Plan" }, (): DiagramMessage => ({ from: "Planner", to: "Planner", text: `plan ${after.latest}`, kind: "note" }))
        .with({ kind: "Pick" }, ({ enactor: e }): DiagramMessage => ({
          from: "Planner",
          to: enactor(e),
          text: `picks plan ${after.latest} (check: newer than plan ${newestActivePlain(before)})`,
        }))
        .with({ kind: "Apply" }, ({ enactor: e }): DiagramMessage => {
          const applying = before.enactors[e] as Extract<Enactor, { phase: "applying" }>;
          const was = before.active[applying.next]!;
          const landed = after.active[applying.next] === applying.plan;
          if (after.enactors[e]!.phase === "idle") {
            return { from: enactor(e), to: route53(applying.next), text: `re-check fails (has ${was}): abandons plan ${applying.plan}`, kind: "note" };
          }
          return {
            from: enactor(e),
            to: route53(applying.next),
            text: landed ? `write plan ${applying.plan} (was ${was})` : `write plan ${applying.plan}: no effect (has ${was})`,
          };
        })
        .with({ kind: "Cleanup" }, ({ enactor: e }): DiagramMessage => {
          const gone = after.deleted.filter((g) => !before.deleted.includes(g));
          return {
            from: enactor(e),
            to: enactor(e),
            text: gone.length === 0 ? "clean-up: deletes nothing" : `clean-up: deletes ${planList(gone)}`,
            kind: "note",
          };
        })
        .exhaustive();
      return [main, ...emptied];
    },
  };
}
