/**
 * A schema model's counterexample, through the CLI: written as ITF with the
 * action families' names and parameters, read back by replay and view.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dnsmc } from "../cli/run-cli.js";

describe("a schema model's traces", () => {
  it("are written as ITF with the families' names and read back by dnsmc replay and view", () => {
    // A user's module: the example's family with an invariant that a commit breaks.
    const dir = mkdtempSync(join(tmpdir(), "dnsmc-2pc-"));
    try {
      const file = join(dir, "never-commit.mjs");
      writeFileSync(
        file,
        `import { always } from ${JSON.stringify(new URL("../../dist/checker/index.js", import.meta.url).href)};
import family from ${JSON.stringify(new URL("../../examples/two-phase-commit.mjs", import.meta.url).href)};
export default { ...family, properties: [always("never-committed", (s) => s.tmState !== "committed")] };`,
      );
      const out = join(dir, "out");
      const r = dnsmc(["check", "--model", file, "--rms", "3", "--out", out]);
      expect(r.code, r.stderr).toBe(1);
      // Each RM prepares and the TM receives it, three times, then commits: a shortest commit.
      expect(r.stdout).toMatch(/never-committed\s+invariant\s+VIOLATED \(7 actions\)/);
      const itfPath = join(out, "two-phase-commit,rms=3", "never-committed.itf.json");
      const itf = JSON.parse(readFileSync(itfPath, "utf8"));
      expect(itf.states.map((s: Record<string, unknown>) => s["mbt::actionTaken"])).toEqual(["init", "RMPrepare", "TMRcvPrepared", "RMPrepare", "TMRcvPrepared", "RMPrepare", "TMRcvPrepared", "TMCommit"]);
      expect(itf.states[1]["mbt::nondetPicks"]).toEqual({ rm: { tag: "Some", value: 0 } });
      expect(itf.states.at(-1).tmPrepared).toEqual({ "#set": [0, 1, 2] });
      const replayed = dnsmc(["replay", itfPath, "--model", file]);
      expect(replayed.code, replayed.stderr).toBe(1);
      expect(replayed.stdout).toContain("TMCommit");
      expect(dnsmc(["view", itfPath, "--model", file, "-o", join(dir, "view.html")]).code).toBe(0);
      expect(readFileSync(join(dir, "view.html"), "utf8")).toContain("TMRcvPrepared(rm1)");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
