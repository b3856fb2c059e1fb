/**
 * A real authoritative DNS server for the implementation to talk to, started
 * by the project itself on 127.0.0.1 and a free port, from a configuration
 * and zone generated into a temporary folder, and always stopped and the
 * folder removed: when closed, when the process exits, and on Ctrl-C or
 * SIGTERM. The servers (knot.ts, bind.ts) differ only in how they are
 * configured and started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DnsClient } from "./client.js";

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

/** How one kind of server is found, configured and started. */
export interface ServerKind {
  /** Its name, for messages ("Knot DNS (knotd)"). */
  readonly name: string;
  /** Where its binary may be; the first that exists is used. */
  readonly binaries: readonly string[];
  /** The Debian package that installs it. */
  readonly apt: string;
  /** Writes its configuration and zone file into `folder`; returns the command's arguments. */
  configure(folder: string, port: number, zone: string, zoneFile: string): string[];
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

/** A free TCP port on 127.0.0.1 (the kernel's choice), which the server then also takes for UDP. */
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

/** The zone file: SOA, NS, then `records` (zone-file lines). */
export function zoneFile(zone: string, records: readonly string[]): string {
  return [`$ORIGIN ${zone}`, "$TTL 60", `@ SOA ns admin 1 3600 900 604800 60`, "@ NS ns", "ns A 127.0.0.1", ...records, ""].join("\n");
}

/** Starts a server of `kind` serving `zone` with `records`, accepting updates and transfers from 127.0.0.1. */
export async function startServer(kind: ServerKind, zone: string, records: readonly string[]): Promise<DnsServer> {
  const binary = kind.binaries.find((p) => existsSync(p));
  if (!binary) {
    throw new ServerUnavailable(
      `${kind.name} is not installed, and the conformance checks need a real DNS server. Install it with \`apt-get install ${kind.apt}\` ` +
        `(Debian's package; \`sudo apt-get install ${kind.apt}\` where you are not root), then run the command again.`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "dnsmc-dns-"));
  let child: ChildProcess | null = null;
  const stopNow = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  hookExit();
  running.add(stopNow);
  try {
    const port = await freePort();
    const args = kind.configure(dir, port, zone, zoneFile(zone, records));
    const started = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
    child = started;
    let log = "";
    started.stderr!.on("data", (d) => (log += d));
    started.on("error", (error) => (log += String(error)));
    await waitUntilAnswering(kind, port, zone, started, () => log);
    return {
      port,
      zone,
      pid: started.pid!,
      folder: dir,
      close: async () => {
        if (!running.has(stopNow)) return;
        running.delete(stopNow);
        if (started.exitCode === null && started.signalCode === null) {
          // A server stops within milliseconds; one that does not is killed by stopNow below.
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

// A server loads its zone a moment after it starts listening: ask for the zone's TXT records until it answers.
async function waitUntilAnswering(kind: ServerKind, port: number, zone: string, child: ChildProcess, log: () => string): Promise<void> {
  const client = new DnsClient(port, undefined, 200);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new ServerUnavailable(`${kind.name} exited at once (code ${child.exitCode}): ${log().trim() || "no message"}. Check that it is installed correctly (apt-get install ${kind.apt}).`);
    try {
      if ((await client.query(zone, "TXT")).rcode === "NOERROR") return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new ServerUnavailable(`${kind.name} did not answer on 127.0.0.1:${port} within 10 s: ${log().trim() || "no message"}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
