import { describe, expect, it } from 'vitest';
import { tableToCsv, tableToJson } from '../../src/web/export-table.js';
import type { PageData, Table } from '../../src/web/pages/page-data.js';
import { parseStrictCsv } from './strict-csv.js';

const page = {
  page: 'overview',
  week: '2026-W47',
  timezone: 'Asia/Shanghai',
  scope: null,
  minPeople: 5,
  subject: null,
} as PageData;

const table: Table = {
  name: 'test',
  columns: [
    { key: 'group', kind: 'text' },
    { key: 'n', kind: 'number' },
    { key: 'share', kind: 'share' },
    { key: 'time', kind: 'time' },
    { key: '2026-W47', kind: 'number', label: '2026-W47' },
  ],
  rows: [
    {
      cells: {
        group: '普通的群',
        n: -3,
        share: 0.123456,
        time: Date.parse('2026-11-17T02:00:00Z'),
        '2026-W47': 1,
      },
    },
    { cells: { group: '=HYPERLINK("http://x")', n: null, share: null, time: null, '2026-W47': 0 } },
    { cells: { group: 'a, "b"\r\nc', n: 0, share: 1, time: 0, '2026-W47': 2 } },
    { cells: { group: '+1', n: 1, share: 0, time: 0, '2026-W47': 2 } },
  ],
};

describe('tableToCsv', () => {
  const csv = tableToCsv(table, page);
  const rows = parseStrictCsv(csv.slice(1));

  it('is strict RFC 4180 with a BOM and CRLF', () => {
    expect(csv.startsWith('\uFEFFgroup,n,share,time,2026-W47\r\n')).toBe(true);
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r).toHaveLength(5);
  });

  it('writes raw values: shares as fractions, times in the zone, hidden as —', () => {
    expect(rows[1]).toEqual(['普通的群', '-3', '0.1235', '2026-11-17T10:00:00.000+08:00', '1']);
    expect(rows[2]?.slice(1, 4)).toEqual(['—', '—', '—']);
    expect(rows[3]?.[0]).toBe('a, "b"\r\nc');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(rows[2]?.[0]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[4]?.[0]).toBe("'+1");
    expect(rows[1]?.[1]).toBe('-3');
  });
});

describe('tableToJson', () => {
  it('keeps null for hidden figures and names the table', () => {
    const json = JSON.parse(tableToJson(table, page));
    expect(json).toMatchObject({
      schemaVersion: 1,
      page: 'overview',
      table: 'test',
      week: '2026-W47',
      minPeople: 5,
    });
    expect(json.columns.map((c: { key: string }) => c.key)).toEqual([
      'group',
      'n',
      'share',
      'time',
      '2026-W47',
    ]);
    expect(json.rows[1]).toEqual({
      group: '=HYPERLINK("http://x")',
      n: null,
      share: null,
      time: null,
      '2026-W47': 0,
    });
  });
});
