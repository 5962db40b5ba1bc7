import type { Locale } from '../../model/locale.js';

/** A page's link (path and query from a page builder) with the page's language added. */
export function href(link: string, locale: Locale, extra: Record<string, string> = {}): string {
  const url = new URL(link, 'http://dashboard.invalid');
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  url.searchParams.set('lang', locale);
  return `${url.pathname}${url.search}`;
}
