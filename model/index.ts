/**
 * The DNS automation protocol as a model family for dnsmc: four variants,
 * four parameters. package.json's `"dnsmc": {"model": ...}` points the CLI
 * here; the properties are discovered separately, in properties/.
 */
import type { ModelFamily } from "../checker/family.js";
import type { Model } from "../checker/model.js";
import type { DnsAction } from "./actions.js";
import { PARAMETERS, toDnsParams } from "./params.js";
import { actionName, actionPicks, canonical, describe, diagram, itf, key, view } from "./present.js";
import { whyDisabled } from "./disabled.js";
import { transitions } from "./protocol.js";
import type { DnsState } from "./state.js";
import { VARIANTS } from "./variants/index.js";

export type { DnsAction } from "./actions.js";
export type { DnsParams } from "./params.js";
export type { DnsState, Enactor } from "./state.js";

/** The model of `variant` in the configuration `params`. */
export function dnsModel(variant: string, params: Readonly<Record<string, number>> = {}): Model<DnsState, DnsAction> {
  const v = VARIANTS.find((x) => x.name === variant);
  if (!v) throw new RangeError(`Unknown variant "${variant}"; the variants are ${VARIANTS.map((x) => x.name).join(", ")}.`);
  const p = toDnsParams(params);
  const config = PARAMETERS.filter((q) => p[q.name as keyof typeof p] !== q.default).map((q) => `${q.name}=${p[q.name as keyof typeof p]}`);
  return {
    name: config.length === 0 ? v.name : `${v.name},${config.join(",")}`,
    ...transitions(v, p),
    describe,
    actionName,
    actionPicks,
    key,
    canonical,
    view,
    itf,
    diagram: diagram(p),
    whyDisabled: whyDisabled(p),
  };
}

/** The family the CLI loads. */
const family: ModelFamily<DnsState, DnsAction> = {
  name: "dns-automation",
  description: "DynamoDB's DNS automation (Planner, Enactors, clean-up), after the October 2025 us-east-1 incident",
  parameters: PARAMETERS,
  variants: VARIANTS.map((v) => ({ name: v.name, description: v.description, source: `model/variants/${v.name}.ts` })),
  create: dnsModel,
};
export default family;
