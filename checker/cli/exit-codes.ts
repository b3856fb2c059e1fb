/**
 * Exit codes, few and stable (as TLC and Quint keep theirs). Documented in
 * the README; `dnsmc help` prints them too.
 */
export const EXIT = {
  /** Every property holds (every witness found); for `ci`, every verdict as expected. */
  ok: 0,
  /** A property is violated; for `ci`, a verdict differs from its expectation. */
  violated: 1,
  /** Usage error, bad input, or a model that throws or is nondeterministic. */
  usage: 2,
  /** Incomplete: a bound or time limit stopped the search before it was exhaustive. */
  incomplete: 3,
} as const;

/** A problem with what the user asked for: printed as one paragraph, exit 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
