import { DateTime } from 'luxon';
import type { ConverseText } from './converse-text.js';

/** `ms` as local date (or date and time) in the configured timezone, worded for the locale. */
export function localTime(ms: number, timezone: string, text: ConverseText, withTime = false): string {
  return DateTime.fromMillis(ms, { zone: timezone })
    .setLocale(text.luxonLocale)
    .toFormat(withTime ? text.dateTime : text.date);
}
