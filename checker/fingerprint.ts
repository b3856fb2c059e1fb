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
  // Cross the lanes before the finaliser so that neither half is a function of one lane alone.
  h1 ^= h2 >>> 16;
  h2 ^= h1 >>> 13;
  out.hi = fmix32(h1) >>> 0;
  out.lo = fmix32(h2 ^ 0x2545f491) >>> 0;
  return out;
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
