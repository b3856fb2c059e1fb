import { describe, expect, it } from "vitest";
import { boundariesOf, parseTimeline, phasesOf, steadyRates } from "../../bench/phases.js";
import { dnsmc } from "../cli/run-cli.js";

describe("the phases of a check (npm run bench -- --phases)", () => {
  it("splits a real two-worker run into phases at the levels the threads start and stop sharing", () => {
    // (3,2,8,1) has levels big enough to share between two threads.
    const args = ["check", "--variant", "incident", "--enactors", "3", "--endpoints", "2", "--plans", "8", "--keep", "1", "--continue", "--no-properties", "--no-write", "--json"];
    const t0 = performance.now();
    const r = dnsmc([...args, "--workers", "2"], undefined, { DNSMC_DEBUG: "1" });
    const wallMs = performance.now() - t0;
    expect(r.code).toBe(0);
    const run = parseTimeline(r.stderr, wallMs);
    const b = boundariesOf(run);
    expect(b).not.toBeNull();
    expect(b!.firstShared).toBeGreaterThan(0);
    expect(b!.lastShared).toBeGreaterThan(b!.firstShared + 1);
    // Every level's successors, added over the threads, are the run's transitions.
    const successors = run.levels.reduce((sum, l) => sum + l.threads.reduce((s, t) => s + t.successors, 0), 0);
    expect(successors).toBe((JSON.parse(r.stdout) as { statesFound: number }).statesFound - 1);
    const p = phasesOf(run, b!);
    for (const ms of Object.values(p)) expect(ms).toBeGreaterThanOrEqual(0);
    // Each phase is what the debug lines say, read here independently of the parser: the level search's start, and
    // the times the levels around the shared ones were done (the tail is the rest of the wall time, by definition).
    const started = Number(/^level search starts at (\d+) ms/m.exec(r.stderr)![1]);
    const done = (level: number) => Number(new RegExp(`^level ${level} done at (\\d+) ms`, "m").exec(r.stderr)![1]);
    expect(p.startUp).toBe(started);
    expect(p.alone).toBe(done(b!.firstShared - 1));
    expect(p.joining).toBe(done(b!.firstShared + 1) - done(b!.firstShared - 1));
    expect(p.steady).toBe(done(b!.lastShared) - done(b!.firstShared + 1));
    expect(p.tail).toBeCloseTo(wallMs - started - done(b!.lastShared), 6);
    const rates = steadyRates(run, b!);
    expect(rates).toHaveLength(2);
    for (const x of rates) expect(x).toBeGreaterThan(0);

    // A one-worker run of the same check has no shared level, and is split where the two-worker run was.
    const single = dnsmc([...args, "--workers", "1"], undefined, { DNSMC_DEBUG: "1" });
    const one = parseTimeline(single.stderr, 1e6);
    expect(boundariesOf(one)).toBeNull();
    expect(steadyRates(one, b!)).toHaveLength(1);
    expect(phasesOf(one, b!).steady).toBeGreaterThan(0);
  });

  it("adds up the rounds of a level and refuses output without the debug lines", () => {
    const stderr = [
      "level search starts at 100 ms since process start",
      "  per thread: 1 successors in 0 ms",
      "level 0 done at 1 ms, 1 states",
      "  per thread: 10 successors in 4 ms, 20 successors in 5 ms",
      "grow 4194304 -> 16777216: 30 ms at 40",
      "  per thread: 1 successors in 1 ms, 2 successors in 1 ms",
      "level 1 done at 50 ms, 1 states",
    ].join("\n");
    const run = parseTimeline(stderr, 200);
    expect(run.startMs).toBe(100);
    expect(run.levels[1]).toEqual({ doneMs: 50, threads: [{ successors: 11, busyMs: 5 }, { successors: 22, busyMs: 6 }] });
    expect(() => parseTimeline("dnsmc check: no such variant", 10)).toThrow(/DNSMC_DEBUG=1/);
  });
});
