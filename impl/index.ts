/**
 * The DNS automation service as dnsmc's conformance checks drive it: one
 * session is the service of one variant and configuration against its own
 * DNS server (Knot DNS, or BIND 9 with `--server bind`); each model action
 * is the service's corresponding step, awaited; the state is read back from
 * the server (and the Enactors' memory) as the model's ITF variables.
 */
import { match } from "ts-pattern";
import { ImplementationUnavailable, type Implementation, type ImplementationSession, type ItfAction } from "../checker/index.js";
import { actionFromItf, itf } from "../model/itf.js";
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

/**
 * Takes one model action on the service. The action is read with the model's
 * own ITF decoder, and the state (below) written with its encoder: this
 * adapter speaks the model's terms; the service itself knows nothing of them.
 */
export async function takeStep(service: Service, action: ItfAction): Promise<void> {
  const a = actionFromItf(action.name, action.picks, service.config);
  await match(a)
    .with({ kind: "Plan" }, () => service.planner.publishNext())
    .with({ kind: "Pick" }, ({ enactor }) => service.enactors[enactor]!.pick())
    .with({ kind: "Apply" }, ({ enactor }) => service.enactors[enactor]!.applyNext())
    .with({ kind: "Cleanup" }, ({ enactor }) => service.enactors[enactor]!.cleanUp())
    .exhaustive();
}

const implementation: Implementation = {
  servers: Object.keys(SERVERS),
  async start({ variant, parameters, server: kind }): Promise<ImplementationSession> {
    const config = { enactors: parameters.enactors ?? 3, endpoints: parameters.endpoints ?? 2, plans: parameters.plans ?? 5, keep: parameters.keep ?? 1 };
    const { server, service } = await startService(variant, config, undefined, kind as keyof typeof SERVERS);
    return {
      step: (action) => takeStep(service, action),
      state: async () => itf(await service.state()),
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
