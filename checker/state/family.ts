/**
 * `defineFamily`: a model family whose models know where they come from, so
 * that worker threads can rebuild them (a thread cannot be handed closures,
 * only the module to import and the variant and parameters to build).
 */
import type { ModelFamily } from "../family.js";
import type { Model } from "../model.js";

/** A family, and the module that exports it: pass `import.meta.url`. */
export interface FamilyDeclaration<S, A> extends ModelFamily<S, A> {
  /** The URL of the module exporting this family (as its default export or as `family`). */
  readonly module?: string;
}

/** A family whose models carry their origin, so that `check(model, { workers: 2 })` can use threads. */
export function defineFamily<S, A>(decl: FamilyDeclaration<S, A>): ModelFamily<S, A> {
  const module = decl.module;
  return {
    ...decl,
    create: (variant, params) => {
      const model: Model<S, A> = decl.create(variant, params);
      return module === undefined || model.origin ? model : { ...model, origin: { module, variant, params: { ...params } } };
    },
  };
}
