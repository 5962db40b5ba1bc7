import { weekOf } from '../calendar/weeks.js';
import { readMessageSpan } from '../store/read-message-span.js';
import type { Store } from '../store/store.js';
import type { ConverseText } from './converse-text.js';

/**
 * Why `week` (a valid ISO week) cannot be shown by 周报 / 审计, as the reply to send, or null when it
 * can: a week after the current one has nothing yet (and a digest of it would store a numbering that
 * hijacks "采纳 N"), a week before the first stored message (a plausible one, readMessageSpan) has
 * nothing ever. The current week may be asked for: it is partial, not empty. Weeks compare as
 * `YYYY-Www` strings, which order like the weeks themselves.
 */
export function weekOutOfRange(
  store: Store,
  week: string,
  now: number,
  timezone: string,
  text: ConverseText,
): string | null {
  const current = weekOf(now, timezone);
  if (week.localeCompare(current) > 0) return text.weekNotYet(week, current);
  const { first } = readMessageSpan(store);
  const firstWeek = first === null ? null : weekOf(first, timezone);
  if (firstWeek === null || week.localeCompare(firstWeek) < 0) return text.weekBeforeRecords(week, firstWeek);
  return null;
}
