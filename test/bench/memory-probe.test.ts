import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The probe as `npm run bench -- --probe` runs it: one line of JSON, which the runner reads.
const PROBE = fileURLToPath(new URL("../../dist/bench/memory-probe.js", import.meta.url));

describe("the memory probe", () => {
  it("prints the random-access time and the cost of a fresh page as one line of JSON", () => {
    const r = spawnSync(process.execPath, [PROBE], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const probe = JSON.parse(lines[0]!) as { ms: number; pageUs: number };
    expect(probe.ms).toBeGreaterThan(0);
    // A page write costs at least a few hundred nanoseconds (the kernel zeroes 4 KB); never nothing.
    expect(probe.pageUs).toBeGreaterThan(0.05);
  });
});
