/**
 * The analyses' first pass made by two threads at once (graph/order.ts,
 * SharedWalk): two walks, one following the edges first to last and the
 * other last to first, over one array of words, interleaved at every
 * possible grain (a random number of edges each in turn), must write what one
 * walk alone writes on a graph without cycles, and between them see every
 * cycle one walk sees.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstPass, firstPassWalk, type Pass } from "../../checker/graph/analyses.js";
import { bitArray } from "../../checker/graph/fixpoint.js";
import { adjacency, EdgeList } from "../../checker/graph/graph.js";

interface Case {
  readonly n: number;
  readonly edges: readonly { readonly from: number; readonly to: number; readonly mask: number }[];
  readonly inits: readonly number[];
  readonly kinds: readonly ("recoverable" | "eventually" | "leadsTo")[];
  readonly labels: readonly number[];
  readonly constraints: number;
}

// Edges mostly from lower to higher numbers, so that many graphs have no cycle; some go back, some are self-loops.
const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.nat(3), fc.integer({ min: 0, max: 9 })).map(([a, b, mask, back]) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return back === 0 ? { from: hi, to: lo, mask } : { from: lo, to: hi, mask };
      }),
      { maxLength: 30 },
    ),
    inits: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
    kinds: fc.array(fc.constantFrom("recoverable" as const, "eventually" as const, "leadsTo" as const), { minLength: 1, maxLength: 3 }),
    labels: fc.array(fc.nat(63), { minLength: n, maxLength: n }),
    constraints: fc.integer({ min: 0, max: 2 }),
  }),
);

function pass(c: Case): Pass {
  const edges = new EdgeList(c.constraints > 0);
  // Edges added state by state, each state's in the order given.
  for (let s = 0; s < c.n; s++) for (const e of c.edges) if (e.from === s) edges.add(e.from, e.to, e.mask & ((1 << c.constraints) - 1));
  const forward = adjacency(c.n, edges, c.constraints);
  const words = Uint8Array.from(c.labels);
  return {
    graph: { stateCount: c.n, forward, initialIds: c.inits },
    constraints: Array.from({ length: c.constraints }, () => "weak" as const),
    kinds: c.kinds,
    labels: c.kinds.map((_, j) => ({ words, shift: 2 * j })),
    value: bitArray(c.n, c.kinds.length + 1),
    done: 1 << c.kinds.length,
    fairAlone: new Uint8Array(c.n),
  };
}

describe("the first pass, made by two walks at once", () => {
  it("writes what one walk writes when the graph has no cycle, and sees a cycle whenever one walk does (random graphs and interleavings)", () => {
    let acyclic = 0;
    let cyclic = 0;
    let shared = 0;
    fc.assert(
      fc.property(caseArb, fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 20 }), (c, budgets) => {
        const one = pass(c);
        const oneCyclic = firstPass(one);
        const two = pass(c);
        const walks = [firstPassWalk(two, false), firstPassWalk(two, true)];
        const over = [false, false];
        for (let turn = 0; !(over[0] && over[1]); turn++) {
          const k = turn % 2;
          if (!over[k]) over[k] = walks[k]!.step(budgets[turn % budgets.length]!);
        }
        expect(walks[0]!.cyclic || walks[1]!.cyclic).toBe(oneCyclic);
        if (oneCyclic) {
          cyclic++;
          return;
        }
        acyclic++;
        if (walks[0]!.finished > 0 && walks[1]!.finished > 0) shared++;
        expect([...two.value]).toEqual([...one.value]);
        expect([...two.fairAlone!]).toEqual([...one.fairAlone!]);
      }),
      { numRuns: 400 },
    );
    // Both kinds of graph came up, and in many the two walks each finished some states.
    expect(acyclic).toBeGreaterThan(50);
    expect(cyclic).toBeGreaterThan(20);
    expect(shared).toBeGreaterThan(30);
  });
});
