/**
 * Values computed per ISO week (and optionally per scope), least recently used first out; `expire()`
 * drops those computed more than `ttlMs` ago (called between requests, never within one). `weekEnd` gives a week's exclusive end (UTC ms) so that
 * `dropFrom(t)` can drop every week that data at time t may change (its own and all later ones).
 */
export class WeekCache<T> {
  private readonly entries = new Map<string, { week: string; value: T; at: number }>();

  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly weekEnd: (week: string) => number,
  ) {}

  get(week: string, compute: () => T, scope = ''): T {
    const key = `${week}\u0000${scope}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { week, value, at: this.now() });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  expire(): void {
    const since = this.now() - this.ttlMs;
    for (const [key, entry] of this.entries) if (entry.at <= since) this.entries.delete(key);
  }

  /** The value if computed, without computing it or changing its place in the order. */
  peek(week: string, scope = ''): T | undefined {
    return this.entries.get(`${week}\u0000${scope}`)?.value;
  }

  dropFrom(time: number): void {
    for (const [key, entry] of this.entries) if (this.weekEnd(entry.week) > time) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
