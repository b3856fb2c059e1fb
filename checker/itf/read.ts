/**
 * Reading ITF traces back: checks the document's shape and hands each
 * state's variables and action to the model's decoders, naming the step and
 * variable of the first problem.
 */

/** A trace read from an ITF file, not yet decoded into model values. */
export interface ItfTrace {
  readonly meta: Readonly<Record<string, unknown>>;
  readonly states: ReadonlyArray<{
    readonly vars: Readonly<Record<string, unknown>>;
    readonly actionTaken: string | null;
    readonly picks: Readonly<Record<string, unknown>>;
  }>;
  /** For a lasso: the index of the state where its cycle starts. */
  readonly loop?: number;
}

/** Thrown for a document that is not an ITF trace we can replay. */
export class ItfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ItfError";
  }
}

/** Parses and checks an ITF document. */
export function readItf(text: string): ItfTrace {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ItfError(`it is not valid JSON (${(error as Error).message})`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new ItfError('it is not an ITF trace: expected an object with "vars" and "states"');
  const d = doc as Record<string, unknown>;
  if (!Array.isArray(d.states) || d.states.length === 0) throw new ItfError('"states" must be a non-empty array of states');
  const meta = typeof d["#meta"] === "object" && d["#meta"] !== null ? (d["#meta"] as Record<string, unknown>) : {};
  const states = d.states.map((raw, i) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ItfError(`step ${i}: a state must be an object of variables`);
    const { "#meta": _meta, "mbt::actionTaken": taken, "mbt::nondetPicks": picks, ...vars } = raw as Record<string, unknown>;
    if (i > 0 && typeof taken !== "string") throw new ItfError(`step ${i}: "mbt::actionTaken" must name the action taken (a string)`);
    if (picks !== undefined && (typeof picks !== "object" || picks === null || Array.isArray(picks))) throw new ItfError(`step ${i}: "mbt::nondetPicks" must be an object`);
    return { vars, actionTaken: typeof taken === "string" ? taken : null, picks: (picks ?? {}) as Record<string, unknown> };
  });
  if (d.loop !== undefined && !(Number.isInteger(d.loop) && (d.loop as number) >= 0 && (d.loop as number) < states.length)) {
    throw new ItfError(`"loop" must be the index of a state (an integer from 0 to ${states.length - 1}); got ${JSON.stringify(d.loop)}`);
  }
  return { meta, states, ...(d.loop !== undefined ? { loop: d.loop as number } : {}) };
}
