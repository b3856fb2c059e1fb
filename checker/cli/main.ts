#!/usr/bin/env node
/**
 * The dnsmc command line: dispatches to a command, turns errors into one
 * clear paragraph and a documented exit code. The only place that sets the
 * process's exit code.
 */
import { readFileSync } from "node:fs";
import { EXIT, UsageError } from "./exit-codes.js";
import { processOutput, type Output } from "./output.js";
import { startEarlyWorkers } from "./early-workers.js";
import type { WorkerPool } from "../search/levels/worker-pool.js";

type Command = (args: readonly string[], io: Output, early: WorkerPool | null) => Promise<number> | number;

// Each command's module is loaded when it runs: start-up time is paid on every run, and `check` does not need `view`.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./commands/check.js")).checkCommand,
  ci: async () => (await import("./commands/ci.js")).ciCommand,
  conform: async () => (await import("./commands/conform.js")).conformCommand,
  diff: async () => (await import("./commands/diff.js")).diffCommand,
  list: async () => (await import("./commands/list.js")).listCommand,
  replay: async () => (await import("./commands/replay.js")).replayCommand,
  simulate: async () => (await import("./commands/simulate.js")).simulateCommand,
  view: async () => (await import("./commands/view.js")).viewCommand,
  help: async () => (await import("./commands/help.js")).helpCommand,
};

async function help(args: readonly string[], io: Output): Promise<number> {
  return (await COMMANDS.help!())(args, io, null);
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: Output = processOutput): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === "--help" || command === "-h") return help([], io);
  if (command === "--version") {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
    io.out(pkg.version);
    return EXIT.ok;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.err(`dnsmc: unknown command "${command}". The commands are: ${Object.keys(COMMANDS).join(", ")}. Run \`dnsmc help\` for usage.`);
    return EXIT.usage;
  }
  if (args.includes("--help") || args.includes("-h")) return help([command], io);
  // Started before the command's code loads; the command takes them over or closes them, and so does this, to be sure.
  const early = command === "check" ? startEarlyWorkers(args) : null;
  try {
    return await (await load())(args, io, early);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`dnsmc ${command}: ${error.message}`);
      return EXIT.usage;
    }
    const problem = ioProblem(error);
    if (problem) {
      io.err(`dnsmc ${command}: ${problem}`);
      return EXIT.usage;
    }
    io.err(`dnsmc ${command}: internal error: ${(error as Error)?.message ?? String(error)}. This is a bug in dnsmc; please report it with the command you ran.`);
    if (args.includes("--verbose")) io.err((error as Error)?.stack ?? "");
    return EXIT.usage;
  } finally {
    await early?.close();
  }
}

// A file that could not be read or written is the user's environment, not a bug: name the path and the fix.
function ioProblem(error: unknown): string | null {
  const e = error as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "the file system is read-only",
    ENOSPC: "no space left on the device",
    ENOTDIR: "a file stands where a folder is needed",
    EISDIR: "a folder stands where a file is needed",
    EEXIST: "a file already stands there",
  };
  if (!e || typeof e.code !== "string" || !(e.code in why) || typeof e.path !== "string") return null;
  return `Cannot ${e.syscall === "open" || e.syscall === "scandir" ? "use" : "write"} ${e.path}: ${why[e.code]} (${e.code}). Choose another output path (--out, -o, --junit, --summary), or fix the folder's permissions or free space.`;
}

// `dnsmc check | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
