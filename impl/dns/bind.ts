/** BIND 9 (`named`, Debian's package `bind9`): the second server, for `--server bind`. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ServerKind } from "./server.js";

/** BIND: one foreground `named` with a generated configuration. */
export const BIND: ServerKind = {
  name: "BIND 9 (named)",
  binaries: ["/usr/sbin/named"],
  apt: "bind9",
  configure(folder, port, zone, zoneFile) {
    writeFileSync(join(folder, "zone.db"), zoneFile);
    writeFileSync(
      join(folder, "named.conf"),
      [
        "options {",
        `  directory "${folder}";`,
        `  listen-on port ${port} { 127.0.0.1; };`,
        "  listen-on-v6 { none; };",
        `  pid-file "${folder}/named.pid";`,
        "  recursion no;",
        "  allow-transfer { 127.0.0.1; };",
        "  dnssec-validation no;",
        "};",
        "controls { };",
        `zone "${zone}" { type primary; file "${folder}/zone.db"; allow-update { 127.0.0.1; }; };`,
        "",
      ].join("\n"),
    );
    // In the foreground, as whoever runs it (no -u: a user who is not root cannot switch users).
    return ["-g", "-c", join(folder, "named.conf")];
  },
};
