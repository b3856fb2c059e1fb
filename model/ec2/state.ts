/** The EC2 propagation model's configuration and state, and what its properties read. */
import { array, bool, enumeration, int, map, range, record, type Handle } from "../../checker/state/index.js";
import type { Parameter } from "../../checker/family.js";

/** One configuration. */
export interface Ec2Params {
  /** Launches whose network state must be propagated (all requested at once: the backlog after recovery). */
  readonly launches: number;
  /** The queue length the throttled admission keeps to (and the invariant's bound). */
  readonly bound: number;
  /** A queued item's caller times out once this many items are ahead of it. */
  readonly patience: number;
}

export const EC2_PARAMETERS: readonly Parameter[] = [
  { name: "launches", description: "instance launches waiting for their network state", default: 3, min: 1, max: 5 },
  { name: "bound", description: "the queue length throttled admission keeps to", default: 2, min: 1, max: 10 },
  { name: "patience", description: "a queued item's caller times out once this many items are ahead of it", default: 2, min: 1, max: 10 },
];

/** The queue's storage: twice the launches (a submission to a full store fails, and its caller tries again). */
export const storage = (p: Ec2Params): number => 2 * p.launches;

/** The state's fields for a configuration. */
export function ec2Fields(p: Ec2Params) {
  const Launch = range("launch", p.launches, { label: launchName });
  return {
    launch: map(Launch, enumeration("waiting", "done")),
    /** The propagation queue, head first; the slots past `length` are zero. */
    queue: array(storage(p), record({ launch: int(0, p.launches - 1), stale: bool() })),
    length: int(0, storage(p)),
    /** Constant: the configured bound, so that properties can read it. */
    bound: int(0, 10),
  };
}

export type Ec2State = Handle<ReturnType<typeof ec2Fields>>;

/** "launch 1", "launch 2", ... */
export const launchName = (l: number): string => `launch ${l + 1}`;

/** The position of launch `l`'s live (not timed-out) item in the queue, or -1. */
export function liveItem(s: Ec2State, l: number): number {
  for (let i = 0; i < s.length; i++) if (s.queue.at(i).launch === l && !s.queue.at(i).stale) return i;
  return -1;
}

/** Whether every launch has its network state. */
export function allDone(s: Ec2State): boolean {
  for (let l = 0; l < s.launch.length; l++) if (s.launch.get(l) !== "done") return false;
  return true;
}

/** Items in the queue whose callers have given up: work that will be done for nothing. */
export function staleItems(s: Ec2State): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.queue.at(i).stale) n++;
  return n;
}
