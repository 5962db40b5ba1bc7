/**
 * Character 3-gram hashes of a normalised text and the set operations on them that candidate
 * generation, verification and delivery counting share.
 */

/**
 * Character 3-grams by code point (an emoji or a supplementary ideograph is one character), each
 * hashed to 32 bits. Order-sensitive: 关于开 and 开于关 hash differently.
 */

/** murmur3's finaliser: spreads every input bit over the whole word. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Reused between calls: the code points of the text being hashed. */
let points = new Int32Array(1024);

function codePoints(text: string): Int32Array {
  if (points.length < text.length) points = new Int32Array(text.length * 2);
  const out = points;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        out[n++] = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

/** Hashes of every 3-gram in text order (length = code points − 2, or 0 for shorter texts). */
export function trigramHashes(text: string): Uint32Array {
  const cps = codePoints(text);
  const count = Math.max(0, cps.length - 2);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const a = cps[i] as number;
    const b = cps[i + 1] as number;
    const c = cps[i + 2] as number;
    out[i] = mix32(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0x27d4eb2f));
  }
  return out;
}

/** Arrays up to this length are sorted by insertion: faster than the native sort's call overhead. */
const INSERTION_SORT_MAX = 48;

/** The distinct values, ascending: sorts `values` in place and returns a view of its start. */
export function distinctSorted(values: Uint32Array): Uint32Array {
  const sorted = values;
  if (sorted.length <= INSERTION_SORT_MAX) {
    for (let i = 1; i < sorted.length; i++) {
      const v = sorted[i] as number;
      let j = i - 1;
      while (j >= 0 && (sorted[j] as number) > v) {
        sorted[j + 1] = sorted[j] as number;
        j--;
      }
      sorted[j + 1] = v;
    }
  } else {
    sorted.sort();
  }
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] as number;
    if (n === 0 || sorted[n - 1] !== v) sorted[n++] = v;
  }
  return sorted.subarray(0, n);
}

/** |a ∩ b| for two ascending arrays of distinct values, by merging. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}
