import type { AuditRow, SupervisorAudit } from '../recommend/supervisor-audit.js';
import { CONSOLIDATION_COLUMNS, consolidationCells, consolidationRows } from './render-consolidation.js';

const DASH = '—';
const show = (x: number | null) => (x === null ? DASH : String(x));

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

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

function csvRow(kind: string, r: AuditRow, unit: string): string[] {
  const share = (x: number | null) => (x === null ? DASH : String(Math.round(x * 10_000) / 10_000));
  return [
    kind,
    unit,
    show(r.people),
    String(r.groups),
    String(r.groupsLastWeek),
    show(r.groupsFirstWeek),
    String(r.created),
    String(r.dissolved),
    String(r.zombies),
    show(r.messages),
    share(r.offHoursShare),
    share(r.duplicateRate),
    show(r.rollCalls),
    show(r.atAllMessages),
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
 */
export function renderAuditCsv(a: SupervisorAudit, unassigned: string): string {
  // The consolidation columns come after the original ones, only when the audit has those sections.
  const extra = a.groupsPerMember !== undefined;
  const more = (cells: string[]) => (extra ? cells : []);
  const rows = [
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
      String(b.value),
      String(b.limit),
      ...more(new Array<string>(CONSOLIDATION_COLUMNS.length).fill('')),
    ]),
    ...(extra ? consolidationRows(a, CSV_COLUMNS.length + CONSOLIDATION_COLUMNS.length, unassigned) : []),
  ];
  const header = [...CSV_COLUMNS, ...more([...CONSOLIDATION_COLUMNS])];
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n');
}
