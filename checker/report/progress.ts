/**
 * The progress line on a terminal's stderr, rewritten about once a second:
 * distinct states, states per second, depth, frontier, memory, and, when a
 * state limit bounds the search, how far along it is.
 */
import { count } from "./summary.js";
import type { Progress } from "../search/limits.js";

/** A live progress line: `update` on each report, `done` to clear it. */
export function progressLine(stream: NodeJS.WriteStream, maxStates?: number): { update: (p: Progress) => void; done: () => void } {
  let shown = false;
  let last: Progress | null = null;
  return {
    update(p) {
      const rate = last ? ((p.distinctStates - last.distinctStates) * 1000) / Math.max(1, p.elapsedMs - last.elapsedMs) : (p.distinctStates * 1000) / Math.max(1, p.elapsedMs);
      last = p;
      const parts = [
        `${count(p.distinctStates)} distinct state${p.distinctStates === 1 ? "" : "s"}`,
        `${count(Math.round(rate))}/s`,
        `depth ${p.depth}`,
        `frontier ${count(p.frontier)}`,
        `${count(Math.round(p.rssBytes / 2 ** 20))} MB`,
        `${(p.elapsedMs / 1000).toFixed(0)} s`,
      ];
      if (maxStates !== undefined && rate > 0) {
        parts.push(`${Math.min(100, (100 * p.distinctStates) / maxStates).toFixed(0)}% of --max-states, ~${Math.max(0, Math.round((maxStates - p.distinctStates) / rate))} s left`);
      }
      stream.write(`\r\u001b[K${parts.join(" · ")}`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\u001b[K");
    },
  };
}
