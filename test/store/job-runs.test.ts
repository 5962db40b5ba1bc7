import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { openTempStore } from '../fixtures/temp-store.js';

let store: Store;
afterEach(() => store?.close());

function jobRuns() {
  store = openTempStore();
  return store.jobRuns;
}

describe('JobRuns', () => {
  it('remembers the first time a job was scheduled', () => {
    const r = jobRuns();
    expect(r.scheduledSince('weeklyDigest', 100)).toBe(100);
    expect(r.scheduledSince('weeklyDigest', 500)).toBe(100);
    expect(r.scheduledSince('dailyDigest', 500)).toBe(500);
  });

  it('claims a period until it is done, and a failed or interrupted one up to maxAttempts', () => {
    const r = jobRuns();
    const key = 'weeklyDigest:2026-W48';
    expect(r.claim(key, 'weeklyDigest', 10, 11, 3)).toBe(true);
    // Left 'running' (a crash): it may be claimed again.
    expect(r.claim(key, 'weeklyDigest', 10, 12, 3)).toBe(true);
    r.finish(key, { ok: false, error: 'boom' }, 13);
    expect(r.get(key)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'boom' });
    expect(r.claim(key, 'weeklyDigest', 10, 14, 3)).toBe(true);
    r.finish(key, { ok: false, error: 'boom' }, 15);
    expect(r.claim(key, 'weeklyDigest', 10, 16, 3)).toBe(false);
    const other = 'weeklyDigest:2026-W49';
    expect(r.claim(other, 'weeklyDigest', 20, 21, 3)).toBe(true);
    r.finish(other, { ok: true }, 22);
    expect(r.claim(other, 'weeklyDigest', 20, 23, 3)).toBe(false);
    expect(r.get(other)).toMatchObject({ status: 'done', attempts: 1, finishedAt: 22, lastError: null });
  });

  it('tells when a job last completed before a time', () => {
    const r = jobRuns();
    for (const [key, at, ok] of [
      ['d:1', 100, true],
      ['d:2', 200, false],
      ['d:3', 300, true],
    ] as const) {
      r.claim(key, 'dailyDigest', at, at, 3);
      r.finish(key, ok ? { ok: true } : { ok: false, error: 'x' }, at);
    }
    expect(r.lastDoneBefore('dailyDigest', 300)).toBe(100);
    expect(r.lastDoneBefore('dailyDigest', 301)).toBe(300);
    expect(r.lastDoneBefore('dailyDigest', 100)).toBeUndefined();
    expect(r.lastDoneBefore('weeklyDigest', 1000)).toBeUndefined();
  });
});
