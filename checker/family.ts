/**
 * What a model module gives the CLI: a *family* of models, one per variant
 * and parameter setting, with the properties to check. The CLI finds the
 * built-in family through package.json (`"dnsmc": {"model": ...}`) and a
 * user's through `--model FILE`; it never imports a model by name.
 */
import type { Model } from "./model.js";
import type { Property } from "./property.js";

/** An integer parameter of a family, with its range. */
export interface Parameter {
  /** Also the CLI flag: `--<name>`. */
  readonly name: string;
  readonly description: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
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
