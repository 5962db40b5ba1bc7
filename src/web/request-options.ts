import type { Context } from 'hono';
import { shiftWeek, weekBounds, weekOf } from '../calendar/weeks.js';
import { LOCALES, type Locale } from '../model/locale.js';

const WEEK = /^\d{4}-W\d{2}$/;

/** The page language: `?lang=` when it names one, else the configured locale. */
export function requestLocale(c: Context, fallback: Locale): Locale {
  const lang = c.req.query('lang');
  return LOCALES.find((l) => l === lang) ?? fallback;
}

/**
 * The earliest week a page may show: the ISO week holding 2011-01-01 (WeChat's launch; nothing
 * older can be a WeChat message). Weeks before it — year 0000, 1970 — are nonsense, and week
 * arithmetic on them leaves the range of ISO years (0000-W01 minus a week is "-0001-W52").
 */
export const EARLIEST_WEEK = '2010-W52';

/**
 * The week asked for (`?week=2026-W47`), `fallback` when absent, or null (the caller answers 400)
 * when it is not a valid ISO week, is before EARLIEST_WEEK, or is more than a year after `now`.
 */
export function requestWeek(
  c: Context,
  timezone: string,
  fallback: () => string,
  now: number = Date.now(),
): string | null {
  const week = c.req.query('week');
  if (week === undefined || week === '') return fallback();
  if (!WEEK.test(week)) return null;
  try {
    weekBounds(week, timezone);
    // ISO week strings of four-digit years sort as the weeks do.
    if (week < EARLIEST_WEEK || week > shiftWeek(weekOf(now, timezone), 52, timezone)) return null;
    return week;
  } catch {
    return null;
  }
}

/**
 * Where to go after logging in: a path on this site only (one leading slash, no backslash or
 * control characters), so the login page cannot be used to send someone elsewhere.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || hasControl(value))
    return '/';
  return value;
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
