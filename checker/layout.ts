/**
 * Packed state layouts. A model declares its state as typed fields (integer
 * ranges, arrays of them, flags); the layout packs them into a few 32-bit
 * words and gives each field get/set accessors over a `Uint32Array`. A state
 * is then a handful of words: cheap to copy, to hash (no strings), and to
 * store, while the model's transitions still read as field accesses.
 *
 * Fields never straddle a word, so an access is one load, a shift and a mask.
 */

/** An integer field in `[min, max]`. */
export interface IntField {
  get(s: Uint32Array): number;
  set(s: Uint32Array, value: number): void;
}

/** An array of `length` integers in `[min, max]`. */
export interface IntArrayField {
  readonly length: number;
  get(s: Uint32Array, i: number): number;
  set(s: Uint32Array, i: number, value: number): void;
}

/** Declares fields and assigns their bits; `words` is the state's size once every field is declared. */
export class Layout {
  private word = 0;
  private bit = 0;

  /** Words per state. */
  get words(): number {
    return this.bit === 0 ? this.word : this.word + 1;
  }

  /** One integer in `[min, max]`. */
  int(min: number, max: number): IntField {
    const f = this.ints(1, min, max);
    return { get: (s) => f.get(s, 0), set: (s, v) => f.set(s, 0, v) };
  }

  /** `length` flags (booleans as 0/1). */
  flags(length: number): IntArrayField {
    return this.ints(length, 0, 1);
  }

  /** `length` integers in `[min, max]`. */
  ints(length: number, min: number, max: number): IntArrayField {
    if (!(Number.isInteger(min) && Number.isInteger(max) && min <= max)) throw new RangeError(`bad field range ${min}..${max}`);
    const bits = Math.max(1, Math.ceil(Math.log2(max - min + 1)));
    if (bits > 32) throw new RangeError(`a field of ${max - min + 1} values does not fit in 32 bits`);
    const word = new Int32Array(length);
    const shift = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      if (this.bit + bits > 32) {
        this.word++;
        this.bit = 0;
      }
      word[i] = this.word;
      shift[i] = this.bit;
      this.bit += bits;
    }
    const mask = bits === 32 ? 0xffffffff : (1 << bits) - 1;
    return {
      length,
      get: (s, i) => ((s[word[i]!]! >>> shift[i]!) & mask) + min,
      set: (s, i, v) => {
        const w = word[i]!;
        s[w] = (s[w]! & ~(mask << shift[i]!)) | (((v - min) & mask) << shift[i]!);
      },
    };
  }
}
