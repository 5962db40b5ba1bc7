import { canSeeUnit } from '../access.js';
import { emptyTrendPoint, trendPoint } from '../data/week-summary.js';
import { FINDING_COLUMNS, findingRows } from './finding-rows.js';
import { groupCounts } from './group-counts.js';
import { GROUP_COLUMNS, groupRows } from './group-rows.js';
import { OVERLAP_COLUMNS, overlapRows } from './overlap-rows.js';
import { type PageContext, pageFrame, pageTools } from './page-context.js';
import { type ChartData, type Kpi, type Note, type PageData, PageNotFound, type Table } from './page-data.js';
import { RECOMMENDATION_COLUMNS, recommendationRows } from './recommendation-rows.js';
import { DAY_COLUMNS, volumeCharts } from './volume-charts.js';

/**
 * One unit (`?u=NAME`; empty for groups without a unit): its groups now and week by week, the
 * week's volume by day and hour, its groups' figures, overlaps, findings and recommendations.
 * Figures about the unit's members are hidden when the plan hides the unit (as the audit's row);
 * each week of its trend follows that week's plan.
 */
export function buildUnitPage(ctx: PageContext): PageData {
  const raw = ctx.query.u;
  if (raw === undefined) throw new PageNotFound();
  const unit = raw === '' ? null : raw;
  if (!canSeeUnit(ctx.access, unit)) throw new PageNotFound();
  const { source, week } = ctx;
  const tools = pageTools(ctx);
  const { view } = tools;
  const all = source.lifecycles().filter((g) => tools.unitOf(g.id) === unit && tools.visible(g.id));
  if (all.length === 0) throw new PageNotFound();
  const ids = new Set(all.map((g) => g.id));
  const inWeek = [...ids].filter((id) => view.groups.has(id));
  const minPeople = source.config.recommend.minPeople;
  const row = source.audit(week, ctx.access).units.find((r) => r.unit === unit);
  const hidden = row === undefined || tools.plan.unitHidden(unit);

  const weeks = source.trendWeeks(week);
  const counts = groupCounts(all, weeks, source.config.timezone, tools.unitOf, () => true)[0]?.counts ?? [];
  const inUnit = (g: string) => ids.has(g);
  const summaries = hidden ? [] : source.trendSummaries(weeks);
  const points = summaries.map((sum, i) =>
    sum === null || source.planOf(sum, ctx.access).unitHidden(unit)
      ? emptyTrendPoint(weeks[i] as string)
      : trendPoint(sum, inUnit, minPeople),
  );
  const pending = summaries.filter((sum) => sum === null).length;
  const volume = volumeCharts(tools, inWeek);
  const charts: ChartData[] = [
    {
      id: 'groupCount',
      kind: 'series',
      categories: weeks,
      series: [{ key: 'groups', data: counts, type: 'line' }],
    },
  ];
  if (!hidden) {
    charts.push(
      {
        id: 'weeklyMessages',
        kind: 'series',
        categories: weeks,
        series: [{ key: 'messages', data: points.map((p) => p.messages), type: 'bar' }],
      },
      ...volume.charts,
    );
  }
  const tables: Table[] = [
    { name: 'groups', columns: GROUP_COLUMNS, rows: groupRows(tools, inWeek) },
    {
      name: 'overlaps',
      columns: OVERLAP_COLUMNS,
      rows: overlapRows(tools, ids, minPeople, source.recommendations(week)),
    },
    { name: 'findings', columns: FINDING_COLUMNS, rows: findingRows(tools, ids, minPeople) },
    {
      name: 'recommendations',
      columns: RECOMMENDATION_COLUMNS,
      rows: recommendationRows(
        ctx,
        tools,
        source.recommendations(week).filter((r) => r.groupIds.some(inUnit)),
      ),
    },
  ];
  if (!hidden) tables.push({ name: 'days', columns: DAY_COLUMNS, rows: volume.days });

  const kpis: Kpi[] = [
    {
      key: 'groups',
      kind: 'number',
      value: row?.groups ?? counts[counts.length - 1] ?? 0,
      change: row ? row.groups - row.groupsLastWeek : null,
    },
    { key: 'people', kind: 'number', value: row?.people ?? null },
    { key: 'messages', kind: 'number', value: row?.messages ?? null },
    { key: 'offHoursShare', kind: 'share', value: row?.offHoursShare ?? null },
    { key: 'duplicateRate', kind: 'share', value: row?.duplicateRate ?? null },
    { key: 'rollCalls', kind: 'number', value: row?.rollCalls ?? null },
    { key: 'atAllMessages', kind: 'number', value: row?.atAllMessages ?? null },
    { key: 'zombies', kind: 'number', value: row?.zombies ?? 0 },
  ];
  const notes: Note[] = hidden ? [{ key: 'hiddenUnit' }] : [];
  if (pending > 0) notes.push({ key: 'pendingWeeks', n: pending });
  return {
    ...pageFrame(ctx, 'unit', tools.unitLabel(unit), { u: raw }),
    kpis,
    charts,
    tables,
    notes,
  };
}
