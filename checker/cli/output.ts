/** Where commands write: stdout for results, stderr for progress and errors. */
import { terminalFor, type Terminal } from "../report/terminal.js";

export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** Colour and folding for stdout. */
  readonly term: Terminal;
}

const stdoutTerminal = terminalFor(process.stdout);

/** The process's own streams; long lines are folded to the terminal's width. */
export const processOutput: Output = {
  term: stdoutTerminal,
  out: (line) => {
    for (const piece of stdoutTerminal.fold(line)) process.stdout.write(piece + "\n");
  },
  err: (line) => process.stderr.write(line + "\n"),
};
