/**
 * Where the threads of the level search record the graph when a property
 * needs all of it (recoverable, temporal): in shared memory laid out as the
 * analyses read it (graph.ts, Adjacency), so that the graph needs no building
 * after the search. Per state number: where its record starts (`at`) and its
 * label word (each graph property's predicates, written when the state is
 * found). The records themselves go into one reserved area: a thread claims
 * a region of it at a time from the control block's counter and appends its
 * records there, a record never running from one region into the next; a
 * successor's number is written once the shared set has answered for it.
 * Pages of the area that nothing was written to are never touched, so they
 * take no memory.
 */
import type { ControlBlock } from "../search/levels/control-block.js";
import { maskArray, type LabelArray, type MaskArray } from "./graph.js";

/** Words a thread claims at once (256 KB): one atomic operation per region, at most one region's rest unused per thread. */
export const REGION_WORDS = 1 << 16;


/** The shared memory the graph is recorded into. */
export interface RecordArea {
  /** Records: a state's successor count, then its successors' numbers. Word 0 is the empty record of every number that is no state. */
  readonly words: Int32Array;
  /** Beside the words when fairness matters: a record's enabled constraints, an edge's constraints. */
  readonly mask: MaskArray | null;
  /** Per state number: where its record starts (0 until the state is expanded). */
  readonly at: Uint32Array;
  /** Per state number: its label word. */
  readonly labels: LabelArray;
  /** When fairness matters, per state number: 1 when staying in the state forever is a fair behaviour (see Pass, graph/analyses.ts). */
  readonly alone: Uint8Array | null;
}

/**
 * Reserves the area for up to `states` state numbers and `words` words of
 * records (address space only: untouched pages are not resident).
 */
export function reserveRecords(states: number, words: number, graphProperties: number, constraints: number | null): RecordArea {
  const labelBytes = graphProperties <= 4 ? 1 : graphProperties <= 8 ? 2 : 4;
  const labelBuffer = new SharedArrayBuffer(states * labelBytes);
  return {
    words: new Int32Array(new SharedArrayBuffer(words * 4)),
    mask: constraints === null ? null : maskArray(words, constraints, true),
    at: new Uint32Array(new SharedArrayBuffer(states * 4)),
    labels: labelBytes === 1 ? new Uint8Array(labelBuffer) : labelBytes === 2 ? new Uint16Array(labelBuffer) : new Uint32Array(labelBuffer),
    alone: constraints === null ? null : new Uint8Array(new SharedArrayBuffer(states)),
  };
}

/** Appends one thread's records to the area, in regions it claims. */
export class RecordWriter {
  private cursor = 0;
  private end = 0;
  private regionStart = 0;
  constructor(
    private readonly area: RecordArea,
    private readonly control: ControlBlock,
  ) {}

  /** Claims the next `words` words, for a record the caller writes there; returns where they start, or -1 when the area is full. */
  claim(words: number): number {
    if (this.cursor + words > this.end) {
      const size = Math.max(REGION_WORDS, words);
      const start = this.control.claimRecords(size);
      // The counter is a signed word: past the area's end it may have wrapped round to negative.
      if (start < 0 || start + size > this.area.words.length) return -1;
      this.regionStart = this.cursor = start;
      this.end = start + size;
    }
    const at = this.cursor;
    this.cursor += words;
    return at;
  }

  /** Where the records stand, to cut back to. */
  mark(): number {
    return this.cursor;
  }

  /**
   * Drops every word written since `mark` (a chunk abandoned half-way): back
   * to the mark in the same region, else to the current region's start (the
   * rest of the region the mark was in stays unused).
   */
  truncate(mark: number): void {
    this.cursor = mark >= this.regionStart && mark <= this.end ? mark : this.regionStart;
  }
}
