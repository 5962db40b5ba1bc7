import type { Locale } from '../../model/locale.js';
import type { PageData } from '../pages/page-data.js';
import { chartOption } from './chart-option.js';
import { formatCell, formatChange } from './format-cell.js';
import { href } from './href.js';
import { html, jsonScript, type SafeHtml } from './html.js';
import { layout, type NavPage } from './layout.js';
import { tableView } from './table-view.js';
import { webText } from './web-text.js';

const PATHS: Record<PageData['page'], string> = {
  overview: '/',
  unit: '/unit',
  group: '/group',
  notices: '/notices',
  recommendations: '/recommendations',
  members: '/members',
  plan: '/plan',
  effects: '/effects',
};

/** Any dashboard page: heading, notes, key figures, filters, charts and tables. Pure. */
export function renderPage(data: PageData, locale: Locale): string {
  const t = webText(locale);
  const title =
    data.page === 'unit'
      ? t.pageTitle.unit(data.subject ?? '')
      : data.page === 'group'
        ? t.pageTitle.group(data.subject ?? '')
        : t.pageTitle[data.page];
  const current: NavPage | null = data.page === 'unit' || data.page === 'group' ? null : data.page;
  const kpis = data.kpis.map((k) => {
    const change =
      k.change === undefined || k.change === null || k.value === null ? null : formatChange(k.change, k.kind);
    return html`<div class="kpi"><span class="label">${t.kpi[k.key] ?? k.key}</span><span class="value">${formatCell(k.value, k.kind, t, data.timezone)}</span>${
      change ? html`<span class="change">${t.vsLastWeek} ${change}</span>` : ''
    }</div>`;
  });
  const charts = data.charts.map(
    (c) => html`<figure class="chart-box"><figcaption>${t.chart[c.id] ?? c.id}</figcaption>
<div class="chart" id="chart-${c.id}" data-chart="chart-${c.id}-option" role="img" aria-label="${t.chart[c.id] ?? c.id}"></div>
${jsonScript(`chart-${c.id}-option`, chartOption(c, t))}</figure>`,
  );
  const body = html`<h1>${title}</h1>
${data.parent ? html`<p class="parent"><a href="${href(data.parent.href, locale)}">${data.parent.label}</a></p>` : ''}
${data.notes.map((n) => html`<p class="note">${t.note[n.key]?.(data.minPeople, n.n ?? 0) ?? n.key}</p>`)}
${kpis.length > 0 ? html`<section class="kpis">${kpis}</section>` : ''}
${data.filters ? filters(data, locale) : ''}
${charts.length > 0 ? html`<section class="charts">${charts}</section>` : ''}
${data.tables.map((tb) => tableView(data, tb, locale))}`;
  return layout(
    {
      title,
      frame: {
        current,
        week: data.week,
        weeks: data.weeks,
        path: PATHS[data.page],
        query: data.query,
        scope: data.scope,
        minPeople: data.minPeople,
      },
      body,
      charts: data.charts.length > 0,
    },
    locale,
  );
}

function filters(data: PageData, locale: Locale): SafeHtml {
  const t = webText(locale);
  const label = (name: string) => (t.filter as Record<string, string>)[name] ?? name;
  return html`<form class="filters" method="get" action="${PATHS[data.page]}">
<input type="hidden" name="week" value="${data.week}"><input type="hidden" name="lang" value="${locale}">
${(data.filters ?? []).map(
  (f) =>
    html`<label>${label(f.name)} <select name="${f.name}">${f.options.map(
      (o) =>
        html`<option value="${o.value}"${o.value === f.value ? html` selected` : ''}>${
          o.label === null ? t.filter.all : f.enumLabels ? (t.enums[o.label] ?? o.label) : o.label
        }</option>`,
    )}</select></label>`,
)}
<button type="submit">${t.filter.apply}</button>
</form>`;
}
