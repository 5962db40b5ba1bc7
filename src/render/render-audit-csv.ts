import type { AuditRow, SupervisorAudit } from '../recommend/supervisor-audit.js';
import { type CsvValue, toCsv } from './csv.js';
import { CONSOLIDATION_COLUMNS, consolidationCells, consolidationRows } from './render-consolidation.js';

const CSV_COLUMNS = [
  'row',
  'unit',
  'people',
  'groups',
  'groups_last_week',
  'groups_first_week',
  'created',
  'dissolved',
  'zombies',
  'messages',
  'off_hours_share',
  'duplicate_rate',
  'roll_calls',
  'at_all_messages',
  'policy',
  'group_id',
  'group_name',
  'value',
  'limit',
];

function csvRow(kind: string, r: AuditRow, unit: string): CsvValue[] {
  const share = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
  return [
    kind,
    unit,
    r.people,
    r.groups,
    r.groupsLastWeek,
    r.groupsFirstWeek,
    r.created,
    r.dissolved,
    r.zombies,
    r.messages,
    share(r.offHoursShare),
    share(r.duplicateRate),
    r.rollCalls,
    r.atAllMessages,
    '',
    '',
    '',
    '',
    '',
  ];
}

/**
 * CSV for spreadsheets and scripts: fixed English column names whatever the locale, shares as
 * fractions, hidden figures as —. One row per unit, then the total, then one per listed breach.
 * Written by the shared writer (src/render/csv.ts): BOM, CRLF, names that look like formulas neutralised.
 */
export function renderAuditCsv(a: SupervisorAudit, unassigned: string): string {
  // The consolidation columns come after the original ones, only when the audit has those sections.
  const extra = a.groupsPerMember !== undefined;
  const more = (cells: string[]) => (extra ? cells : []);
  const rows: CsvValue[][] = [
    ...a.units.map((u) => [
      ...csvRow('unit', u, u.unit ?? unassigned),
      ...more(consolidationCells(a, u.unit)),
    ]),
    [...csvRow('total', a.total, ''), ...more(consolidationCells(a))],
    ...a.breaches.map((b) => [
      'breach',
      b.unit ?? unassigned,
      ...new Array<string>(12).fill(''),
      b.policy,
      b.groupId ?? '',
      b.groupName ?? '',
      b.value,
      b.limit,
      ...more(new Array<string>(CONSOLIDATION_COLUMNS.length).fill('')),
    ]),
    ...(extra ? consolidationRows(a, CSV_COLUMNS.length + CONSOLIDATION_COLUMNS.length, unassigned) : []),
  ];
  return toCsv([[...CSV_COLUMNS, ...more([...CONSOLIDATION_COLUMNS])], ...rows]);
}
