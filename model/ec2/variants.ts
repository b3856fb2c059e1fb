/** Whether the propagation system admits a submission: the one rule the EC2 variants change. */
import type { Ec2State } from "./state.js";

export interface Ec2Variant {
  readonly name: string;
  readonly description: string;
  /** Whether a new item may join a queue of `s.length` items (the storage limit applies to all). */
  admits(s: Ec2State): boolean;
}

export const EC2_VARIANTS: readonly Ec2Variant[] = [
  {
    name: "no-throttling",
    description: "October 2025: every submission is admitted; timed-out work is retried and queued again",
    admits: () => true,
  },
  {
    name: "queue-throttling",
    description: "the fix AWS announced: admission is rate-limited by the queue's length (at most `bound` waiting)",
    admits: (s) => s.length < s.bound,
  },
];
