import type { Locale } from '../../model/locale.js';
import { href } from './href.js';
import { html, type SafeHtml } from './html.js';
import { webText } from './web-text.js';

export type NavPage = 'overview' | 'notices' | 'recommendations' | 'members' | 'plan' | 'effects' | 'exports';

const NAV: { page: NavPage; path: string }[] = [
  { page: 'overview', path: '/' },
  { page: 'notices', path: '/notices' },
  { page: 'recommendations', path: '/recommendations' },
  { page: 'members', path: '/members' },
  { page: 'plan', path: '/plan' },
  { page: 'effects', path: '/effects' },
  { page: 'exports', path: '/exports' },
];

export interface Shell {
  title: string;
  /** The navigation, week picker and logout: absent on the login and error pages. */
  frame?: {
    current: NavPage | null;
    week: string;
    /** Newest first. */
    weeks: string[];
    /** Where the week picker and the language switch lead: this page with its subject and filters. */
    path: string;
    query: Record<string, string>;
    scope: string[] | null;
    minPeople: number;
  };
  body: SafeHtml;
  /** Load ECharts and the chart script. */
  charts: boolean;
}

/** The document around every page. No inline script or style: the CSP allows only /assets. */
export function layout(shell: Shell, locale: Locale): string {
  const t = webText(locale);
  const f = shell.frame;
  const header = f
    ? frameHeader(f, locale)
    : html`<header class="top"><span class="brand">${t.appTitle}</span></header>`;
  const doc = html`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${shell.title} · ${t.appTitle}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
${header}
<main>
${f ? html`<p class="scope">${t.scope(f.scope === null ? null : f.scope.join(t.listSep))}</p>` : ''}
${shell.body}
</main>
${f ? html`<footer>${t.note.minPeople?.(f.minPeople, f.minPeople)}</footer>` : ''}
${shell.charts ? html`<script src="/assets/echarts.min.js"></script>` : ''}
${f ? html`<script src="/assets/dashboard.js"></script>` : ''}
</body>
</html>
`;
  return doc.value;
}

function frameHeader(f: NonNullable<Shell['frame']>, locale: Locale): SafeHtml {
  const t = webText(locale);
  const i = f.weeks.indexOf(f.week);
  const older = i >= 0 ? f.weeks[i + 1] : undefined;
  const newer = i > 0 ? f.weeks[i - 1] : undefined;
  const weeks = i >= 0 ? f.weeks : [f.week, ...f.weeks];
  const at = (week: string) => href(f.path, locale, { ...f.query, week });
  const other = t.switchLocale;
  return html`<header class="top">
<a class="brand" href="${href('/', locale, { week: f.week })}">${t.appTitle}</a>
<nav>${NAV.map(
    (n) =>
      html`<a href="${href(n.path, locale, { week: f.week })}"${n.page === f.current ? html` aria-current="page"` : ''}>${t.nav[n.page]}</a>`,
  )}</nav>
<form class="week" method="get" action="${f.path}">
${Object.entries(f.query).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<input type="hidden" name="lang" value="${locale}">
${older ? html`<a href="${at(older)}" title="${t.previousWeek}">‹</a>` : html`<span class="off">‹</span>`}
<label>${t.week} <select name="week" data-autosubmit>${weeks.map(
    (w) => html`<option value="${w}"${w === f.week ? html` selected` : ''}>${w}</option>`,
  )}</select></label>
${newer ? html`<a href="${at(newer)}" title="${t.nextWeek}">›</a>` : html`<span class="off">›</span>`}
<button type="submit">${t.show}</button>
</form>
<a class="lang" href="${href(f.path, other, { ...f.query, week: f.week })}" hreflang="${other}">${t.switchLanguage}</a>
<form class="logout" method="post" action="/logout"><button type="submit">${t.logout}</button></form>
</header>`;
}
