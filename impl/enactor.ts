/**
 * A DNS Enactor: picks the newest plan after a one-time freshness check
 * against what the endpoints serve, applies it endpoint by endpoint (each
 * write one UPDATE), then cleans up older plans. Its own progress lives in
 * memory, as in the real service; each DNS exchange is awaited.
 */
import type { ServiceVariant } from "./variants.js";
import type { PlanZone } from "./zone.js";

/** Where an Enactor is: idle, applying `plan` with endpoint `next` to write, or cleaning up after `plan`. */
export type EnactorPhase = { readonly phase: "idle" } | { readonly phase: "applying"; readonly plan: number; readonly next: number } | { readonly phase: "cleaning"; readonly plan: number };

/** What one step of `run` did. */
export type EnactorStep = { readonly kind: "pick"; readonly picked: boolean } | { readonly kind: "apply"; readonly outcome: WriteOutcome } | { readonly kind: "cleanup" };

/** What one attempt to write an endpoint did. */
export type WriteOutcome = "written" | "skipped" | "abandoned" | "blocked";

export class Enactor {
  private state: EnactorPhase = { phase: "idle" };
  // What each endpoint served at the freshness check: the compare-and-swap writes over exactly that.
  private seen: number[] = [];

  constructor(
    readonly name: string,
    private readonly zone: PlanZone,
    private readonly variant: ServiceVariant,
    private readonly endpoints: number,
    /** Clean-up after plan p deletes plans g with g + keep < p. */
    private readonly keep: number,
  ) {}

  /** Where it is now. */
  get phase(): EnactorPhase {
    return this.state;
  }

  /** Back to idle (a restarted process). */
  reset(): void {
    this.state = { phase: "idle" };
    this.seen = [];
  }

  /** If idle: takes the newest plan when it is newer than every endpoint's, checked once. Whether it took one. */
  async pick(): Promise<boolean> {
    if (this.state.phase !== "idle") return false;
    // The newest plan and every endpoint, as one zone transfer: read at one instant.
    const { latest, active: seen } = await this.zone.snapshot(this.endpoints);
    if (latest <= Math.max(...seen)) return false;
    this.seen = seen;
    this.state = { phase: "applying", plan: latest, next: 0 };
    return true;
  }

  /** If applying: writes its plan to the next endpoint, by the variant's rule. */
  async applyNext(): Promise<WriteOutcome> {
    const s = this.state;
    if (s.phase !== "applying") return "blocked";
    const outcome = await this.write(s.next, s.plan);
    if (outcome === "blocked") return outcome;
    if (outcome === "abandoned") this.state = { phase: "idle" };
    else this.state = s.next + 1 < this.endpoints ? { phase: "applying", plan: s.plan, next: s.next + 1 } : { phase: "cleaning", plan: s.plan };
    return outcome;
  }

  /** If cleaning: deletes the plans old enough (those still in use spared, by the variant's rule), then goes idle. */
  async cleanUp(): Promise<void> {
    const s = this.state;
    if (s.phase !== "cleaning") return;
    let old = Array.from({ length: Math.max(0, s.plan - this.keep - 1) }, (_, k) => k + 1);
    if (this.variant.cleanup === "spare-active") {
      const inUse = new Set((await this.zone.snapshot(this.endpoints)).active);
      old = old.filter((g) => !inUse.has(g));
    }
    const rcode = await this.zone.delete(old);
    if (rcode !== "NOERROR") throw new Error(`${this.name}'s clean-up failed: ${rcode}`);
    this.state = { phase: "idle" };
  }

  /**
   * Runs until `stop()` says so, one step at a time: pick when idle, write the
   * next endpoint when applying (a blocked write is tried again next time),
   * clean up when done. `onStep` hears what each step did.
   */
  async run(stop: () => boolean, onStep?: (step: EnactorStep) => void): Promise<void> {
    while (!stop()) {
      const phase = this.state.phase;
      if (phase === "idle") onStep?.({ kind: "pick", picked: await this.pick() });
      else if (phase === "applying") onStep?.({ kind: "apply", outcome: await this.applyNext() });
      else {
        await this.cleanUp();
        onStep?.({ kind: "cleanup" });
      }
    }
  }

  // One endpoint's write. A refused UPDATE leaves the endpoint as it was: the Enactor reads it again and decides anew.
  private async write(n: number, plan: number): Promise<WriteOutcome> {
    const rule = this.variant.write;
    let current = rule === "compare-and-swap" ? this.seen[n]! : await this.zone.active(n);
    for (;;) {
      if (rule === "compare-and-swap" && plan <= current) return "skipped";
      if (rule === "recheck" && plan < current) return "abandoned";
      const rcode = await this.zone.point(n, plan, current);
      if (rcode === "NOERROR") return "written";
      if (rcode !== "NXRRSET") throw new Error(`${this.name}'s write to endpoint ${n} failed: ${rcode}`);
      const now = await this.zone.active(n);
      // Still the plan it read: the refusal was for that plan's records, which are gone. Route53 would refuse the
      // change batch the same way; the Enactor tries again later.
      if (now === current) return "blocked";
      current = now;
    }
  }
}
