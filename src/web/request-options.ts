import type { Context } from 'hono';
import { weekBounds } from '../analysis/week-bounds.js';
import type { WebLocale } from './views/web-text.js';

const LOCALES: readonly WebLocale[] = ['zh-CN', 'en'];
const WEEK = /^\d{4}-W\d{2}$/;

/** The page language: `?lang=` when it names one, else the configured locale. */
export function requestLocale(c: Context, fallback: WebLocale): WebLocale {
  const lang = c.req.query('lang');
  return LOCALES.find((l) => l === lang) ?? fallback;
}

/** The week asked for (`?week=2026-W47`), `fallback` when absent, or null when it is not a valid ISO week. */
export function requestWeek(c: Context, timezone: string, fallback: () => string): string | null {
  const week = c.req.query('week');
  if (week === undefined || week === '') return fallback();
  if (!WEEK.test(week)) return null;
  try {
    weekBounds(week, timezone);
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
