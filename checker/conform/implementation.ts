/**
 * What an implementation offers so that dnsmc can check it against its
 * model (`dnsmc conform`): the model's actions as operations, and a way to
 * read its state back in the model's terms. The engine drives it one action
 * at a time and compares states; it knows nothing of what the implementation
 * runs on.
 */

/** An action as ITF writes it: `mbt::actionTaken` and `mbt::nondetPicks`. */
export interface ItfAction {
  readonly name: string;
  readonly picks: Readonly<Record<string, unknown>>;
}

/** What an outside observer sees of the implementation: one row each (for a DNS service, what a resolver gets per name). */
export interface Observation {
  /** What the rows are ("endpoints"): the key of `--json`'s field. */
  readonly label: string;
  readonly rows: readonly { readonly name: string; readonly text: string; readonly data: unknown }[];
}

/** A running implementation of one variant in one configuration. */
export interface ImplementationSession {
  /** Takes the step the model calls `action`, and resolves once it has finished. */
  step(action: ItfAction): Promise<void>;
  /** The state, read back from the real system, as the model's ITF variables. */
  state(): Promise<Record<string, unknown>>;
  /** What an outside observer sees now. */
  observe(): Promise<Observation>;
  /** Back to the initial state, for another run. */
  reset(): Promise<void>;
  /** Stops it and releases what it started (servers, folders). */
  close(): Promise<void>;
}

/** An implementation module's default export. */
export interface Implementation {
  /** The servers it can run against; the first is the default. */
  readonly servers: readonly string[];
  /** Starts it for `variant` with the model's `parameters`, against `server`. */
  start(config: { readonly variant: string; readonly parameters: Readonly<Record<string, number>>; readonly server: string }): Promise<ImplementationSession>;
}

/**
 * Thrown by `start` when what the implementation needs (a DNS server, say)
 * cannot be had here: the message says what is missing and how to install it.
 */
export class ImplementationUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImplementationUnavailable";
  }
}
