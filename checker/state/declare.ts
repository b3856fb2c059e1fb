/**
 * A state type from its schema: the layout, the handle class, and the plain,
 * view and ITF forms, bound together. Models built with `defineModel` get one;
 * a model that writes its transitions by hand (the DNS model) declares one
 * with {@link declareState} and uses the same pieces.
 */
import { handleClass } from "./handle.js";
import { layoutOf, type Layout } from "./layout.js";
import { fromItf, fromPlain, toItf, toPlain, viewOf } from "./plain.js";
import type { Fields, Handle, PlainState } from "./schema.js";
import { canonicalizer } from "./symmetry.js";
import type { StateView } from "../model.js";

/** Everything derived from one schema. */
export interface StateType<F extends Fields> {
  readonly fields: F;
  /** Words per state. */
  readonly words: number;
  /** A handle over `words` (which the caller keeps owning). */
  wrap(words: Uint32Array): Handle<F>;
  /** A fresh state: every integer at its minimum, enumerations at their first value, booleans false, sets empty. */
  create(): Handle<F>;
  /** A copy with its own words. */
  copy(s: Handle<F>): Handle<F>;
  /** The plain form: records as objects, arrays and maps as arrays, sets as ascending index lists, enumerations as names. */
  plain(s: Handle<F>): PlainState<F>;
  /** The state from its plain form; throws a RangeError naming the field that does not fit. */
  fromPlain(p: PlainState<F>): Handle<F>;
  /** The state as labelled rows, one per scalar and per set. */
  view(s: Handle<F>): StateView;
  /** The state as ITF variables (sets as `#set`). */
  itf(s: Handle<F>): Record<string, unknown>;
  /** The state from ITF variables; throws a RangeError naming the variable that does not fit. */
  fromItf(vars: Readonly<Record<string, unknown>>): Handle<F>;
  /**
   * Rewrites the state into its symmetry class's representative in place
   * (returns whether anything moved); null when no range is symmetric.
   */
  readonly canonicalizeInPlace: ((s: Handle<F>) => boolean) | null;
  /** @internal The packing. */
  readonly layout: Layout;
}

/** Compiles a schema: `declareState({ latest: int(1, 5), deleted: set(Plan), ... })`. */
export function declareState<const F extends Fields>(fields: F): StateType<F> {
  const L = layoutOf(fields);
  const H = handleClass(L) as unknown as new (w: Uint32Array) => Handle<F>;
  Object.defineProperty(H.prototype, "toJSON", {
    value(this: Handle<F>) {
      return toPlain(L, this.w);
    },
  });
  const canon = canonicalizer(L);
  const wrap = (w: Uint32Array): Handle<F> => new H(w);
  return {
    fields,
    words: L.words,
    layout: L,
    wrap,
    create: () => wrap(new Uint32Array(L.words)),
    copy: (s) => wrap(s.w.slice()),
    plain: (s) => toPlain(L, s.w) as PlainState<F>,
    fromPlain: (p) => {
      const w = new Uint32Array(L.words);
      fromPlain(L, p, w);
      return wrap(w);
    },
    view: (s) => viewOf(L, s.w),
    itf: (s) => toItf(L, s.w),
    fromItf: (vars) => {
      const w = new Uint32Array(L.words);
      fromItf(L, vars, w);
      return wrap(w);
    },
    canonicalizeInPlace: canon ? (s) => canon(s.w) : null,
  };
}
