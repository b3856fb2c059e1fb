/**
 * The model interface: what a protocol must tell the checker, and nothing more.
 *
 * In the spirit of Stateright's `Model` trait: initial states, the enabled
 * actions of a state, the successor under an action. Everything else is
 * optional presentation (how to name an action, how to show a state) or an
 * optional speed-up (a cheap canonical key, a symmetry representative).
 */

import type { Fairness } from "./fairness.js";
import type { History } from "./property.js";

/** A labelled, flat view of a state: the rows a person reads and diffs. */
export type StateView = ReadonlyArray<readonly [label: string, value: string]>;

/** One arrow or note of a sequence diagram, produced for one step of a trace. */
export interface DiagramMessage {
  /** Participant id the message leaves (see {@link Diagram.participants}). */
  readonly from: string;
  /** Participant id it reaches; equal to `from` for a note over one participant. */
  readonly to: string;
  readonly text: string;
  /** `note` draws a note over `from`..`to` instead of an arrow. */
  readonly kind?: "arrow" | "note";
}

/** How a model draws a trace as a sequence diagram (Mermaid, in reports). */
export interface Diagram<S, A> {
  /** Participants in left-to-right order: `id` is an identifier, `label` is shown. */
  participants(): ReadonlyArray<{ readonly id: string; readonly label: string }>;
  /** The messages of one step `before --action--> after`. */
  messages(before: S, action: A, after: S): readonly DiagramMessage[];
}

/**
 * A transition system the checker can explore.
 *
 * `S` must be a plain, immutable value (frozen objects, arrays, numbers,
 * strings, booleans): the checker fingerprints it, and replays the model to
 * rebuild traces, so `next` must be a pure function of its arguments.
 */
export interface Model<S, A> {
  /** A short name for reports and file names. */
  readonly name: string;
  /** The initial states, in a deterministic order. */
  initStates(): readonly S[];
  /**
   * The actions enabled in `state`, in a deterministic order. Traces record
   * the index of the action taken in this list, so the order must depend on
   * the state alone.
   */
  actions(state: S): readonly A[];
  /** The successor of `state` under an enabled `action`. Must not mutate `state`. */
  next(state: S, action: A): S;
  /**
   * One line saying what the step did, in the words of the domain
   * ("Enactor A picks plan 2"). Defaults to a JSON rendering of the action.
   */
  describe?(action: A, before: S, after: S): string;
  /** A short machine name of the action for ITF's `mbt::actionTaken` (e.g. `Pick`). */
  actionName?(action: A): string;
  /** The action's parameters for ITF's `mbt::nondetPicks`. */
  actionPicks?(action: A): Readonly<Record<string, unknown>>;
  /**
   * A string that identifies the state exactly: two states are the same
   * state iff their keys are equal. Defaults to a canonical JSON encoding,
   * which is correct for any plain value but slower than a hand-made key.
   */
  key?(state: S): string;
  /**
   * The state's 64-bit fingerprint written into `out`, computed without
   * building a string (e.g. by hashing packed words). Must agree with `key`:
   * equal states, equal fingerprints. Preferred over `key` when present.
   */
  fingerprintInto?(state: S, out: { hi: number; lo: number }): { hi: number; lo: number };
  /**
   * The fast path, for models whose states are packed words (see
   * checker/state/, which derives it from a schema): with it the search expands states without
   * allocating, holding its frontier in one typed array.
   */
  readonly packed?: PackedOps<S, A>;
  /**
   * A canonical representative of the state's symmetry class, used only when
   * symmetry reduction is asked for. Must map symmetric states to one state.
   */
  canonical?(state: S): S;
  /** The state as labelled rows, for traces and diffs. Defaults to flattened JSON. */
  view?(state: S): StateView;
  /**
   * The state as ITF variables (`{"x": 1, "s": {"#set": [...]}}`). Defaults
   * to the state's own fields encoded with {@link toItfValue}.
   */
  itf?(state: S): Readonly<Record<string, unknown>>;
  /**
   * Why `action` is not enabled in `state`, in one sentence ("the freshness
   * check fails: ..."), for replaying a trace on another variant. Return null
   * if it is enabled or there is nothing to say.
   */
  whyDisabled?(state: S, action: A): string | null;
  /** How to draw a trace as a sequence diagram. */
  readonly diagram?: Diagram<S, A>;
  /**
   * Causal notes on a whole trace (e.g. "the freshness check made at step 2
   * no longer held when Enactor A wrote at step 7"), each on one step.
   */
  annotate?(history: History<S, A>): ReadonlyArray<{ readonly step: number; readonly text: string }>;
  /** Decodes ITF variables (as written by `itf`) back into a state, for `dnsmc replay`. */
  fromItf?(vars: Readonly<Record<string, unknown>>): S;
  /** Decodes an ITF `mbt::actionTaken` and its `mbt::nondetPicks` back into an action. */
  actionFromItf?(name: string, picks: Readonly<Record<string, unknown>>): A;
  /**
   * Which infinite behaviours count for temporal properties (`eventually`,
   * `leadsTo`, `convergesTo`): weak or strong fairness per set of actions,
   * as TLA+'s WF and SF (see fairness.ts). Without it, any behaviour may
   * stop (stutter) in any state.
   */
  readonly fairness?: readonly Fairness<A>[];
  /**
   * Where the model comes from, so that worker threads can build it again
   * (set by `defineFamily`). A packed model with an origin is checked on
   * every core; one without runs on one thread unless the check is given a
   * `workerSource`.
   */
  readonly origin?: ModelOrigin;
}

/**
 * How a worker thread rebuilds a model: it imports `module` and builds
 * `variant` with `params` from the family it exports (default export or
 * `family`), or takes its `model` export. Properties are found by name among
 * the family's, the module's `properties` export and `propertyModules`' exports.
 */
export interface ModelOrigin {
  /** A `file:` URL (`import.meta.url` in the module itself). */
  readonly module: string;
  readonly variant?: string;
  readonly params?: Readonly<Record<string, number>>;
  /** Modules whose exported properties a check may name (a project's discovered properties). */
  readonly propertyModules?: readonly string[];
}

/**
 * Allocation-free operations on a model whose states are a fixed number of
 * 32-bit words. A handle (`S`) wraps words; the search reuses a few handles
 * over its own buffers, so properties must not keep the states they are given.
 */
export interface PackedOps<S, A> {
  /** Words per state. */
  readonly words: number;
  /** The words of a state (not a copy). */
  wordsOf(state: S): Uint32Array;
  /** A handle over `words` (which the caller keeps owning). */
  wrap(words: Uint32Array): S;
  /** Writes the actions enabled in `state` to `out[0..n-1]`, in the order `actions` lists them; returns n. */
  actionsInto(state: S, out: A[]): number;
  /** Writes the successor of `state` under `action` into `target`, whose words hold a copy of `state`'s on entry. */
  nextInto(state: S, action: A, target: S): void;
  /** Rewrites `state`'s words into its symmetry representative's, in place (for symmetry reduction). */
  canonicalizeInPlace?(state: S): void;
}
