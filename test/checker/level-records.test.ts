/**
 * The level search's record area against a plain model: threads appending
 * records in regions they claim, taking marks and cutting chunks back, leave
 * every record not cut back whole at the place it started, and no two
 * records overlap; an area too small for a record says so instead of
 * writing past its end.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ControlBlock } from "../../dist/checker/search/levels/control-block.js";
import { REGION_WORDS, RecordWriter, reserveRecords } from "../../dist/checker/graph/level-records.js";

type Op = { kind: "record"; writer: number; words: number } | { kind: "mark"; writer: number } | { kind: "cut"; writer: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  // Mostly records of a few words, as the search writes; some as big as a region, to cross regions quickly.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("record" as const), writer: fc.integer({ min: 0, max: 1 }), words: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("record" as const), writer: fc.integer({ min: 0, max: 1 }), words: fc.integer({ min: Math.floor(REGION_WORDS / 3), max: REGION_WORDS * 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("mark" as const), writer: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cut" as const), writer: fc.integer({ min: 0, max: 1 }) }) },
);

describe("record area", () => {
  it("keeps every record not cut back whole where it started, two writers sharing the area", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const area = reserveRecords(16, REGION_WORDS * 64, 1, null);
        const control = ControlBlock.create();
        control.setNextRecord(1);
        const writers = [new RecordWriter(area, control), new RecordWriter(area, control)];
        // Per writer: its live records (start, first word, length), and its mark with the records live then.
        const live: { start: number; first: number; words: number }[][] = [[], []];
        const marks: ({ at: number; count: number } | null)[] = [null, null];
        let next = 1;
        for (const o of ops) {
          const w = writers[o.writer]!;
          if (o.kind === "record") {
            const start = w.claim(o.words);
            expect(start).toBeGreaterThan(0);
            for (let k = 0; k < o.words; k++) area.words[start + k] = next + k;
            live[o.writer]!.push({ start, first: next, words: o.words });
            next += o.words;
          } else if (o.kind === "mark") marks[o.writer] = { at: w.mark(), count: live[o.writer]!.length };
          else if (marks[o.writer]) {
            w.truncate(marks[o.writer]!.at);
            live[o.writer]!.length = marks[o.writer]!.count;
            marks[o.writer] = null;
          }
        }
        const all = [...live[0]!, ...live[1]!].sort((a, b) => a.start - b.start);
        for (const [i, r] of all.entries()) {
          // Word 0 is the empty record; records never overlap.
          expect(r.start).toBeGreaterThan(0);
          if (i > 0) expect(r.start).toBeGreaterThanOrEqual(all[i - 1]!.start + all[i - 1]!.words);
          for (let k = 0; k < r.words; k++) if (area.words[r.start + k] !== r.first + k) expect.fail(`record at ${r.start}: word ${k} is ${area.words[r.start + k]}`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("refuses a record past the area's end", () => {
    const area = reserveRecords(4, REGION_WORDS * 2, 1, null);
    const control = ControlBlock.create();
    control.setNextRecord(1);
    const w = new RecordWriter(area, control);
    expect(w.claim(10)).toBe(1);
    expect(w.claim(REGION_WORDS - 10)).toBe(11);
    expect(w.claim(REGION_WORDS + 1)).toBe(-1);
  });
});
