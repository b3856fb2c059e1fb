/**
 * The whole service against one DNS server: the Planner, E Enactors named A,
 * B, C, ..., and the zone they share, for one variant and configuration.
 */
import { DnsClient, type Exchange } from "./dns/client.js";
import { Enactor } from "./enactor.js";
import { Planner } from "./planner.js";
import { SERVICE_VARIANTS, type ServiceVariant } from "./variants.js";
import { endpointName, PlanZone } from "./zone.js";

/** A configuration, as the model's parameters name it. */
export interface ServiceConfig {
  readonly enactors: number;
  readonly endpoints: number;
  readonly plans: number;
  readonly keep: number;
}

/** The service's state as the model sees it: what DNS holds, and where each Enactor is. */
export interface ServiceState {
  readonly latest: number;
  readonly deleted: number[];
  readonly active: number[];
  readonly enactors: Enactor["phase"][];
}

export class Service {
  readonly zone: PlanZone;
  readonly planner: Planner;
  readonly enactors: readonly Enactor[];

  constructor(
    port: number,
    readonly variant: ServiceVariant,
    readonly config: ServiceConfig,
    exchange?: Exchange,
  ) {
    this.zone = new PlanZone(new DnsClient(port, exchange));
    this.planner = new Planner(this.zone, config.plans);
    this.enactors = Array.from({ length: config.enactors }, (_, e) => new Enactor(`Enactor ${String.fromCharCode(65 + e)}`, this.zone, variant, config.endpoints, config.keep));
  }

  /** The variant named `name`, or an error listing them. */
  static variant(name: string): ServiceVariant {
    const v = SERVICE_VARIANTS.find((x) => x.name === name);
    if (!v) throw new Error(`the implementation has no variant "${name}" (it has ${SERVICE_VARIANTS.map((x) => x.name).join(", ")})`);
    return v;
  }

  /** Reads the state back: DNS for the plans and endpoints (one zone transfer), memory for the Enactors. */
  async state(): Promise<ServiceState> {
    const { latest, active, published } = await this.zone.snapshot(this.config.endpoints);
    const deleted = Array.from({ length: latest }, (_, k) => k + 1).filter((g) => !published.has(g));
    return { latest, deleted, active, enactors: this.enactors.map((e) => e.phase) };
  }

  /** What a resolver gets for each endpoint's addresses. */
  async resolve(): Promise<{ name: string; rcode: string; addresses: string[] }[]> {
    const out = [];
    for (let n = 0; n < this.config.endpoints; n++) out.push({ name: endpointName(n), ...(await this.zone.resolve(n)) });
    return out;
  }

  /** Back to the initial state: the zone and every Enactor. */
  async reset(): Promise<void> {
    const rcode = await this.zone.reset(this.config.plans, this.config.endpoints);
    if (rcode !== "NOERROR") throw new Error(`resetting the zone failed: ${rcode}`);
    for (const e of this.enactors) e.reset();
  }
}
