import { describe, expect, it } from "vitest";
import { always, type Model } from "../../checker/index.js";
import { replayOn } from "../../checker/replay.js";

// A counter that can go up by one or two; the "strict" version only by one.
const counter = (steps: number[]): Model<number, number> => ({
  name: "counter",
  initStates: () => [0],
  actions: (s) => (s < 6 ? steps : []),
  next: (s, d) => s + d,
  whyDisabled: (_s, d) => (steps.includes(d) ? null : `steps of ${d} are not allowed`),
});

describe("replayOn", () => {
  it("replays the same actions and judges the property at the end", () => {
    const r = replayOn(counter([1, 2]), [0, 2, 4], [2, 2], always<number>("small", (s) => s < 4));
    expect(r.blockedAt).toBeNull();
    expect(r.steps.map((s) => s.status)).toEqual(["same", "same"]);
    expect(r.stillViolated).toBe(true);
  });

  it("reports the step where an action is not enabled, and why", () => {
    const r = replayOn(counter([1]), [0, 1, 3], [1, 2], always<number>("small", (s) => s < 3));
    expect(r.blockedAt).toBe(2);
    expect(r.steps[1]).toMatchObject({ status: "blocked", reason: "steps of 2 are not allowed" });
    expect(r.stillViolated).toBeNull();
  });

  it("marks steps whose effect differs", () => {
    const doubled: Model<number, number> = { ...counter([1, 2]), next: (s, d) => s + 2 * d };
    const r = replayOn(doubled, [0, 1, 2], [1, 1], always<number>("small", (s) => s < 2));
    expect(r.steps.map((s) => s.status)).toEqual(["different", "different"]);
    expect(r.finalState).toBe(4);
  });
});
