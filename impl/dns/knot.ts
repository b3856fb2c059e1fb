/** Knot DNS (`knotd`, Debian's package `knot`): the default server. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, type DnsServer, type ServerKind } from "./server.js";

export { ServerUnavailable, type DnsServer } from "./server.js";

/** Knot: one foreground `knotd` with a generated configuration. */
export const KNOT: ServerKind = {
  name: "Knot DNS (knotd)",
  // DNSMC_KNOTD points at another binary (the tests use it to see what a machine without Knot is told).
  get binaries() {
    return process.env.DNSMC_KNOTD ? [process.env.DNSMC_KNOTD] : ["/usr/sbin/knotd", "/usr/bin/knotd"];
  },
  apt: "knot",
  configure(folder, port, zone, zoneFile) {
    writeFileSync(join(folder, `${zone}zone`), zoneFile);
    writeFileSync(
      join(folder, "knot.conf"),
      [
        "server:",
        `    listen: 127.0.0.1@${port}`,
        `    rundir: ${folder}`,
        "    background-workers: 1",
        "    udp-workers: 1",
        "    tcp-workers: 1",
        "database:",
        `    storage: ${folder}/db`,
        "log:",
        "  - target: stderr",
        "    any: warning",
        "acl:",
        "  - id: local-updates",
        "    address: 127.0.0.1",
        "    action: [update, transfer]",
        "zone:",
        `  - domain: ${zone}`,
        `    file: ${folder}/${zone}zone`,
        "    acl: local-updates",
        "    zonefile-sync: -1",
        "    journal-content: none",
        "",
      ].join("\n"),
    );
    return ["--config", join(folder, "knot.conf")];
  },
};

/** Starts knotd serving `zone` with the records in `records` (zone-file lines). */
export function startKnot(zone: string, records: readonly string[]): Promise<DnsServer> {
  return startServer(KNOT, zone, records);
}
