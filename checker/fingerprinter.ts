/**
 * How the search turns a model's state into a fingerprint: the model's own
 * `fingerprintInto` or `key` when it has one, else a hash of the value's
 * structure with the equality of its canonical JSON (no string built). With
 * symmetry reduction the state is first replaced by its canonical
 * representative, so that symmetric states share one fingerprint.
 */
import { fingerprintInto, fingerprintValueInto, type Fingerprint } from "./fingerprint.js";
import type { Model } from "./model.js";

/** State normalisation and fingerprinting for one search. */
export interface Fingerprinter<S> {
  /** True when states are replaced by symmetry representatives. */
  readonly symmetric: boolean;
  /** The state the search stores and expands: the canonical representative under symmetry. */
  normalise(state: S): S;
  /** A fresh fingerprint of a normalised state. */
  fingerprint(state: S): Fingerprint;
  /** The fingerprint of a normalised state written into `out`, avoiding allocation. */
  fingerprintInto(state: S, out: Fingerprint): Fingerprint;
}

/** The fingerprinter for `model`, with or without symmetry reduction. */
export function fingerprinterFor<S>(model: Model<S, unknown>, symmetry: boolean): Fingerprinter<S> {
  const key = model.key?.bind(model);
  const canonical = model.canonical?.bind(model);
  if (symmetry && !canonical) {
    throw new TypeError(`Model "${model.name}" has no canonical() function, so symmetry reduction cannot be applied to it.`);
  }
  const normalise = symmetry && canonical ? canonical : (s: S) => s;
  const direct = model.fingerprintInto?.bind(model);
  return {
    symmetric: symmetry,
    normalise,
    fingerprint: direct ? (s) => direct(s, { hi: 0, lo: 0 }) : key ? (s) => fingerprintInto(key(s), { hi: 0, lo: 0 }) : (s) => fingerprintValueInto(s, { hi: 0, lo: 0 }),
    fingerprintInto: direct ?? (key ? (s, out) => fingerprintInto(key(s), out) : fingerprintValueInto),
  };
}
