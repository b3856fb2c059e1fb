/**
 * 64-bit state fingerprints, as TLC keeps them: the visited set holds these,
 * never the states. Two 32-bit lanes are mixed independently (murmur3-style
 * multiply-rotate over UTF-16 code units, each lane with its own seed and
 * constants) and finished with murmur3's avalanche, so a one-character change
 * flips about half of all 64 bits.
 */

/** A fingerprint as two unsigned 32-bit halves. */
export interface Fingerprint {
  hi: number;
  lo: number;
}

/** Fingerprint of a state key; writes the result into `out` (no allocation on the hot path). */
export function fingerprintInto(key: string, out: Fingerprint): Fingerprint {
  let h1 = 0x9e3779b9 ^ key.length;
  let h2 = 0x85ebca6b ^ Math.imul(key.length, 0x27d4eb2f);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0xcc9e2d51);
    h1 = (h1 << 15) | (h1 >>> 17);
    h2 = Math.imul(h2 ^ c, 0x1b873593);
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = (Math.imul(h2, 5) + 0xe6546b64) | 0;
  }
  return finish(h1, h2, out);
}

/** Fingerprint of a state key, as a fresh object. */
export function fingerprint(key: string): Fingerprint {
  return fingerprintInto(key, { hi: 0, lo: 0 });
}

/** The fingerprint as 16 hex digits, for messages. */
export function fingerprintHex(fp: Fingerprint): string {
  return fp.hi.toString(16).padStart(8, "0") + fp.lo.toString(16).padStart(8, "0");
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
  return finish(h1, h2, out);
}

// The two lanes of fingerprintValueInto, kept in a typed array so that feeding a value allocates nothing: a module
// variable holding a number beyond the small-integer range would be boxed on every store. feed() mixes a word as
// fingerprintWords' loop does; that loop keeps its own copy, with the lanes in locals, for the packed hot path.
const lanes = new Int32Array(2);

function feed(k: number): void {
  let k1 = Math.imul(k, 0xcc9e2d51);
  k1 = (k1 << 15) | (k1 >>> 17);
  lanes[0] = Math.imul(lanes[0]! ^ Math.imul(k1, 0x1b873593), 5) + 0xe6546b64;
  let k2 = Math.imul(k ^ 0x5bd1e995, 0x27d4eb2f);
  k2 = (k2 << 13) | (k2 >>> 19);
  lanes[1] = Math.imul(lanes[1]! ^ k2, 0x165667b1) + 0x9e3779b9;
}

// Tags that start each kind of value, so that the stream of a value is prefix-free: two values with different
// canonical keys cannot feed the same numbers.
const NULL = 0x6e756c6c;
const TRUE = 0x74727565;
const FALSE = 0x66616c73;
const INT = 0x696e7420;
const NUMBER = 0x6e756d20;
const STRING = 0x73747220;
const BIGINT = 0x62696720;
const ARRAY = 0x61727220;
const RECORD = 0x72656320;
const OTHER = 0x6f746820;

function feedString(tag: number, text: string): void {
  feed(tag);
  feed(text.length);
  for (let i = 0; i < text.length; i++) feed(text.charCodeAt(i));
}

// Strings repeat (field names, enumeration-like values): each is hashed once into two words, remembered here.
const stringHashes = new Map<string, number>();
const STRING_CACHE = 1 << 16;

function feedCachedString(text: string): void {
  let h = stringHashes.get(text);
  if (h === undefined) {
    const saved1 = lanes[0]!;
    const saved2 = lanes[1]!;
    lanes[0] = 0x3c6ef372;
    lanes[1] = 0xa54ff53a;
    feedString(STRING, text);
    h = fmix32(lanes[0]! ^ Math.imul(lanes[1]!, 0x9e3779b1));
    lanes[0] = saved1;
    lanes[1] = saved2;
    if (stringHashes.size >= STRING_CACHE) stringHashes.clear();
    stringHashes.set(text, h);
  }
  feed(STRING);
  feed(text.length);
  feed(h);
}

function feedValue(value: unknown): void {
  if (value === null || value === undefined) return feed(NULL);
  switch (typeof value) {
    case "boolean":
      return feed(value ? TRUE : FALSE);
    case "number":
      // As canonicalKey: NaN and the infinities are JSON's null, and -0 is 0.
      if (!Number.isFinite(value)) return feed(NULL);
      if (Number.isSafeInteger(value) && value >= -0x80000000 && value <= 0x7fffffff) {
        feed(INT);
        return feed(value | 0);
      }
      return feedString(NUMBER, JSON.stringify(value));
    case "string":
      // Short strings are cheaper to feed than to look up.
      return value.length <= 2 ? feedString(STRING, value) : feedCachedString(value);
    case "bigint":
      return feedString(BIGINT, value.toString());
    case "object":
      break;
    default:
      return feedString(OTHER, canonicalKey(value));
  }
  // Arrays and plain records first, without looking up `toJSON` (a miss on the prototype chain, slow for the many
  // shapes states have): neither Array.prototype nor Object.prototype has one, and an own one is met among the keys.
  if (Array.isArray(value)) {
    feed(ARRAY);
    feed(value.length);
    for (let i = 0; i < value.length; i++) feedValue(value[i]);
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return feedRecord(value as Record<string, unknown>);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return feedValue(toJSON.call(value));
  // Sets and maps have no order: their canonical key sorts their members (rare in states; not worth a faster way).
  if (value instanceof Set || value instanceof Map) return feedString(OTHER, canonicalKey(value));
  feedRecord(value as Record<string, unknown>);
}

// A record's fields have no order: each (name, value) pair is hashed on its own and the pairs' hashes are added,
// which does not depend on the order of the keys (no sort).
function feedRecord(record: Record<string, unknown>): void {
  const keys = Object.keys(record);
  if (Object.hasOwn(record, "toJSON") && typeof record.toJSON === "function") return feedValue((record.toJSON as () => unknown).call(record));
  const saved1 = lanes[0]!;
  const saved2 = lanes[1]!;
  let sum1 = 0;
  let sum2 = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    lanes[0] = 0x510e527f;
    lanes[1] = 0x9b05688c;
    feedCachedString(k);
    feedValue(record[k]);
    sum1 = (sum1 + fmix32(lanes[0]! ^ (lanes[1]! >>> 7))) | 0;
    sum2 = (sum2 + fmix32(lanes[1]! ^ Math.imul(lanes[0]!, 0x2545f491))) | 0;
  }
  lanes[0] = saved1;
  lanes[1] = saved2;
  feed(RECORD);
  feed(keys.length);
  feed(sum1);
  feed(sum2);
}

/**
 * The fingerprint of a plain value's structure, written into `out`: equal
 * exactly when the values' canonical keys are equal, computed without
 * building the key (the generic path's default for models with no `key`).
 */
export function fingerprintValueInto(value: unknown, out: Fingerprint): Fingerprint {
  lanes[0] = 0x9e3779b9;
  lanes[1] = 0x85ebca6b;
  feedValue(value);
  return finish(lanes[0]!, lanes[1]!, out);
}

// The two lanes into a fingerprint. The lanes are crossed before the finaliser so that neither half is a function of one lane alone.
function finish(h1: number, h2: number, out: Fingerprint): Fingerprint {
  h1 ^= h2 >>> 16;
  h2 ^= h1 >>> 13;
  out.hi = fmix32(h1) >>> 0;
  out.lo = fmix32(h2 ^ 0x2545f491) >>> 0;
  return out;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/**
 * A canonical JSON encoding of a plain value: object keys sorted, so that two
 * equal states built along different paths get the same key.
 */
export function canonicalKey(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") return `${value}n`;
    if (value === undefined) return "null";
    return JSON.stringify(value);
  }
  // Objects that say how to show themselves as JSON (state handles, say) are keyed by that.
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return canonicalKey(toJSON.call(value));
  if (Array.isArray(value)) {
    let s = "[";
    for (let i = 0; i < value.length; i++) s += (i ? "," : "") + canonicalKey(value[i]);
    return s + "]";
  }
  if (value instanceof Set) return `#set${canonicalKey([...value].map(canonicalKey).sort())}`;
  if (value instanceof Map) {
    return `#map${canonicalKey([...value].map(([k, v]) => [canonicalKey(k), canonicalKey(v)]).sort())}`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let s = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    s += (i ? "," : "") + JSON.stringify(k) + ":" + canonicalKey(record[k]);
  }
  return s + "}";
}
