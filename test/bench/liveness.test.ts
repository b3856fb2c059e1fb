import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVERY_PROPERTY, GRAPH_ALONE, livenessBench, NO_PROPERTIES } from "../../bench/liveness.js";

describe("the liveness benchmark's table (npm run bench -- --liveness)", () => {
  it("measures dnsmc with every property and with none, alternating, and prints the ratios of issue 16's target", () => {
    const dir = mkdtempSync(join(tmpdir(), "dnsmc-liveness-bench-"));
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => void lines.push(line);
    const order: string[] = [];
    try {
      // The measures stand in for the runs: what is under test is which commands run, in what order, and the arithmetic.
      const rows = livenessBench([{ enactors: 3, endpoints: 3, plans: 8, keep: 1 }], ["incident"], 2, dir, "cli.js", 2, 60, (command) => {
        const every = command.includes("cli.js") && !command.includes("--property") && !command.includes("--no-properties");
        const none = command.includes("--no-properties");
        order.push(every ? "every" : none ? "none" : command.includes("cli.js") ? "other" : "spin");
        return { stdout: '{"properties":[]}', seconds: every ? 2.28 : none ? 1.33 : 1.5, peakRssMb: every ? 208 : none ? 107 : 150 };
      }, (command) => {
        // The folders are made; SPIN and the compiler are not run.
        if (command[0] === "mkdir") mkdirSync(command[2]!, { recursive: true });
      });
      const none = rows.find((r) => r.property === NO_PROPERTIES)!;
      const every = rows.find((r) => r.property === EVERY_PROPERTY)!;
      expect([none.medianSeconds, none.peakRssMb, every.medianSeconds, every.peakRssMb]).toEqual([1.33, 107, 2.28, 208]);
      // Each repeat runs every command once, in the same order: the runs alternate.
      expect(order.length % 2).toBe(0);
      expect(order.slice(0, order.length / 2)).toEqual(order.slice(order.length / 2));
      expect(lines.some((l) => l.endsWith(`incident | ${EVERY_PROPERTY} | 2.28 | 208 | 1.71, 1.94`))).toBe(true);
      // recoverable alone, and each temporal property alone, against the check without properties as well.
      expect(rows.find((r) => r.property === GRAPH_ALONE)?.checker).toMatch(/^dnsmc/);
      expect(lines.some((l) => l.endsWith(`incident | ${GRAPH_ALONE} | 1.50 | 150 | 1.13, 1.40`))).toBe(true);
      expect(lines.filter((l) => / \| 1\.50 \| 150 \| 1\.13, 1\.40$/.test(l)).length).toBeGreaterThan(2);
    } finally {
      console.log = log;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
