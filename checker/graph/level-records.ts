/**
 * What each thread of the level search records when a property needs the
 * whole graph (recoverable, temporal): for every state it expands, the
 * state's number, its number of successors and each successor's number
 * (and, when the model's fairness matters, its action's fairness mask), in
 * action order: `[id, count, n0, (mask0,) n1, ...]`; a record never runs
 * from one page into the next. A successor's number is written once the
 * shared set has answered for it (`slot`, then the write). Written into pages
 * of shared memory, so the main thread reads every thread's records where
 * they are; turned into the graph after the search (from-levels.ts).
 */

/** Words a page holds (4 MB). */
export const RECORD_PAGE_WORDS = 1 << 20;

/** A thread's records of one round: full pages and how many words of each are used. */
export interface RecordPages {
  readonly pages: readonly SharedArrayBuffer[];
  readonly fills: readonly number[];
}

/** Appends records to pages; a chunk abandoned half-way (the set must grow) is cut back to where it started. */
export class RecordWriter {
  private pages: SharedArrayBuffer[] = [];
  private words: Int32Array = new Int32Array(0);
  private fill = 0;
  private fills: number[] = [];

  /** Makes room for a record of `words` words on the current page. */
  reserve(words: number): void {
    if (this.fill + words > this.words.length) this.nextPage();
  }

  /** Appends one word (within the room reserved). */
  push(value: number): void {
    this.words[this.fill++] = value;
  }

  /** The current page, and (below) the index the next word goes to: where a word appended now can be written later. */
  page(): Int32Array {
    return this.words;
  }
  next(): number {
    return this.fill;
  }

  /** Where the records stand, to cut back to. */
  mark(): number {
    return Math.max(0, this.pages.length - 1) * RECORD_PAGE_WORDS + this.fill;
  }

  /** Drops every word written since `mark`. */
  truncate(mark: number): void {
    if (this.pages.length === 0) return;
    // The page holding the mark; a mark at a page's end stays on that page (full), not on the next.
    const page = Math.min(Math.floor(mark / RECORD_PAGE_WORDS), this.pages.length - 1);
    this.pages.length = page + 1;
    this.fills.length = page;
    this.words = new Int32Array(this.pages[page]!);
    this.fill = mark - page * RECORD_PAGE_WORDS;
  }

  /** Hands over the pages written so far and starts afresh. */
  take(): RecordPages {
    const pages = this.pages;
    const fills = [...this.fills, ...(pages.length > 0 ? [this.fill] : [])];
    this.pages = [];
    this.fills = [];
    this.words = new Int32Array(0);
    this.fill = 0;
    return { pages, fills };
  }

  private nextPage(): void {
    if (this.pages.length > 0) this.fills.push(this.fill);
    const buffer = new SharedArrayBuffer(RECORD_PAGE_WORDS * 4);
    this.pages.push(buffer);
    this.words = new Int32Array(buffer);
    this.fill = 0;
  }
}
