/**
 * A variant is one protocol change: how an Enactor's Route53 write lands,
 * and which old plans clean-up may delete. Each variant lives in its own
 * file under variants/ and is listed once in variants/index.ts.
 */
import type { DnsState } from "./state.js";

/** The two rules that the variants of PROTOCOL.md change. */
export interface DnsVariant {
  readonly name: string;
  /** One line: what the change is and why it matters. */
  readonly description: string;
  /** The generation an endpoint holds after an Enactor writes `plan` over `current`. */
  write(current: number, plan: number): number;
  /**
   * Whether clean-up may delete `generation`, which is already old enough
   * (generation + keep < applied plan). The incident's clean-up always may.
   */
  mayDelete(state: DnsState, generation: number): boolean;
}
