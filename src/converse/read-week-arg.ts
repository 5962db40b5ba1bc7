import { weekBounds } from '../calendar/weeks.js';

const WEEK = /^\d{4}-w\d{2}$/i;

/**
 * Reads the arguments of 周报 / 审计: an ISO week (returned, upper-cased), or nothing (undefined).
 * The asker's own id is allowed and ignored; any other argument — another person's id or name, a
 * malformed week — is 'other', which the caller refuses without saying whether that person exists.
 */
export function readWeekArg(
  args: readonly string[],
  contactId: string,
  timezone: string,
): string | undefined | 'other' {
  let week: string | undefined;
  for (const arg of args) {
    if (arg === contactId) continue;
    if (!WEEK.test(arg)) return 'other';
    week = arg.toUpperCase();
    try {
      weekBounds(week, timezone);
    } catch {
      return 'other';
    }
  }
  return week;
}
