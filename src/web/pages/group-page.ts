import { FINDING_COLUMNS, findingRows } from './finding-rows.js';
import { OVERLAP_COLUMNS, overlapRows } from './overlap-rows.js';
import { type PageContext, pageFrame, pageTools } from './page-context.js';
import { type ChartData, type Kpi, type PageData, PageNotFound, type Table } from './page-data.js';
import { RECOMMENDATION_COLUMNS, recommendationRows } from './recommendation-rows.js';
import { DAY_COLUMNS, volumeCharts } from './volume-charts.js';

/**
 * One group (`?id=GROUP`): members, the week's volume by day and by weekday × hour, the off-hours
 * share, messages week by week, the groups it overlaps (mergeable only where the merge rule says so), the week's findings with
 * excerpts, and its recommendations. A group the plan hides (fewer than minPeople members, or hidden
 * so that another cannot be worked out from a total) shows none of its member-derived figures; each
 * week of its trend follows that week's plan, and the change against last week last week's.
 */
export function buildGroupPage(ctx: PageContext): PageData {
  const id = ctx.query.id;
  const tools = pageTools(ctx);
  if (id === undefined || !tools.visible(id)) throw new PageNotFound();
  const { source, week } = ctx;
  const { view } = tools;
  const minPeople = source.config.recommend.minPeople;
  const hidden = tools.plan.groupHidden(id) || !view.groups.has(id);
  const v = view.volume.get(id);
  const ids = new Set([id]);
  const f = view.analysis.findings;
  const count = (list: readonly { groupId: string }[]) => list.filter((x) => x.groupId === id).length;
  const previous = view.analysis.previous?.messagesByGroup[id];
  const messages = v?.messages ?? 0;
  const shown = (n: number | null | undefined): number | null => (hidden || n === undefined ? null : n);

  const charts: ChartData[] = [];
  const tables: Table[] = [];
  let pending = 0;
  if (!hidden) {
    const weeks = source.trendWeeks(week);
    const summaries = source.trendSummaries(weeks);
    const perWeek = summaries.map((sum) =>
      sum === null || source.planOf(sum, ctx.access).groupHidden(id)
        ? null
        : (sum.groups.get(id)?.messages ?? 0),
    );
    pending = summaries.filter((sum) => sum === null).length;
    const volume = volumeCharts(tools, [id]);
    charts.push(...volume.charts, {
      id: 'weeklyMessages',
      kind: 'series',
      categories: weeks,
      series: [{ key: 'messages', data: perWeek, type: 'bar' }],
    });
    tables.push({ name: 'days', columns: DAY_COLUMNS, rows: volume.days });
  }
  tables.push(
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
        source.recommendations(week).filter((r) => r.groupIds.includes(id)),
      ),
    },
  );
  const kpis: Kpi[] = [
    { key: 'members', kind: 'number', value: shown(view.analysis.data.members.get(id)?.length ?? 0) },
    {
      key: 'messages',
      kind: 'number',
      value: shown(messages),
      change:
        previous === undefined || hidden || tools.previousPlan().groupHidden(id) ? null : messages - previous,
    },
    {
      key: 'offHoursShare',
      kind: 'share',
      value: hidden || messages === 0 ? null : (v?.offHoursMessages ?? 0) / messages,
    },
    { key: 'atAllMessages', kind: 'number', value: shown(v?.atAllMessages) },
    {
      key: 'duplicateNotices',
      kind: 'number',
      value: shown(f.duplicates.filter((c) => c.groupIds.includes(id)).length),
    },
    { key: 'rollCalls', kind: 'number', value: shown(count(f.rollCalls)) },
    { key: 'ackFloods', kind: 'number', value: shown(count(f.ackFloods)) },
    { key: 'zombie', kind: 'enum', value: f.zombies.some((z) => z.groupId === id) ? 'yes' : 'no' },
  ];
  return {
    ...pageFrame(ctx, 'group', tools.groupName(id), { id }),
    parent: { label: tools.unitLabel(tools.unitOf(id)), href: tools.unitLink(tools.unitOf(id)) },
    kpis,
    charts,
    tables,
    notes: [
      ...(hidden ? [{ key: view.groups.has(id) ? 'hiddenGroup' : 'notYet' }] : []),
      ...(pending > 0 ? [{ key: 'pendingWeeks', n: pending }] : []),
    ],
  };
}
