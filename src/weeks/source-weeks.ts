/**
 * stored-weeks.ts over the async store contract (either engine): which week a command reports on
 * when none is named, and what the store holds. Same rules, same answers.
 */
import { shiftWeek, weekBounds, weekOf } from '../calendar/weeks.js';
import type { StoreReads } from '../store/contract.js';
import type { StoredWeekSpan } from './stored-weeks.js';

export async function sourceWeekSpan(reads: StoreReads, timezone: string): Promise<StoredWeekSpan> {
  const { first, last } = await reads.messageSpan();
  return {
    firstWeek: first === null ? null : weekOf(first, timezone),
    lastWeek: last === null ? null : weekOf(last, timezone),
  };
}

/** As defaultReportWeek: the latest complete stored week, else last week. */
export async function sourceDefaultWeek(reads: StoreReads, timezone: string, now: number): Promise<string> {
  const current = weekOf(now, timezone);
  const { lastWeek } = await sourceWeekSpan(reads, timezone);
  if (lastWeek === null) return shiftWeek(current, -1, timezone);
  return lastWeek < current ? lastWeek : shiftWeek(current, -1, timezone);
}

export async function sourceWeekHasMessages(
  reads: StoreReads,
  week: string,
  timezone: string,
): Promise<boolean> {
  const { from, to } = weekBounds(week, timezone);
  return reads.hasMessagesBetween(from, to);
}
