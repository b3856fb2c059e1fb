/**
 * The DNS automation service as dnsmc's conformance checks drive it: one
 * session is the service of one variant and configuration against its own
 * DNS server (Knot DNS, or BIND 9 with `--server bind`); each model action is the service's corresponding step,
 * awaited; the state is read back from the server (and the Enactors'
 * memory) as the model's ITF variables.
 */
import { ImplementationUnavailable, itfMap, itfSet, itfVariant, type Implementation, type ImplementationSession, type ItfAction } from "../checker/index.js";
import { BIND } from "./dns/bind.js";
import { KNOT } from "./dns/knot.js";
import { ServerUnavailable, startServer } from "./dns/server.js";
import { Service, type ServiceConfig } from "./service.js";
import { initialRecords, ZONE } from "./zone.js";

/** The servers the service runs against, by `--server` name; the first is the default. */
const SERVERS = { knot: KNOT, bind: BIND } as const;

/** Starts a server (Knot unless told otherwise) with the initial zone, and the service against it. */
export async function startService(variant: string, config: ServiceConfig, exchange?: ConstructorParameters<typeof Service>[3], server: keyof typeof SERVERS = "knot") {
  const v = Service.variant(variant);
  let running;
  try {
    running = await startServer(SERVERS[server], ZONE, initialRecords(config.endpoints));
  } catch (error) {
    if (error instanceof ServerUnavailable) throw new ImplementationUnavailable(error.message);
    throw error;
  }
  return { server: running, service: new Service(running.port, v, config, exchange) };
}

/** The model's ITF variables of the service's state (as model/itf.ts writes them). */
export function itfState(s: Awaited<ReturnType<Service["state"]>>): Record<string, unknown> {
  return {
    latest: s.latest,
    deleted: itfSet(s.deleted),
    active: itfMap(s.active.map((g, n) => [n, g] as const)),
    enactors: itfMap(
      s.enactors.map((e, i) => [String.fromCharCode(65 + i), e.phase === "idle" ? itfVariant("idle") : e.phase === "applying" ? itfVariant("applying", { plan: e.plan, next: e.next }) : itfVariant("cleaning", { plan: e.plan })] as const),
    ),
  };
}

/** Takes one model action on the service. */
export async function takeStep(service: Service, action: ItfAction): Promise<void> {
  if (action.name === "Plan") {
    await service.planner.publishNext();
    return;
  }
  const pick = action.picks.enactor as { tag?: string; value?: unknown } | string | undefined;
  const letter = typeof pick === "object" && pick !== null ? pick.value : pick;
  const enactor = service.enactors[typeof letter === "string" ? letter.charCodeAt(0) - 65 : -1];
  if (!enactor) throw new Error(`action ${action.name} names no Enactor of this service (${JSON.stringify(action.picks)})`);
  switch (action.name) {
    case "Pick":
      await enactor.pick();
      return;
    case "Apply":
      await enactor.applyNext();
      return;
    case "Cleanup":
      await enactor.cleanUp();
      return;
    default:
      throw new Error(`the service has no step for the action "${action.name}"`);
  }
}

const implementation: Implementation = {
  servers: Object.keys(SERVERS),
  async start({ variant, parameters, server: kind }): Promise<ImplementationSession> {
    const config = { enactors: parameters.enactors ?? 3, endpoints: parameters.endpoints ?? 2, plans: parameters.plans ?? 5, keep: parameters.keep ?? 1 };
    const { server, service } = await startService(variant, config, undefined, kind as keyof typeof SERVERS);
    return {
      step: (action) => takeStep(service, action),
      state: async () => itfState(await service.state()),
      observe: async () => ({
        label: "endpoints",
        rows: (await service.resolve()).map((r) => ({
          name: r.name,
          text: `${r.rcode}, ${r.addresses.length === 0 ? "no address" : r.addresses.join(", ")}`,
          data: { rcode: r.rcode, addresses: r.addresses },
        })),
      }),
      reset: () => service.reset(),
      close: () => server.close(),
    };
  },
};

export default implementation;
