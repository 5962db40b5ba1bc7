import type { Locale } from '../../model/locale.js';
import type { PageData, Table } from '../pages/page-data.js';
import { formatCell } from './format-cell.js';
import { href } from './href.js';
import { html, type SafeHtml } from './html.js';
import { webText } from './web-text.js';

/** Rows shown per table; exports always hold every row. */
export const MAX_ROWS = 500;

const NUMERIC = new Set(['number', 'share', 'decimal']);

/** The export links of a table: the same page, subject, filters, week and language. */
export function exportLinks(page: PageData, table: string, locale: Locale): SafeHtml {
  const t = webText(locale);
  const link = (format: string) =>
    href(`/export/${page.page}/${table}.${format}`, locale, { ...page.query, week: page.week });
  return html`<p class="export">${t.exportAs}<a href="${link('csv')}" download>CSV</a> · <a href="${link('json')}" download>JSON</a></p>`;
}

/** A table with its heading and export links; every cell escaped, links carry the page's language. */
export function tableView(page: PageData, table: Table, locale: Locale): SafeHtml {
  const t = webText(locale);
  const rows = table.rows.slice(0, MAX_ROWS);
  const head = table.columns.map(
    (c) =>
      html`<th scope="col"${NUMERIC.has(c.kind) ? html` class="num"` : ''}>${c.label ?? t.column[c.key] ?? c.key}</th>`,
  );
  const body = rows.map(
    (r) =>
      html`<tr>${table.columns.map((c) => {
        const text = formatCell(r.cells[c.key] ?? null, c.kind, t, page.timezone);
        const link = r.links?.[c.key];
        const content = link ? html`<a href="${href(link, locale)}">${text}</a>` : text;
        return html`<td${NUMERIC.has(c.kind) ? html` class="num"` : ''}>${content}</td>`;
      })}</tr>`,
  );
  return html`<section class="table" id="table-${table.name}">
<h2>${t.table[table.name] ?? table.name}</h2>
${exportLinks(page, table.name, locale)}
${
  table.rows.length === 0
    ? html`<p class="empty">${t.noRows}</p>`
    : html`<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`
}
${table.rows.length > MAX_ROWS ? html`<p class="more">${t.moreRows(MAX_ROWS, table.rows.length)}</p>` : ''}
</section>`;
}
