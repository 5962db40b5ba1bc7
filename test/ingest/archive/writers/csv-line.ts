/**
 * One CSV record as Python's csv module (QUOTE_MINIMAL) and Go's encoding/csv write it: a field is
 * quoted when it holds a comma, a quote, a line break or leading/trailing space; quotes are doubled.
 */
export function csvLine(
  fields: readonly (string | number | boolean | null | undefined)[],
  eol = '\r\n',
): string {
  return (
    fields
      .map((f) => {
        const s = f === null || f === undefined ? '' : String(f);
        return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
      })
      .join(',') + eol
  );
}
