import type { Locale } from '../../model/locale.js';
import type { PageData } from '../pages/page-data.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { exportLinks } from './table-view.js';
import { webText } from './web-text.js';

/** The exports page: every table of the overview, notices and recommendations pages, as CSV and JSON. */
export function renderExports(data: { pages: PageData[]; frame: PageData }, locale: Locale): string {
  const t = webText(locale);
  const f = data.frame;
  const body = html`<h1>${t.pageTitle.exports}</h1>
<p>${t.exportsIntro}</p>
${data.pages.map(
  (
    p,
  ) => html`<section class="exports"><h2>${t.pageTitle[p.page as 'overview' | 'notices' | 'recommendations']}</h2>
<ul>${p.tables.map((tb) => html`<li><span>${t.table[tb.name] ?? tb.name} (${String(tb.rows.length)})</span> ${exportLinks(p, tb.name, locale)}</li>`)}</ul></section>`,
)}`;
  return layout(
    {
      title: t.pageTitle.exports,
      frame: {
        current: 'exports',
        week: f.week,
        weeks: f.weeks,
        path: '/exports',
        query: {},
        scope: f.scope,
        minPeople: f.minPeople,
      },
      body,
      charts: false,
    },
    locale,
  );
}
