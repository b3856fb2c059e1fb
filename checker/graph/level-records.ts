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

/** Words the largest page holds (4 MB); the first page of a writer holds {@link FIRST_PAGE_WORDS}, each next one twice its predecessor's. */
export const RECORD_PAGE_WORDS = 1 << 20;
/** Words of a writer's first page (64 KB): a small check's levels need no more, and a page is zeroed when it is made. */
export const FIRST_PAGE_WORDS = 1 << 14;

/** A thread's records of one round: full pages and how many words of each are used. */
export interface RecordPages {
  readonly pages: readonly SharedArrayBuffer[];
  readonly fills: readonly number[];
}

/** Appends records to pages; a chunk abandoned half-way (the set must grow) is cut back to where it started. */
export class RecordWriter {
  private pages: SharedArrayBuffer[] = [];
  /** Where each page starts in the writer's positions (the sum of the earlier pages' sizes): what marks count in. */
  private starts: number[] = [];
  private words: Int32Array = new Int32Array(0);
  private fill = 0;
  private fills: number[] = [];
  /** The size of the next page; it grows across rounds, since a search's levels mostly do. */
  private size = FIRST_PAGE_WORDS;

  /** Makes room for a record of `words` words on the current page. */
  reserve(words: number): void {
    if (this.fill + words > this.words.length) this.nextPage(words);
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
    return (this.starts.at(-1) ?? 0) + this.fill;
  }

  /** Drops every word written since `mark`. */
  truncate(mark: number): void {
    if (this.pages.length === 0) return;
    // The last page starting at or before the mark (a mark at a page's end may fall on the next page's start: either drops the same words).
    let page = this.pages.length - 1;
    while (page > 0 && this.starts[page]! > mark) page--;
    this.pages.length = page + 1;
    this.starts.length = page + 1;
    this.fills.length = page;
    this.words = new Int32Array(this.pages[page]!);
    this.fill = mark - this.starts[page]!;
  }

  /** Hands over the pages written so far and starts afresh. */
  take(): RecordPages {
    const pages = this.pages;
    const fills = [...this.fills, ...(pages.length > 0 ? [this.fill] : [])];
    this.pages = [];
    this.starts = [];
    this.fills = [];
    this.words = new Int32Array(0);
    this.fill = 0;
    return { pages, fills };
  }

  private nextPage(atLeast: number): void {
    const start = this.pages.length > 0 ? this.starts.at(-1)! + this.words.length : 0;
    if (this.pages.length > 0) {
      this.fills.push(this.fill);
      this.size = Math.min(RECORD_PAGE_WORDS, this.size * 2);
    }
    const buffer = new SharedArrayBuffer(Math.max(this.size, atLeast) * 4);
    this.pages.push(buffer);
    this.starts.push(start);
    this.words = new Int32Array(buffer);
    this.fill = 0;
  }
}
