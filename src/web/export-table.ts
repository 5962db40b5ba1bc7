import { DateTime } from 'luxon';
import { toCsv } from '../render/csv.js';
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

/**
 * CSV through the one writer the audit CLI uses too (src/render/csv.ts): a UTF-8 byte order mark (so
 * spreadsheet programs read Chinese correctly), CRLF line ends, text that a spreadsheet would run as a
 * formula neutralised with a leading apostrophe.
 */
export function tableToCsv(table: Table, page: PageData): string {
  return toCsv([
    table.columns.map((c) => c.label ?? c.key),
    ...table.rows.map((r) => table.columns.map((c) => exportValue(r.cells[c.key] ?? null, c, page.timezone))),
  ]);
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
