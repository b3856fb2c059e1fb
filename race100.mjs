import fc from "fast-check";
import { startKnot } from "/work/main/dist/impl/dns/knot.js";
import { Service } from "/work/main/dist/impl/service.js";
import { initialRecords, ZONE } from "/work/main/dist/impl/zone.js";
const CONFIG = { enactors: 3, endpoints: 2, plans: 5, keep: 1 };
const server = await startKnot(ZONE, initialRecords(2));
for (const variant of ["incident", "guarded-cleanup", "cas", "fixed", "recheck"]) {
  let runs = 0;
  const details = await fc.check(fc.asyncProperty(fc.scheduler(), async (s) => {
    runs++;
    let onTheWire = 0;
    await new Service(server.port, Service.variant(variant), CONFIG).reset();
    const svc = new Service(server.port, Service.variant(variant), CONFIG, (what, run) => s.schedule(Promise.resolve(what)).then(async () => { onTheWire++; try { return await run(); } finally { onTheWire--; } }));
    let finished = false;
    const planner = async () => { while (await svc.planner.publishNext()); };
    const enactor = async (e) => { const it = svc.enactors[e]; for (let b = 40; b > 0; b--) { if (it.phase.phase === "idle") await it.pick(); else if (it.phase.phase === "applying") await it.applyNext(); else await it.cleanUp(); } };
    const all = Promise.all([planner(), ...svc.enactors.map((_, e) => enactor(e))]).finally(() => { finished = true; });
    while (!finished) { await new Promise((r) => setImmediate(r)); if (onTheWire === 0 && s.count() > 0) await s.waitOne(); }
    await all;
    return !(await new Service(server.port, Service.variant(variant), CONFIG).resolve()).some((r) => r.addresses.length === 0);
  }), { numRuns: 100, seed: 42 });
  console.log(variant, "failed", details.failed, "first failure at run", details.failed ? details.numRuns : "-", "executions", runs);
}
await server.close();
