/**
 * A variant is one protocol change: how an Enactor's Route53 write lands,
 * and which old plans clean-up may delete. Each variant lives in its own
 * file under variants/ and is listed once in variants/index.ts.
 */
import type { DnsState } from "./state.js";

/** What {@link DnsVariant.write} returns when the Enactor abandons its plan instead of writing. */
export const ABANDON = "abandon";

/** The two rules that the variants of PROTOCOL.md change. */
export interface DnsVariant {
  readonly name: string;
  /** One line: what the change is and why it matters. */
  readonly description: string;
  /**
   * The generation an endpoint holds after an Enactor writes `plan` over
   * `current`, or {@link ABANDON}: the Enactor drops its plan without writing
   * and goes idle.
   */
  write(current: number, plan: number): number | typeof ABANDON;
  /**
   * Whether clean-up may delete `generation`, which is already old enough
   * (generation + keep < applied plan). The incident's clean-up always may.
   */
  mayDelete(state: DnsState, generation: number): boolean;
}
