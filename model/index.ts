/**
 * The DNS automation protocol as a model family for dnsmc: its variants and
 * four parameters. package.json's `"dnsmc": {"model": ...}` points the CLI
 * here; the properties are discovered separately, in properties/.
 */
import { configurationName, type ModelFamily } from "../checker/family.js";
import type { Model } from "../checker/model.js";
import type { History } from "../checker/property.js";
import { defineModel } from "../checker/state/index.js";
import { weakFairness } from "../checker/fairness.js";
import { enactorName } from "./names.js";
import type { DnsAction } from "./actions.js";
import { annotate } from "./annotate.js";
import { whyDisabled } from "./disabled.js";
import { plainHistory } from "./history.js";
import { actionFromItf, actionName, actionPicks, fromItf, itf } from "./itf.js";
import { PARAMETERS, toDnsParams } from "./params.js";
import { describe, diagram, view } from "./present.js";
import { dnsActions } from "./protocol.js";
import { dnsFields, fromPlain, initialize, plain, type DnsState, type DnsStateType } from "./state.js";
import type { DnsVariant } from "./variant.js";
import { VARIANTS } from "./variants/index.js";

export type { DnsAction } from "./actions.js";
export type { DnsParams } from "./params.js";
export type { DnsPlain, DnsState, Enactor } from "./state.js";
export { ABANDON, type DnsVariant } from "./variant.js";
export { VARIANTS } from "./variants/index.js";

/** The model of one variant in the configuration `params`. */
export function variantModel(v: DnsVariant, params: Readonly<Record<string, number>> = {}): Model<DnsState, DnsAction> {
  const p = toDnsParams(params);
  const fields = dnsFields(p);
  const model = defineModel({
    name: configurationName(v.name, PARAMETERS, { ...p }),
    state: fields,
    init: initialize,
    actions: dnsActions(v, p, fields.enactors.range!),
    // The Planner first, then each Enactor's action, in Enactor order.
    order: "parameters",
    // For the temporal properties: every component keeps running (TLA+'s WF per process), the Planner and each Enactor.
    fairness: [
      weakFairness<DnsAction>("the Planner", (a) => a.kind === "Plan"),
      ...Array.from({ length: p.enactors }, (_, e) => weakFairness<DnsAction>(enactorName(e), (a) => a.kind !== "Plan" && a.enactor === e)),
    ],
  });
  const T: DnsStateType = { ...model.state, params: p };
  const draw = diagram(p);
  const why = whyDisabled(p);
  return {
    ...model,
    // Reports read the plain form of states, in the incident's words.
    describe: (a, before, after) => describe(a, plain(before), plain(after)),
    view: (s) => view(plain(s)),
    itf: (s) => itf(plain(s)),
    actionName,
    actionPicks,
    diagram: { participants: draw.participants, messages: (before, a, after) => draw.messages(plain(before), a, plain(after)) },
    whyDisabled: (s, a) => why(plain(s), a),
    annotate: (h: History<DnsState, DnsAction>) => annotate(plainHistory(h)),
    fromItf: (vars) => fromPlain(T, fromItf(vars, p)),
    actionFromItf: (name, picks) => {
      const a = actionFromItf(name, picks, p);
      // The alphabet's own object: the fast path knows its actions by identity.
      return model.alphabet.find((x) => x.kind === a.kind && (a.kind === "Plan" || (x as { enactor: number }).enactor === a.enactor))!;
    },
  };
}

/** A family over the given variants: how a proposed fix can be checked before it is added to variants/. */
export function dnsFamily(variants: readonly DnsVariant[]): ModelFamily<DnsState, DnsAction> {
  return {
    name: "dns-automation",
    description: "DynamoDB's DNS automation (Planner, Enactors, clean-up), after the October 2025 us-east-1 incident",
    parameters: PARAMETERS,
    variants: variants.map((v) => ({ name: v.name, description: v.description, source: `model/variants/${v.name}.ts` })),
    create: (name, params) => {
      const v = variants.find((x) => x.name === name);
      if (!v) throw new RangeError(`Unknown variant "${name}"; the variants are ${variants.map((x) => x.name).join(", ")}.`);
      return variantModel(v, params);
    },
  };
}

/** The model of the named built-in variant. */
export function dnsModel(variant: string, params: Readonly<Record<string, number>> = {}): Model<DnsState, DnsAction> {
  return family.create(variant, params);
}

/** The family the CLI loads: every built-in variant. */
const family = dnsFamily(VARIANTS);
export default family;
