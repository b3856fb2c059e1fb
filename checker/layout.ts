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

/** 64-bit fingerprint of a packed state, written into `out`: murmur3-style mixing of each word in two lanes. */
export function fingerprintWords(s: Uint32Array, out: { hi: number; lo: number }): { hi: number; lo: number } {
  let h1 = 0x9e3779b9 ^ s.length;
  let h2 = 0x85ebca6b;
  for (let i = 0; i < s.length; i++) {
    const k = s[i]!;
    let k1 = Math.imul(k, 0xcc9e2d51);
    k1 = (k1 << 15) | (k1 >>> 17);
    h1 = Math.imul(h1 ^ Math.imul(k1, 0x1b873593), 5) + 0xe6546b64;
    let k2 = Math.imul(k ^ 0x5bd1e995, 0x27d4eb2f);
    k2 = (k2 << 13) | (k2 >>> 19);
    h2 = Math.imul(h2 ^ k2, 0x165667b1) + 0x9e3779b9;
  }
  h1 ^= h2 >>> 16;
  h2 ^= h1 >>> 13;
  out.hi = fmix(h1) >>> 0;
  out.lo = fmix(h2 ^ 0x2545f491) >>> 0;
  return out;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
