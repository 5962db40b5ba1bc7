import { RECOMMENDATION_KINDS } from '../../recommend/recommendation.js';
import { type PageContext, pageFrame, pageTools } from './page-context.js';
import type { ChartData, PageData } from './page-data.js';
import {
  distinctRecommendations,
  HISTORY_COLUMNS,
  historyRows,
  RECOMMENDATION_COLUMNS,
  recommendationRows,
  touchesVisible,
} from './recommendation-rows.js';

const STATUSES = ['open', 'accepted', 'dismissed'] as const;

/**
 * The week's recommendations about groups the viewer sees, filterable by kind, unit and status
 * (`?kind=&unit=&status=`; unknown values select nothing), and the stored accepted/dismissed answers.
 */
export function buildRecommendationsPage(ctx: PageContext): PageData {
  const tools = pageTools(ctx);
  const { source, week, query } = ctx;
  const kind = query.kind ?? '';
  const unit = query.unit ?? '';
  const status = query.status ?? '';
  const inUnit = (groupIds: readonly string[]) =>
    unit === '' || groupIds.some((g) => tools.visible(g) && tools.unitLabel(tools.unitOf(g)) === unit);
  const keep = (r: { kind: string; status: string; groupIds: readonly string[] }) =>
    touchesVisible(tools, r.groupIds) &&
    (kind === '' || r.kind === kind) &&
    (status === '' || r.status === status) &&
    inUnit(r.groupIds);

  const all = source.recommendations(week).filter((r) => touchesVisible(tools, r.groupIds));
  // Counted as the table shows them: identical advice once (one definition, recommendation-rows.ts).
  const shown = distinctRecommendations(ctx, tools, all.filter(keep));
  const history = source.statuses().filter(keep);

  const units = new Set<string>();
  for (const r of all)
    for (const g of r.groupIds) if (tools.visible(g)) units.add(tools.unitLabel(tools.unitOf(g)));
  const kinds = RECOMMENDATION_KINDS.filter((k) => shown.some((r) => r.kind === k));
  const chart: ChartData = {
    id: 'recommendationsByKind',
    kind: 'series',
    categories: kinds.map((k) => tools.t.enums[k] ?? k),
    series: STATUSES.map((s) => ({
      key: s,
      data: kinds.map((k) => shown.filter((r) => r.kind === k && r.status === s).length),
      type: 'bar' as const,
      stack: 'status',
    })),
  };
  const filterQuery: Record<string, string> = {};
  if (kind !== '') filterQuery.kind = kind;
  if (unit !== '') filterQuery.unit = unit;
  if (status !== '') filterQuery.status = status;
  const count = (s: string) => shown.filter((r) => r.status === s).length;
  return {
    ...pageFrame(ctx, 'recommendations', null, filterQuery),
    kpis: [
      { key: 'recommendations', kind: 'number', value: shown.length },
      { key: 'open', kind: 'number', value: count('open') },
      { key: 'accepted', kind: 'number', value: count('accepted') },
      { key: 'dismissed', kind: 'number', value: count('dismissed') },
    ],
    charts: [chart],
    tables: [
      {
        name: 'recommendations',
        columns: RECOMMENDATION_COLUMNS,
        rows: recommendationRows(ctx, tools, shown),
      },
      { name: 'history', columns: HISTORY_COLUMNS, rows: historyRows(tools, history) },
    ],
    notes: [{ key: 'history' }],
    filters: [
      {
        name: 'kind',
        value: kind,
        enumLabels: true,
        options: [{ value: '', label: null }, ...RECOMMENDATION_KINDS.map((k) => ({ value: k, label: k }))],
      },
      {
        name: 'unit',
        value: unit,
        enumLabels: false,
        options: [
          { value: '', label: null },
          ...[...units].sort((a, b) => a.localeCompare(b, 'zh-CN')).map((u) => ({ value: u, label: u })),
        ],
      },
      {
        name: 'status',
        value: status,
        enumLabels: true,
        options: [{ value: '', label: null }, ...STATUSES.map((s) => ({ value: s, label: s }))],
      },
    ],
  };
}
