/** Models that break the contract get an error result naming the problem and the path, never a wrong answer. */
import { describe, expect, it } from "vitest";
import { always, checkSync, leadsTo, recoverable, step, type Model } from "../../checker/index.js";

const counter = (next: Model<number, string>["next"]): Model<number, string> => ({
  name: "counter",
  initStates: () => [0],
  actions: (s) => (s < 5 ? ["inc"] : []),
  next,
  describe: (_a, before, after) => `inc ${before} -> ${after}`,
});

describe("faulty models", () => {
  it("a model whose next() throws is reported with the action path that reached it", () => {
    const model = counter((s) => {
      if (s === 3) throw new Error("boom at 3");
      return s + 1;
    });
    const r = checkSync(model, { properties: [always<number>("small", (s) => s < 10)] });
    expect(r.status).toBe("error");
    expect(r.error?.kind).toBe("model-threw");
    expect(r.error?.message).toContain("next() threw: boom at 3");
    expect(r.error?.path).toEqual(["inc 0 -> 1", "inc 1 -> 2", "inc 2 -> 3"]);
  });

  it("a nondeterministic model is caught when its trace is replayed", () => {
    let calls = 0;
    // Same state, different successor on the replay: the classic hidden counter.
    const model = counter((s) => s + 1 + (calls++ >= 4 && s === 1 ? 1 : 0));
    const r = checkSync(model, { properties: [always<number>("below-4", (s) => s < 4)] });
    expect(r.status).toBe("error");
    expect(r.error?.kind).toBe("nondeterministic");
    expect(r.error?.message).toMatch(/nondeterministic: replaying the search, step 2/);
  });

  it("a property that throws is reported as a model error", () => {
    const r = checkSync(
      counter((s) => s + 1),
      {
        properties: [
          always<number>("bad", (s) => {
            if (s === 2) throw new TypeError("oops");
            return true;
          }),
        ],
      },
    );
    expect(r.status).toBe("error");
    expect(r.error?.message).toContain('property "bad" threw: oops');
  });

  it("a property of any kind that throws is named, whichever of several is evaluated at that point", () => {
    const boom = (at: number) => (s: number) => {
      if (s === at) throw new TypeError(`cannot judge ${s}`);
      return true;
    };
    const cases = [
      [step<number, string>("step-bad", (before) => boom(3)(before)), "step-bad"],
      [recoverable<number>("recover-bad", boom(2)), "recover-bad"],
      // The second predicate of a leads-to property, after the first has been evaluated.
      [leadsTo<number>("leads-bad", () => true, boom(4)), "leads-bad"],
    ] as const;
    for (const [bad, name] of cases) {
      const r = checkSync(counter((s) => s + 1), { continue: true, properties: [always("fine", () => true), recoverable("fine-graph", () => true), bad] });
      expect(r.status).toBe("error");
      expect(r.error?.message).toContain(`property "${name}" threw: cannot judge`);
    }
  });

  it("rejects duplicate property names and bad limits", () => {
    const m = counter((s) => s + 1);
    expect(() => checkSync(m, { properties: [always("x", () => true), always("x", () => true)] })).toThrow(/unique/);
    expect(() => checkSync(m, { maxStates: 0 })).toThrow(/maxStates/);
  });
});
