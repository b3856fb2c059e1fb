/**
 * Terminal presentation: colour on a terminal (none when NO_COLOR is set or
 * the output is not a terminal; FORCE_COLOR forces it), and folding of long
 * lines at the terminal's width (or COLUMNS when set), with a hanging indent
 * so a folded state row still reads as one row.
 */
import { styleText } from "node:util";

type Colour = "red" | "green" | "yellow" | "bold" | "dim" | "cyan";

/** How to print on one stream. */
export interface Terminal {
  paint(colour: Colour, text: string): string;
  /** Lines folded to the width (unchanged when there is none). */
  fold(line: string): string[];
}

/** The terminal settings for a stream, from the environment. */
export function terminalFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Terminal {
  const colour = env.NO_COLOR === undefined && (stream.isTTY === true || (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0"));
  const columns = Number(env.COLUMNS);
  const width = Number.isInteger(columns) && columns >= 40 ? columns : stream.isTTY && stream.columns ? Math.max(40, stream.columns) : Infinity;
  return {
    paint: (c, text) => (colour ? styleText(c, text) : text),
    fold: (line) => foldLine(line, width),
  };
}

/** Breaks `line` at spaces so no piece exceeds `width` (ANSI colour codes do not count); continuations indent 4 more. */
export function foldLine(line: string, width: number): string[] {
  if (visible(line) <= width) return [line];
  const indent = /^ */.exec(line)![0].length;
  const pad = " ".repeat(Math.min(indent + 4, Math.floor(width / 2)));
  const words = line.slice(indent).split(" ");
  const out: string[] = [];
  let current = " ".repeat(indent);
  let fresh = true;
  for (const word of words) {
    const candidate = fresh ? current + word : `${current} ${word}`;
    if (!fresh && visible(candidate) > width) {
      out.push(current);
      current = pad + word;
    } else current = candidate;
    fresh = false;
  }
  out.push(current);
  return out;
}

const visible = (s: string): number => s.replace(/\u001b\[[0-9;]*m/g, "").length;
