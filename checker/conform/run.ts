/**
 * Running a trace on an implementation: each action of the trace is taken
 * on the model and on the implementation, and after each the implementation's
 * state, read back from the real system, must be the model's. The first step
 * where they differ is the divergence; nothing after it is compared.
 */
import { canonicalKey } from "../fingerprint.js";
import type { Model } from "../model.js";
import { stateToItf } from "../itf/write.js";
import { enabledLike, initialStateLike } from "../replay.js";
import { diffViews, viewOf, type Change } from "../report/view.js";
import { describeAction } from "../trace.js";
import type { ImplementationSession, ItfAction, Observation } from "./implementation.js";

/** One step of the run. */
export interface ConformStep {
  /** 0 for the initial state, then the action's number. */
  readonly n: number;
  readonly description: string;
  /** Whether the model could take the action at all (if not, neither state may change). */
  readonly enabled: boolean;
  readonly matched: boolean;
  /** Both states, as ITF variables. */
  readonly model: Record<string, unknown>;
  readonly implementation: Record<string, unknown>;
  /** The rows that differ, labelled as the model shows states ("model" before, "implementation" after). */
  readonly differences: readonly Change[];
}

/** The whole run. */
export interface ConformOutcome {
  readonly matched: boolean;
  readonly steps: readonly ConformStep[];
  readonly firstDivergence: ConformStep | null;
  /** What an outside observer sees at the end. */
  readonly observation: Observation;
}

/** Runs `actions` (a trace through `states`, and the same actions as ITF) on the model `target` and on `session`. */
export async function conform<S, A>(target: Model<S, A>, states: readonly S[], actions: readonly A[], itfActions: readonly ItfAction[], session: ImplementationSession): Promise<ConformOutcome> {
  let state = initialStateLike(target, states[0]!);
  await session.reset();
  const steps: ConformStep[] = [];
  const compare = async (n: number, description: string, enabled: boolean): Promise<ConformStep> => {
    const model = stateToItf(target, state);
    const implementation = await session.state();
    const matched = canonicalKey(model) === canonicalKey(implementation);
    const step = { n, description, enabled, matched, model, implementation, differences: matched ? [] : differences(target, state, implementation) };
    steps.push(step);
    return step;
  };
  let last = await compare(0, "initial state", true);
  for (let i = 0; i < actions.length && last.matched; i++) {
    const action = enabledLike(target, state, actions[i]!);
    const before = state;
    if (action !== undefined) state = target.next(state, action);
    await session.step(itfActions[i]!);
    last = await compare(i + 1, describeAction(target, action ?? actions[i]!, before, state), action !== undefined);
  }
  const firstDivergence = steps.find((s) => !s.matched) ?? null;
  return { matched: firstDivergence === null, steps, firstDivergence, observation: await session.observe() };
}

// The rows that differ, in the model's own view of states when the implementation's variables decode as a state.
function differences<S, A>(model: Model<S, A>, state: S, implementation: Record<string, unknown>): Change[] {
  try {
    if (!model.fromItf) throw new Error("no decoder");
    const decoded = model.fromItf(implementation) as NonNullable<S>;
    const changes = diffViews(viewOf(model as Model<S, unknown>, state), viewOf(model as Model<S, unknown>, decoded));
    if (changes.length > 0) return changes;
  } catch {
    // fall through: show the raw variables
  }
  const m = stateToItf(model, state);
  return Object.keys({ ...m, ...implementation })
    .filter((k) => canonicalKey(m[k]) !== canonicalKey(implementation[k]))
    .map((k) => ({ label: k, before: JSON.stringify(m[k] ?? null), after: JSON.stringify(implementation[k] ?? null) }));
}
