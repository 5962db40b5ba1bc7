import { weekBounds } from '../calendar/weeks.js';
import type { ConverseText } from './converse-text.js';
import { localTime } from './local-time.js';

/** The first and last local day of the weeks considered, the last one no later than today. */
export function windowSpan(weeks: readonly string[], now: number, timezone: string, text: ConverseText) {
  const first = weekBounds(weeks[0] as string, timezone).from;
  const end = Math.min(now, weekBounds(weeks[weeks.length - 1] as string, timezone).to - 1);
  return { first: localTime(first, timezone, text), last: localTime(Math.max(first, end), timezone, text) };
}
