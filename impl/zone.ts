/**
 * How the service keeps its plans in DNS, and how it reads them back. Plan
 * generation g is a set of A records at `plan-g.<zone>`; endpoint n is a
 * CNAME to the plan it serves (endpoint 0, the regional one, is
 * `dynamodb.<zone>`); the Planner's newest generation is the TXT record
 * `planner.<zone>` ("latest=g"). Deleting a plan deletes its A records, and an
 * endpoint whose plan is gone answers a resolver with no address.
 */
import type { DnsClient, Prerequisite, Update } from "./dns/client.js";

/** The zone the service manages (a test zone: nothing outside this machine resolves it). */
export const ZONE = "us-east-1.dynamodb.test.";

/** The owner name of plan generation `g`. */
export const planName = (g: number): string => `plan-${g}.${ZONE}`;
/** The owner name of endpoint `n`: the regional endpoint first. */
export const endpointName = (n: number): string => (n === 0 ? `dynamodb.${ZONE}` : `dynamodb-${n}.${ZONE}`);
/** Where the Planner records its newest generation. */
export const PLANNER = `planner.${ZONE}`;

/** The two addresses of plan `g`'s load balancers (documentation ranges: never contacted). */
export const planAddresses = (g: number): string[] => [`192.0.2.${g}`, `198.51.100.${g}`];

/** The zone-file lines of the initial state: plan 1 published, every endpoint on it. */
export function initialRecords(endpoints: number): string[] {
  return [
    ...planAddresses(1).map((a) => `${planName(1)} 60 A ${a}`),
    `${PLANNER} 60 TXT "latest=1"`,
    ...Array.from({ length: endpoints }, (_, n) => `${endpointName(n)} 60 CNAME ${planName(1)}`),
  ];
}

/** Reads and writes the plans through one DNS client. */
export class PlanZone {
  constructor(private readonly dns: DnsClient) {}

  /**
   * Every plan, endpoint and the newest generation at one instant: one zone
   * transfer, so that a check over several names (the freshness check, the
   * guarded clean-up) sees them as they were together.
   */
  async snapshot(endpoints: number): Promise<{ latest: number; active: number[]; published: Set<number> }> {
    const records = await this.dns.axfr(ZONE);
    const name = (full: string) => (full.endsWith(".") ? full : `${full}.`);
    const txt = records.find((r) => r.type === "TXT" && name(r.name) === PLANNER)?.data;
    const m = /latest=(\d+)/.exec((Array.isArray(txt) ? txt : [txt]).map((b) => String(b)).join(""));
    if (!m) throw new Error(`${PLANNER} has no "latest=" record: the zone is not the service's`);
    const active = Array.from({ length: endpoints }, (_, n) => {
      const target = records.find((r) => r.type === "CNAME" && name(r.name) === endpointName(n))?.data;
      const g = /^plan-(\d+)\./.exec(String(target));
      if (!g) throw new Error(`${endpointName(n)} has no CNAME to a plan`);
      return Number(g[1]);
    });
    const published = new Set(records.filter((r) => r.type === "A").map((r) => /^plan-(\d+)\./.exec(name(r.name))).filter((x) => x !== null).map((x) => Number(x![1])));
    return { latest: Number(m[1]), active, published };
  }

  /** The Planner's newest generation. */
  async latest(): Promise<number> {
    const r = await this.dns.query(PLANNER, "TXT");
    const txt = r.answers.find((a) => a.type === "TXT")?.data;
    const text = (Array.isArray(txt) ? txt : [txt]).map((b) => String(b)).join("");
    const m = /latest=(\d+)/.exec(text);
    if (!m) throw new Error(`${PLANNER} has no "latest=" record (${r.rcode}): the zone is not the service's`);
    return Number(m[1]);
  }

  /** The generation endpoint `n` points at. */
  async active(n: number): Promise<number> {
    const r = await this.dns.query(endpointName(n), "CNAME");
    const target = r.answers.find((a) => a.type === "CNAME" && a.name === endpointName(n).slice(0, -1))?.data;
    const m = /^plan-(\d+)\./.exec(String(target));
    if (!m) throw new Error(`${endpointName(n)} has no CNAME to a plan (${r.rcode})`);
    return Number(m[1]);
  }

  /** What a resolver gets for endpoint `n`'s addresses. */
  async resolve(n: number): Promise<{ rcode: string; addresses: string[] }> {
    const r = await this.dns.query(endpointName(n), "A");
    return { rcode: r.rcode, addresses: r.answers.filter((a) => a.type === "A").map((a) => String(a.data)).sort() };
  }

  /** Publishes plan `g` and records it as the newest, in one UPDATE, provided the newest is still `g - 1`. */
  publish(g: number): Promise<string> {
    return this.dns.update(
      ZONE,
      [{ kind: "exists", name: PLANNER, type: "TXT", data: `latest=${g - 1}` }],
      [...planAddresses(g).map((a): Update => ({ kind: "add", name: planName(g), type: "A", data: a })), { kind: "deleteRRset", name: PLANNER, type: "TXT" }, { kind: "add", name: PLANNER, type: "TXT", data: `latest=${g}` }],
    );
  }

  /**
   * Points endpoint `n` at plan `p`, replacing plan `current`, in one UPDATE
   * whose prerequisites are the records it replaces: the endpoint's CNAME to
   * plan `current`, and plan `current`'s records. The server refuses it
   * (NXRRSET) if either is gone, as Route53 refuses a change batch whose
   * records to replace are not there.
   */
  point(n: number, p: number, current: number): Promise<string> {
    const prerequisites: Prerequisite[] = [
      { kind: "exists", name: endpointName(n), type: "CNAME", data: planName(current) },
      { kind: "rrsetExists", name: planName(current), type: "A" },
    ];
    return this.dns.update(ZONE, prerequisites, [
      { kind: "deleteRRset", name: endpointName(n), type: "CNAME" },
      { kind: "add", name: endpointName(n), type: "CNAME", data: planName(p) },
    ]);
  }

  /** Deletes the records of plans `gs`, in one UPDATE. */
  delete(gs: readonly number[]): Promise<string> {
    if (gs.length === 0) return Promise.resolve("NOERROR");
    return this.dns.update(ZONE, [], gs.map((g) => ({ kind: "deleteRRset", name: planName(g), type: "A" })));
  }

  /** Puts the zone back to its initial state (plans 1..`plans` and `endpoints` endpoints), in one UPDATE. */
  reset(plans: number, endpoints: number): Promise<string> {
    const updates: Update[] = [
      ...Array.from({ length: plans }, (_, k): Update => ({ kind: "deleteRRset", name: planName(k + 1), type: "A" })),
      ...Array.from({ length: endpoints }, (_, n): Update => ({ kind: "deleteRRset", name: endpointName(n), type: "CNAME" })),
      { kind: "deleteRRset", name: PLANNER, type: "TXT" },
      ...planAddresses(1).map((a): Update => ({ kind: "add", name: planName(1), type: "A", data: a })),
      { kind: "add", name: PLANNER, type: "TXT", data: "latest=1" },
      ...Array.from({ length: endpoints }, (_, n): Update => ({ kind: "add", name: endpointName(n), type: "CNAME", data: planName(1) })),
    ];
    return this.dns.update(ZONE, [], updates);
  }
}
