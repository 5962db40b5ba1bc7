/**
 * A growing list of candidate pairs (earlier, later) of dense text numbers, each packed into one
 * float64 as later · 2²⁶ + earlier (exact for up to 2²⁶ texts), so the list sorts natively and
 * repeated pairs end up side by side.
 */
const SHIFT = 2 ** 26;

export const MAX_TEXTS = SHIFT;

export class CandidatePairs {
  private packed = new Float64Array(1024);
  private length = 0;

  get size(): number {
    return this.length;
  }

  add(earlier: number, later: number): void {
    if (this.length === this.packed.length) {
      const grown = new Float64Array(this.packed.length * 2);
      grown.set(this.packed);
      this.packed = grown;
    }
    this.packed[this.length++] = later * SHIFT + earlier;
  }

  /**
   * Sorts the pairs (by later, then earlier) and calls `visit` once per distinct pair with the number
   * of times it was added.
   */
  forEachDistinct(visit: (earlier: number, later: number, times: number) => void): void {
    const sorted = this.packed.subarray(0, this.length).sort();
    let k = 0;
    while (k < sorted.length) {
      const value = sorted[k] as number;
      let end = k + 1;
      while (end < sorted.length && sorted[end] === value) end++;
      const later = Math.floor(value / SHIFT);
      visit(value - later * SHIFT, later, end - k);
      k = end;
    }
  }
}
