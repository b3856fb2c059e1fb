#!/usr/bin/env node
/**
 * The dnsmc command line: dispatches to a command, turns errors into one
 * clear paragraph and a documented exit code. The only place that sets the
 * process's exit code.
 */
import { readFileSync } from "node:fs";
import { ciCommand } from "./commands/ci.js";
import { diffCommand } from "./commands/diff.js";
import { checkCommand } from "./commands/check.js";
import { helpCommand } from "./commands/help.js";
import { listCommand } from "./commands/list.js";
import { replayCommand } from "./commands/replay.js";
import { simulateCommand } from "./commands/simulate.js";
import { viewCommand } from "./commands/view.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { processOutput, type Output } from "./output.js";

const COMMANDS: Record<string, (args: readonly string[], io: Output) => Promise<number> | number> = {
  check: checkCommand,
  ci: ciCommand,
  diff: diffCommand,
  list: listCommand,
  replay: replayCommand,
  simulate: simulateCommand,
  view: viewCommand,
  help: helpCommand,
};

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: Output = processOutput): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === "--help" || command === "-h") return helpCommand([], io);
  if (command === "--version") {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
    io.out(pkg.version);
    return EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`dnsmc: unknown command "${command}". The commands are: ${Object.keys(COMMANDS).join(", ")}. Run \`dnsmc help\` for usage.`);
    return EXIT.usage;
  }
  if (args.includes("--help") || args.includes("-h")) return helpCommand([command], io);
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`dnsmc ${command}: ${error.message}`);
      return EXIT.usage;
    }
    io.err(`dnsmc ${command}: internal error: ${(error as Error)?.message ?? String(error)}. This is a bug in dnsmc; please report it with the command you ran.`);
    if (args.includes("--verbose")) io.err((error as Error)?.stack ?? "");
    return EXIT.usage;
  }
}

// `dnsmc check | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
