import type { AuditRow, SupervisorAudit } from '../recommend/supervisor-audit.js';
import { type CsvValue, toCsv } from './csv.js';

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
  const rows: CsvValue[][] = [
    ...a.units.map((u) => csvRow('unit', u, u.unit ?? unassigned)),
    csvRow('total', a.total, ''),
    ...a.breaches.map((b) => [
      'breach',
      b.unit ?? unassigned,
      ...new Array<string>(12).fill(''),
      b.policy,
      b.groupId ?? '',
      b.groupName ?? '',
      b.value,
      b.limit,
    ]),
  ];
  return toCsv([CSV_COLUMNS, ...rows]);
}
