/**
 * EC2 network-state propagation with queue-based throttling: the incident's
 * third mechanism. After DynamoDB came back, EC2's systems had a large
 * backlog of network state to propagate; work waited so long that its
 * callers timed out and retried, and the retries joined the queue behind the
 * stale copies. AWS: "improve the throttling mechanism in EC2 data
 * propagation systems to rate-limit incoming work based on the size of the
 * waiting queue".
 *
 * Every launch is waiting at the start (the backlog). A caller submits its
 * launch's item; a worker takes the queue's head and propagates it (for
 * nothing, if the caller has given up on it); a caller whose item has
 * `patience` items or more ahead of it times out, and submits again. A
 * variant decides admission (variants.ts).
 */
import { defineFamily, defineModel } from "../../checker/state/index.js";
import { configurationName, type ModelFamily } from "../../checker/family.js";
import type { Model } from "../../checker/model.js";
import type { FamilyAction } from "../../checker/state/index.js";
import { EC2_PARAMETERS, ec2Fields, launchName, liveItem, storage, type Ec2Params, type Ec2State } from "./state.js";
import { EC2_VARIANTS, type Ec2Variant } from "./variants.js";
import { annotate, diagram, view } from "./present.js";

export { EC2_PARAMETERS, type Ec2Params, type Ec2State } from "./state.js";

/** The model of one variant in one configuration. */
export function ec2Model(v: Ec2Variant, p: Ec2Params): Model<Ec2State, FamilyAction> {
  const fields = ec2Fields(p);
  const Launch = fields.launch.range!;
  const limit = storage(p);
  const model = defineModel({
    name: configurationName(v.name, EC2_PARAMETERS, { ...p }),
    state: fields,
    init: (s) => void (s.bound = p.bound),
    actions: {
      // A caller submits its launch's item, if admitted; it keeps trying (weak fairness).
      Submit: {
        params: [Launch],
        when: (s, l) => s.launch.get(l) === "waiting" && liveItem(s, l) < 0 && s.length < limit && v.admits(s),
        then: (s, next, l) => {
          const item = next.queue.at(s.length);
          item.launch = l;
          item.stale = false;
          next.length = s.length + 1;
        },
        fairness: "weak",
      },
      // The caller gives up on an item that waits behind `patience` others (and will submit again).
      Timeout: {
        params: [Launch],
        when: (s, l) => liveItem(s, l) >= p.patience,
        then: (s, next, l) => void (next.queue.at(liveItem(s, l)).stale = true),
      },
      // A worker takes the head of the queue and propagates it; the workers keep going (weak fairness).
      Work: {
        when: (s) => s.length > 0,
        then: (s, next) => {
          const head = s.queue.at(0);
          if (!head.stale) next.launch.set(head.launch, "done");
          for (let i = 0; i + 1 < s.length; i++) {
            next.queue.at(i).launch = s.queue.at(i + 1).launch;
            next.queue.at(i).stale = s.queue.at(i + 1).stale;
          }
          next.queue.at(s.length - 1).launch = 0;
          next.queue.at(s.length - 1).stale = false;
          next.length = s.length - 1;
        },
        fairness: "weak",
      },
    },
  });
  return { ...model, describe: (a, before, after) => describeStep(a, before, after, p), view, diagram: diagram(), whyDisabled: (s, a) => whyDisabled(v, s, a, limit), annotate };
}

// Why a submission is not admitted here, in the variant's terms (for dnsmc replay); null for other actions.
function whyDisabled(v: Ec2Variant, s: Ec2State, a: FamilyAction, limit: number): string | null {
  if (a.name !== "Submit") return null;
  if (s.launch.get(a.args[0]!) === "done") return `${launchName(a.args[0]!)} is done`;
  if (liveItem(s, a.args[0]!) >= 0) return `${launchName(a.args[0]!)} is queued already`;
  if (s.length >= limit) return `the queue's storage is full (${limit} items)`;
  if (!v.admits(s)) return `admission refuses it: the queue holds ${s.length}, its bound is ${s.bound}`;
  return null;
}

function describeStep(a: FamilyAction, before: Ec2State, after: Ec2State, p: Ec2Params): string {
  const queue = `queue ${after.length}${after.length > p.bound ? `, over the bound of ${p.bound}` : ""}`;
  switch (a.name) {
    case "Submit":
      return `${launchName(a.args[0]!)}'s network state is admitted to the queue (${queue})`;
    case "Timeout": {
      const at = liveItem(before, a.args[0]!);
      return `${launchName(a.args[0]!)}'s caller times out with ${at} items ahead of it and will retry: its queued item is now stale`;
    }
    default: {
      const head = before.queue.at(0);
      return head.stale
        ? `a worker propagates a stale item of ${launchName(head.launch)}: wasted work, its caller gave up (${queue})`
        : `a worker propagates ${launchName(head.launch)}'s network state: it is done (${queue})`;
    }
  }
}

/** Reads checked parameters. */
export function toEc2Params(params: Readonly<Record<string, number>>): Ec2Params {
  const get = (name: keyof Ec2Params) => params[name] ?? EC2_PARAMETERS.find((q) => q.name === name)!.default;
  return { launches: get("launches"), bound: get("bound"), patience: get("patience") };
}

/** The family the CLI loads (package.json's "dnsmc.families"). */
const family: ModelFamily<Ec2State, FamilyAction> = defineFamily({
  module: import.meta.url,
  name: "ec2-propagation",
  description: "EC2 network-state propagation: a work queue with retries, with and without queue-based throttling",
  parameters: EC2_PARAMETERS,
  variants: EC2_VARIANTS.map((v) => ({ name: v.name, description: v.description, source: `model/ec2/variants.ts` })),
  create: (name, params) => {
    const v = EC2_VARIANTS.find((x) => x.name === name);
    if (!v) throw new RangeError(`Unknown variant "${name}"; the variants are ${EC2_VARIANTS.map((x) => x.name).join(", ")}.`);
    return ec2Model(v, toEc2Params(params));
  },
});
export default family;
