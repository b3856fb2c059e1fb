/**
 * What a model module gives the CLI: a *family* of models, one per variant
 * and parameter setting, with the properties to check. The CLI finds the
 * built-in family through package.json (`"dnsmc": {"model": ...}`) and a
 * user's through `--model FILE`; it never imports a model by name.
 */
import type { Model } from "./model.js";
import { isProperty, type Property } from "./property.js";

/** An integer parameter of a family, with its range. */
export interface Parameter {
  /** Also the CLI flag: `--<name>`. */
  readonly name: string;
  readonly description: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/**
 * A configuration's name: the variant, then each parameter that differs from
 * its default (`incident,enactors=4`), as reports, matrices and the folders of
 * counterexamples name it.
 */
export function configurationName(variant: string, parameters: readonly Parameter[], values: Readonly<Record<string, number>>): string {
  return [variant, ...parameters.filter((p) => values[p.name] !== undefined && values[p.name] !== p.default).map((p) => `${p.name}=${values[p.name]}`)].join(",");
}

/** One version of the protocol. */
export interface Variant {
  readonly name: string;
  readonly description: string;
  /** Source file that defines it, relative to the package root (for CI annotations). */
  readonly source?: string;
}

/** A family of models indexed by variant and parameters. */
export interface ModelFamily<S = any, A = any> {
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly Parameter[];
  /** At least one; the first is the default. */
  readonly variants: readonly Variant[];
  /**
   * Builds the model of one variant. `params` has every parameter, already
   * checked against its range; throw a RangeError for combinations that are
   * out of range together.
   */
  create(variant: string, params: Readonly<Record<string, number>>): Model<S, A>;
  /** Properties that come with the family (the CLI adds any found in a properties folder). */
  readonly properties?: readonly Property<S, A>[];
}

/**
 * The exports of a `--model` module: either a family (`export default` or
 * `export const family`), or one model with its properties
 * (`export const model = ...; export const properties = [...]`).
 */
export interface ModelModule {
  readonly default?: unknown;
  readonly family?: unknown;
  readonly model?: unknown;
  readonly properties?: unknown;
}

/**
 * The family a module exports (a family as `family` or default export; or one
 * `model`, as a family of one variant), with the properties it brings; null
 * when it exports neither. Items of `properties` that are not properties are
 * left out here: the CLI names them in its own message.
 */
export function familyOf(mod: ModelModule): { family: ModelFamily; properties: Property[] } | null {
  const listed = (value: unknown): Property[] => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter(isProperty));
  for (const candidate of [mod.family, mod.default]) {
    if (isFamily(candidate)) return { family: candidate, properties: [...(candidate.properties ?? []), ...listed(mod.properties)] };
  }
  for (const candidate of [mod.model, mod.default]) {
    if (isModel(candidate)) return { family: singleModelFamily(candidate), properties: listed(mod.properties) };
  }
  return null;
}

/** True for an object with a model's three functions. */
export function isModel(value: unknown): value is Model<unknown, unknown> {
  const m = value as Partial<Model<unknown, unknown>> | null;
  return typeof m === "object" && m !== null && typeof m.initStates === "function" && typeof m.actions === "function" && typeof m.next === "function";
}

/** True for an object with a family's `create`, variants and parameters. */
export function isFamily(value: unknown): value is ModelFamily {
  const f = value as Partial<ModelFamily> | null;
  return typeof f === "object" && f !== null && typeof f.create === "function" && Array.isArray(f.variants) && Array.isArray(f.parameters);
}

// One model is a family with one variant named after it and no parameters.
function singleModelFamily(model: Model<unknown, unknown>): ModelFamily {
  const name = typeof model.name === "string" && model.name ? model.name : "model";
  return {
    name,
    description: `the model exported by ${name}`,
    parameters: [],
    variants: [{ name, description: "the model as exported" }],
    create: () => model,
  };
}
