/**
 * The DNS automation protocol as a model family for dnsmc: its variants and
 * four parameters. package.json's `"dnsmc": {"model": ...}` points the CLI
 * here; the properties are discovered separately, in properties/.
 */
import type { ModelFamily } from "../checker/family.js";
import { fingerprintWords } from "../checker/fingerprint.js";
import type { Model } from "../checker/model.js";
import type { History } from "../checker/property.js";
import type { DnsAction } from "./actions.js";
import { annotate } from "./annotate.js";
import { whyDisabled } from "./disabled.js";
import { plainHistory } from "./history.js";
import { actionFromItf, actionName, actionPicks, fromItf, itf } from "./itf.js";
import { PARAMETERS, toDnsParams } from "./params.js";
import { describe, diagram, view } from "./present.js";
import { transitions } from "./protocol.js";
import { DnsState, dnsLayout, fromPlain } from "./state.js";
import { canonical, canonicalizeInPlace } from "./symmetry.js";
import type { DnsVariant } from "./variant.js";
import { VARIANTS } from "./variants/index.js";

export type { DnsAction } from "./actions.js";
export type { DnsParams } from "./params.js";
export { DnsState, type DnsPlain, type Enactor } from "./state.js";
export { ABANDON, type DnsVariant } from "./variant.js";
export { VARIANTS } from "./variants/index.js";

/** The model of one variant in the configuration `params`. */
export function variantModel(v: DnsVariant, params: Readonly<Record<string, number>> = {}): Model<DnsState, DnsAction> {
  const p = toDnsParams(params);
  const L = dnsLayout(p);
  const protocol = transitions(v, L);
  const config = PARAMETERS.filter((q) => p[q.name as keyof typeof p] !== q.default).map((q) => `${q.name}=${p[q.name as keyof typeof p]}`);
  const draw = diagram(p);
  const why = whyDisabled(p);
  return {
    name: config.length === 0 ? v.name : `${v.name},${config.join(",")}`,
    initStates: () => [protocol.init()],
    actions: (s) => {
      const out: DnsAction[] = [];
      out.length = protocol.enabled(s, out);
      return out;
    },
    next: (s, a) => {
      const t = s.copy();
      protocol.apply(s, a, t);
      return t;
    },
    fingerprintInto: (s, out) => fingerprintWords(s.w, out),
    packed: {
      words: L.words,
      wordsOf: (s) => s.w,
      wrap: (w) => new DnsState(L, w),
      // The protocol's own functions, not wrappers: each function on the hot path is one more that V8 compiles on its own.
      actionsInto: protocol.enabled,
      nextInto: protocol.apply,
      canonicalizeInPlace,
    },
    key: (s) => s.w.join(","),
    canonical,
    // Reports read the plain form of states.
    describe: (a, before, after) => describe(a, before.plain(), after.plain()),
    view: (s) => view(s.plain()),
    itf: (s) => itf(s.plain()),
    actionName,
    actionPicks,
    diagram: { participants: draw.participants, messages: (before, a, after) => draw.messages(before.plain(), a, after.plain()) },
    whyDisabled: (s, a) => why(s.plain(), a),
    annotate: (h: History<DnsState, DnsAction>) => annotate(plainHistory(h)),
    fromItf: (vars) => fromPlain(L, fromItf(vars, p)),
    actionFromItf: (name, picks) => actionFromItf(name, picks, p),
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
