/**
 * NLB health-check failover with velocity control: the incident's second
 * mechanism. During the outage, new EC2 instances whose network state had not
 * propagated failed NLB health checks though they were fine; the failover
 * logic removed whole Availability Zones' capacity from DNS, and connection
 * errors followed. AWS: "For NLB, we are adding a velocity control mechanism
 * to limit the capacity a single NLB can remove when health check failures
 * cause AZ failover."
 *
 * An AZ is healthy or really down; its health checks pass or fail, failing
 * transiently while it is healthy (a bounded number of times: the launches
 * whose network state is late) or for good once it is down. The failover
 * logic removes a failing AZ from DNS and puts a passing one back; a variant
 * decides when a removal is allowed (variants.ts).
 */
import { defineFamily, defineModel } from "../../checker/state/index.js";
import { configurationName, type ModelFamily } from "../../checker/family.js";
import type { Model } from "../../checker/model.js";
import type { FamilyAction } from "../../checker/state/index.js";
import { azName, inService, nlbFields, NLB_PARAMETERS, type NlbParams, type NlbState } from "./state.js";
import { NLB_VARIANTS, type NlbVariant } from "./variants.js";
import { annotate, diagram, view } from "./present.js";

export { NLB_PARAMETERS, type NlbParams, type NlbState } from "./state.js";

/** The model of one variant in one configuration. */
export function nlbModel(v: NlbVariant, p: NlbParams): Model<NlbState, FamilyAction> {
  if (p.floor >= p.azs) throw new RangeError(`Parameter floor must be below azs (${p.azs}); got ${p.floor}.`);
  if (p.failures > p.azs) throw new RangeError(`Parameter failures must be at most azs (${p.azs}); got ${p.failures}.`);
  const fields = nlbFields(p);
  const AZ = fields.az.range!;
  const model = defineModel({
    name: configurationName(v.name, NLB_PARAMETERS, { ...p }),
    state: fields,
    init: (s) => {
      for (let i = 0; i < p.azs; i++) s.az.at(i).inService = true;
      s.floor = p.floor;
      s.failuresLeft = p.failures;
      s.transientsLeft = p.transients;
      s.budget = 1;
    },
    actions: {
      // The environment: an AZ really goes down, or a healthy AZ's checks fail for a while.
      Fail: {
        params: [AZ],
        when: (s, i) => s.failuresLeft > 0 && !s.az.at(i).down,
        then: (s, next, i) => {
          next.az.at(i).down = true;
          next.az.at(i).failing = true;
          next.failuresLeft = s.failuresLeft - 1;
        },
      },
      Flap: {
        params: [AZ],
        when: (s, i) => s.transientsLeft > 0 && !s.az.at(i).down && !s.az.at(i).failing,
        then: (s, next, i) => {
          next.az.at(i).failing = true;
          next.transientsLeft = s.transientsLeft - 1;
        },
      },
      // The new instances' network state arrives: a healthy AZ passes its checks again.
      Propagate: {
        params: [AZ],
        when: (s, i) => s.az.at(i).failing && !s.az.at(i).down,
        then: (_s, next, i) => void (next.az.at(i).failing = false),
        fairness: "weak",
      },
      // The failover logic: remove a failing AZ's capacity from DNS (if the variant allows), put a passing one back.
      Remove: {
        params: [AZ],
        when: (s, i) => s.az.at(i).failing && s.az.at(i).inService && v.mayRemove(s),
        then: (_s, next, i) => {
          next.az.at(i).inService = false;
          if (v.windows) next.budget = 0;
        },
        fairness: "weak",
      },
      Restore: {
        params: [AZ],
        when: (s, i) => !s.az.at(i).failing && !s.az.at(i).inService,
        then: (_s, next, i) => void (next.az.at(i).inService = true),
        fairness: "weak",
      },
      // Time passes: a new window with a fresh removal budget (rate-limit only).
      Tick: {
        when: (s) => v.windows && s.budget === 0,
        then: (_s, next) => void (next.budget = 1),
        fairness: "weak",
      },
    },
  });
  return { ...model, describe: (a, before, after) => describeStep(a, before, after), view: (s) => view(s, v.windows), diagram: diagram(p.azs), whyDisabled: (s, a) => whyDisabled(v, s, a), annotate };
}

// Why failover may not remove an AZ here, in the variant's terms (for dnsmc replay); null for other actions.
function whyDisabled(v: NlbVariant, s: NlbState, a: FamilyAction): string | null {
  if (a.name !== "Remove") return null;
  const az = s.az.at(a.args[0]!);
  if (!az.inService) return `${azName(a.args[0]!)} is not in DNS`;
  if (!az.failing) return `${azName(a.args[0]!)} passes its health checks`;
  if (!v.mayRemove(s)) return v.windows ? "this window's removal is used" : `only ${inService(s)} of ${s.az.length} AZs are in service and the floor is ${s.floor}`;
  return null;
}

function describeStep(a: FamilyAction, before: NlbState, after: NlbState): string {
  const az = azName(a.args[0] ?? 0);
  const capacity = `${inService(after)} of ${after.az.length} AZs in service`;
  switch (a.name) {
    case "Fail":
      return `${az} really goes down: its health checks fail`;
    case "Flap":
      return `${az}'s health checks fail though it is healthy (new instances' network state not yet propagated)`;
    case "Propagate":
      return `${az}'s network state propagates: its health checks pass again`;
    case "Remove":
      return `failover removes ${az} from DNS (${before.az.at(a.args[0]!).down ? "it is really down" : "it is healthy"}): ${capacity}`;
    case "Restore":
      return `failover puts ${az} back in DNS: ${capacity}`;
    default:
      return `a new window begins: one removal allowed again`;
  }
}

/** Reads checked parameters. */
export function toNlbParams(params: Readonly<Record<string, number>>): NlbParams {
  const get = (name: keyof NlbParams) => params[name] ?? NLB_PARAMETERS.find((q) => q.name === name)!.default;
  return { azs: get("azs"), floor: get("floor"), failures: get("failures"), transients: get("transients") };
}

/** The family the CLI loads (package.json's "dnsmc.families"). */
const family: ModelFamily<NlbState, FamilyAction> = defineFamily({
  module: import.meta.url,
  name: "nlb-failover",
  description: "NLB health-check failover across Availability Zones, with and without velocity control",
  parameters: NLB_PARAMETERS,
  variants: NLB_VARIANTS.map((v) => ({ name: v.name, description: v.description, source: `model/nlb/variants.ts` })),
  create: (name, params) => {
    const v = NLB_VARIANTS.find((x) => x.name === name);
    if (!v) throw new RangeError(`Unknown variant "${name}"; the variants are ${NLB_VARIANTS.map((x) => x.name).join(", ")}.`);
    return nlbModel(v, toNlbParams(params));
  },
});
export default family;
