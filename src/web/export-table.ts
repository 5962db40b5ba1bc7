import { DateTime } from 'luxon';
import type { Cell, Column, PageData, Table } from './pages/page-data.js';

/**
 * A table as a file. Columns are the table's keys (fixed English names whatever the language);
 * times are ISO 8601 with the configured zone's offset, shares fractions 0..1, enums their keys.
 * Hidden figures are null in JSON and "—" in CSV (as in the audit's CSV).
 */
function exportValue(value: Cell, column: Column, timezone: string): string | number | null {
  if (value === null) return null;
  if (column.kind === 'time' && typeof value === 'number')
    return DateTime.fromMillis(value, { zone: timezone }).toISO();
  if (column.kind === 'share' && typeof value === 'number') return Math.round(value * 10_000) / 10_000;
  return value;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180). Text that a spreadsheet would run as a formula gets a leading apostrophe. */
function csvField(value: string | number | null, column: Column): string {
  if (value === null) return '—';
  let s = String(value);
  if (typeof value === 'string' && column.kind === 'text' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a UTF-8 byte order mark (so spreadsheet programs read Chinese correctly) and CRLF line ends. */
export function tableToCsv(table: Table, page: PageData): string {
  const header = table.columns.map((c) => csvField(c.label ?? c.key, { key: c.key, kind: 'text' }));
  const lines = table.rows.map((r) =>
    table.columns.map((c) => csvField(exportValue(r.cells[c.key] ?? null, c, page.timezone), c)).join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

export function tableToJson(table: Table, page: PageData): string {
  return JSON.stringify(
    {
      schemaVersion: 1,
      page: page.page,
      table: table.name,
      week: page.week,
      timezone: page.timezone,
      scope: page.scope,
      minPeople: page.minPeople,
      subject: page.subject,
      columns: table.columns.map((c) => ({ key: c.label ?? c.key, kind: c.kind })),
      rows: table.rows.map((r) =>
        Object.fromEntries(
          table.columns.map((c) => [c.label ?? c.key, exportValue(r.cells[c.key] ?? null, c, page.timezone)]),
        ),
      ),
    },
    null,
    2,
  );
}
