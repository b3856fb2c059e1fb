/**
 * The level search's record pages against a plain array: records appended,
 * marks taken, chunks cut back and rounds handed over in any order give
 * exactly the words appended and not cut, whatever the pages' sizes (the
 * first is small and each next one twice as big, so cuts land on every kind
 * of page boundary).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIRST_PAGE_WORDS, RecordWriter, type RecordPages } from "../../dist/checker/graph/level-records.js";

type Op = { kind: "record"; words: number } | { kind: "mark" } | { kind: "cut" } | { kind: "take" };
const op: fc.Arbitrary<Op> = fc.oneof(
  // Mostly records of a few words, as the search writes; some as big as pages, to reach later (bigger) pages quickly.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("record" as const), words: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("record" as const), words: fc.integer({ min: FIRST_PAGE_WORDS / 2, max: FIRST_PAGE_WORDS * 2 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "mark" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "cut" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "take" as const }) },
);

// The words handed over, in order, equal `expected` (a loop: toEqual on arrays this long is slow).
function expectWords(r: RecordPages, expected: readonly number[]): void {
  const got = r.pages.flatMap((p, i) => Array.from(new Int32Array(p).subarray(0, r.fills[i])));
  expect(got.length).toBe(expected.length);
  const first = got.findIndex((w, k) => w !== expected[k]);
  expect(first, `first differing word at ${first}`).toBe(-1);
}

describe("record pages", () => {
  it("hold exactly what was appended and not cut back, round by round", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const writer = new RecordWriter();
        let expected: number[] = [];
        let mark: { at: number; length: number } | null = null;
        let next = 1;
        for (const o of ops) {
          if (o.kind === "record") {
            writer.reserve(o.words);
            const page = writer.page();
            const start = writer.next();
            for (let k = 0; k < o.words; k++) writer.push(next + k);
            // A record is on one page, where the words were pushed.
            expect(page[start]).toBe(next);
            expect(page[start + o.words - 1]).toBe(next + o.words - 1);
            for (let k = 0; k < o.words; k++) expected.push(next++);
          } else if (o.kind === "mark") mark = { at: writer.mark(), length: expected.length };
          else if (o.kind === "cut" && mark) {
            writer.truncate(mark.at);
            expected = expected.slice(0, mark.length);
          } else if (o.kind === "take") {
            expectWords(writer.take(), expected);
            expected = [];
            mark = null;
          }
        }
        expectWords(writer.take(), expected);
      }),
      { numRuns: 100 },
    );
  });
});
