/**
 * A real authoritative DNS server for the implementation to talk to: Knot DNS
 * (`knotd`), started by the project itself on 127.0.0.1 and a free port,
 * from a configuration and zone generated into a temporary folder, and always
 * stopped and the folder removed: when closed, when the process exits, and
 * on Ctrl-C or SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DnsClient } from "./client.js";

/** Where knotd is looked for: `DNSMC_KNOTD` if set, else where Debian's package `knot` puts it. */
const knotdPaths = (): string[] => (process.env.DNSMC_KNOTD ? [process.env.DNSMC_KNOTD] : ["/usr/sbin/knotd", "/usr/bin/knotd"]);

/** A running server. */
export interface DnsServer {
  readonly port: number;
  readonly zone: string;
  /** The server process and its folder (configuration, zone, database). */
  readonly pid: number;
  readonly folder: string;
  /** Stops the server and removes its folder (again: nothing). */
  close(): Promise<void>;
}

/** The server cannot be had here: what is missing and how to install it. */
export class ServerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServerUnavailable";
  }
}

const running = new Set<() => void>();
let hooked = false;

// However this process ends, no server and no folder is left behind.
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", () => {
    for (const stop of running) stop();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const stop of running) stop();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

/** A free TCP and UDP port on 127.0.0.1 (the kernel's choice for TCP, which Knot then also takes for UDP). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts knotd serving `zone` with the records in `records` (zone-file lines,
 * names relative to the zone), accepting dynamic updates from 127.0.0.1.
 */
export async function startKnot(zone: string, records: readonly string[]): Promise<DnsServer> {
  const knotd = knotdPaths().find((p) => existsSync(p));
  if (!knotd) {
    throw new ServerUnavailable(
      "Knot DNS (knotd) is not installed, and the conformance checks need a real DNS server. Install it with `apt-get install knot` " +
        "(Debian's package; `sudo apt-get install knot` where you are not root), then run the command again.",
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "dnsmc-knot-"));
  let child: ChildProcess | null = null;
  const stopNow = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  hookExit();
  running.add(stopNow);
  try {
    const port = await freePort();
    writeFileSync(join(dir, `${zone}zone`), [`$ORIGIN ${zone}`, "$TTL 60", `@ SOA ns admin 1 3600 900 604800 60`, "@ NS ns", "ns A 127.0.0.1", ...records, ""].join("\n"));
    writeFileSync(
      join(dir, "knot.conf"),
      [
        "server:",
        `    listen: 127.0.0.1@${port}`,
        `    rundir: ${dir}`,
        "    background-workers: 1",
        "    udp-workers: 1",
        "    tcp-workers: 1",
        "database:",
        `    storage: ${dir}/db`,
        "log:",
        "  - target: stderr",
        "    any: warning",
        "acl:",
        "  - id: local-updates",
        "    address: 127.0.0.1",
        "    action: [update, transfer]",
        "zone:",
        `  - domain: ${zone}`,
        `    file: ${dir}/${zone}zone`,
        "    acl: local-updates",
        "    zonefile-sync: -1",
        "    journal-content: none",
        "",
      ].join("\n"),
    );
    const check = spawnSync(knotd, ["--config", join(dir, "knot.conf"), "--version"], { encoding: "utf8" });
    if (check.error) throw new ServerUnavailable(`knotd could not be run (${check.error.message}). Reinstall it with \`apt-get install --reinstall knot\`.`);
    const started = spawn(knotd, ["--config", join(dir, "knot.conf")], { stdio: ["ignore", "ignore", "pipe"] });
    child = started;
    let log = "";
    started.stderr!.on("data", (d) => (log += d));
    await waitUntilAnswering(port, zone, started, () => log);
    return {
      port,
      zone,
      pid: started.pid!,
      folder: dir,
      close: async () => {
        if (!running.has(stopNow)) return;
        running.delete(stopNow);
        if (started.exitCode === null && started.signalCode === null) {
          // Knot stops within milliseconds; one that does not is killed by stopNow below.
          let timer: NodeJS.Timeout | undefined;
          const exited = new Promise((resolve) => started.once("exit", resolve));
          started.kill("SIGTERM");
          await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 3000)))]);
          clearTimeout(timer);
        }
        stopNow();
      },
    };
  } catch (error) {
    running.delete(stopNow);
    stopNow();
    throw error;
  }
}

// Knot loads the zone a moment after it starts listening: ask for the SOA until it answers with it.
async function waitUntilAnswering(port: number, zone: string, child: ChildProcess, log: () => string): Promise<void> {
  const client = new DnsClient(port, undefined, 200);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new ServerUnavailable(`knotd exited at once (code ${child.exitCode}): ${log().trim() || "no message"}. Check that Knot DNS is installed correctly (apt-get install knot).`);
    try {
      if ((await client.query(zone, "TXT")).rcode === "NOERROR") return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new ServerUnavailable(`knotd did not answer on 127.0.0.1:${port} within 10 s: ${log().trim() || "no message"}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
