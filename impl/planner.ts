/** The DNS Planner: publishes plan generations 1..G, one at a time. */
import type { PlanZone } from "./zone.js";

export class Planner {
  constructor(
    private readonly zone: PlanZone,
    /** The last generation it will produce. */
    private readonly plans: number,
  ) {}

  /** Publishes the next generation; false once it has produced the last one. */
  async publishNext(): Promise<boolean> {
    const latest = await this.zone.latest();
    if (latest >= this.plans) return false;
    const rcode = await this.zone.publish(latest + 1);
    if (rcode !== "NOERROR") throw new Error(`publishing plan ${latest + 1} failed: ${rcode}`);
    return true;
  }
}
