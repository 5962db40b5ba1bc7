/**
 * The one CSV writer of qingqun: the audit CLI (`qingqun audit --format csv`) and the dashboard's
 * exports (src/web/export-table.ts) both write through it, so a file opens the same way whichever
 * route made it.
 *
 * - RFC 4180 fields: a field holding `"`, `,`, CR or LF is quoted, its quotes doubled.
 * - Formula injection (OWASP "CSV injection"): a text that starts with `=`, `+`, `-`, `@`, a tab or a
 *   CR would be run by a spreadsheet as a formula (`=HYPERLINK(...)` in a unit or group name); it gets a
 *   leading apostrophe, which spreadsheets show as text and do not print. Numbers are written as
 *   numbers (a negative number is not a formula). Null is "—", a hidden figure.
 * - A UTF-8 byte order mark first (spreadsheet programs then read Chinese correctly) and CRLF line
 *   ends, the last line included.
 */
export type CsvValue = string | number | null;

/** Texts a spreadsheet would run as a formula (OWASP's list: = + - @, tab, carriage return). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A hidden figure (about fewer than `minPeople` people), as in every view. */
export const CSV_HIDDEN = '—';

export function csvField(value: CsvValue): string {
  if (value === null) return CSV_HIDDEN;
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (the first one the header) as a CSV file: BOM, CRLF after every record. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('')}`;
}
