import type { AuditBreach } from '../../recommend/supervisor-audit.js';
import { emptyTrendPoint, trendPoint } from '../data/week-summary.js';
import { groupCounts } from './group-counts.js';
import { type PageContext, pageFrame, pageTools } from './page-context.js';
import type { ChartData, PageData, Row, Table } from './page-data.js';

const AUDIT_COLUMNS = [
  ['people', 'number'],
  ['groups', 'number'],
  ['groupsLastWeek', 'number'],
  ['groupsFirstWeek', 'number'],
  ['created', 'number'],
  ['dissolved', 'number'],
  ['zombies', 'number'],
  ['messages', 'number'],
  ['offHoursShare', 'share'],
  ['duplicateRate', 'share'],
  ['rollCalls', 'number'],
  ['atAllMessages', 'number'],
] as const;

const TREND_KEYS = [
  'messages',
  'offHoursShare',
  'duplicateNotices',
  'repeatedCopies',
  'rollCalls',
  'ackFloods',
] as const;

/**
 * The overview: work groups per unit now and week by week (the audit's figures, scoped to what the
 * viewer sees), the weekly trend of duplicate notices, roll-calls, acknowledgement floods and the
 * off-hours share, and the week's policy breaches.
 */
export function buildOverviewPage(ctx: PageContext): PageData {
  const { source, access, week } = ctx;
  const tools = pageTools(ctx);
  const { unitLabel, unitLink, visible, unitOf } = tools;
  const audit = source.audit(week, access);
  const minPeople = source.config.recommend.minPeople;
  const weeks = source.trendWeeks(week);
  const summaries = source.trendSummaries(weeks);
  // Each week's total follows that week's plan (rosters change from week to week).
  const points = summaries.map((sum, i) =>
    sum === null || source.planOf(sum, access).totalHidden
      ? emptyTrendPoint(weeks[i] as string)
      : trendPoint(sum, visible, minPeople),
  );
  const pending = summaries.filter((sum) => sum === null).length;
  const counts = groupCounts(source.lifecycles(), weeks, source.config.timezone, unitOf, visible);
  const now = points[points.length - 1];
  const before = points.length > 1 ? points[points.length - 2] : undefined;
  const change = (key: (typeof TREND_KEYS)[number]) => {
    const a = now?.[key];
    const b = before?.[key];
    return a === null || a === undefined || b === null || b === undefined ? null : a - b;
  };
  const total = audit.total;

  const units: Table = {
    name: 'units',
    columns: [{ key: 'unit', kind: 'text' }, ...AUDIT_COLUMNS.map(([key, kind]) => ({ key, kind }))],
    rows: audit.units.map((u) => ({
      cells: { unit: unitLabel(u.unit), ...Object.fromEntries(AUDIT_COLUMNS.map(([key]) => [key, u[key]])) },
      links: { unit: unitLink(u.unit) },
    })),
  };
  const groupCountTable: Table = {
    name: 'groupCounts',
    columns: [
      { key: 'unit', kind: 'text' },
      ...weeks.map((w) => ({ key: w, kind: 'number' as const, label: w })),
    ],
    rows: counts.map((c) => ({
      cells: { unit: unitLabel(c.unit), ...Object.fromEntries(weeks.map((w, i) => [w, c.counts[i] ?? 0])) },
      links: { unit: unitLink(c.unit) },
    })),
  };
  const trend: Table = {
    name: 'trend',
    columns: [
      { key: 'week', kind: 'week' },
      { key: 'groups', kind: 'number' },
      ...TREND_KEYS.map((key) => ({
        key,
        kind: key === 'offHoursShare' ? ('share' as const) : ('number' as const),
      })),
    ],
    rows: points.map((p, i) => ({
      cells: {
        week: p.week,
        groups: counts.reduce((n, c) => n + (c.counts[i] ?? 0), 0),
        ...pick(p, TREND_KEYS),
      },
      links: { week: `/?week=${p.week}` },
    })),
  };
  const breaches: Table = {
    name: 'breaches',
    columns: [
      { key: 'policy', kind: 'enum' },
      { key: 'unit', kind: 'text' },
      { key: 'group', kind: 'text' },
      { key: 'value', kind: 'number' },
      { key: 'limit', kind: 'number' },
    ],
    rows: audit.breaches.map(
      (b: AuditBreach): Row => ({
        cells: {
          policy: b.policy,
          unit: unitLabel(b.unit),
          group: b.groupId === null ? null : tools.groupName(b.groupId),
          value: b.value,
          limit: b.limit,
        },
        links: {
          unit: unitLink(b.unit),
          ...(b.groupId && tools.groupLink(b.groupId) ? { group: tools.groupLink(b.groupId) as string } : {}),
        },
      }),
    ),
  };

  const charts: ChartData[] = [
    {
      id: 'groupsPerUnit',
      kind: 'series',
      categories: weeks,
      series: counts.map((c) => ({
        key: 'unit',
        label: unitLabel(c.unit),
        data: c.counts,
        type: 'bar',
        stack: 'groups',
      })),
    },
    {
      id: 'burdenTrend',
      kind: 'series',
      categories: weeks,
      series: [
        ...(['duplicateNotices', 'rollCalls', 'ackFloods'] as const).map((key) => ({
          key,
          data: points.map((p) => p[key]),
          type: 'line' as const,
        })),
        { key: 'offHoursShare', data: points.map((p) => p.offHoursShare), type: 'line', share: true },
      ],
    },
  ];

  return {
    ...pageFrame(ctx, 'overview', null, {}),
    kpis: [
      { key: 'groups', kind: 'number', value: total.groups, change: total.groups - total.groupsLastWeek },
      {
        key: 'groupsVsFirstWeek',
        kind: 'number',
        value: total.groupsFirstWeek === null ? null : total.groups - total.groupsFirstWeek,
      },
      { key: 'people', kind: 'number', value: total.people },
      { key: 'messages', kind: 'number', value: now?.messages ?? null, change: change('messages') },
      {
        key: 'offHoursShare',
        kind: 'share',
        value: now?.offHoursShare ?? null,
        change: change('offHoursShare'),
      },
      {
        key: 'duplicateNotices',
        kind: 'number',
        value: now?.duplicateNotices ?? null,
        change: change('duplicateNotices'),
      },
      {
        key: 'repeatedCopies',
        kind: 'number',
        value: now?.repeatedCopies ?? null,
        change: change('repeatedCopies'),
      },
      { key: 'rollCalls', kind: 'number', value: now?.rollCalls ?? null, change: change('rollCalls') },
      { key: 'ackFloods', kind: 'number', value: now?.ackFloods ?? null, change: change('ackFloods') },
      { key: 'zombies', kind: 'number', value: total.zombies },
      { key: 'breaches', kind: 'number', value: audit.breaches.length + audit.hiddenBreaches },
    ],
    charts,
    tables: [units, groupCountTable, trend, breaches],
    notes: [
      ...(audit.hiddenBreaches > 0 ? [{ key: 'hiddenBreaches', n: audit.hiddenBreaches }] : []),
      ...(pending > 0 ? [{ key: 'pendingWeeks', n: pending }] : []),
    ],
  };
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Record<string, T[K]> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Record<string, T[K]>;
}
