import type { PageTools } from './page-context.js';
import type { ChartData, Column, Row } from './page-data.js';

export const DAY_COLUMNS: Column[] = [
  { key: 'date', kind: 'date' },
  { key: 'messages', kind: 'number' },
];

/**
 * Messages per local day and the weekday × hour heatmap, summed over the given groups (the caller
 * passes only groups whose figures may be shown), plus the per-day table behind the first chart.
 */
export function volumeCharts(
  tools: PageTools,
  groupIds: readonly string[],
): { charts: ChartData[]; days: Row[] } {
  const { view } = tools;
  const byDay = new Map<string, number>();
  const matrix = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const id of groupIds) {
    const v = view.volume.get(id);
    if (!v) continue;
    for (const [day, n] of Object.entries(v.byDay)) byDay.set(day, (byDay.get(day) ?? 0) + n);
    v.hourByWeekday.forEach((row, d) => {
      const sum = matrix[d] as number[];
      row.forEach((n, h) => {
        sum[h] = (sum[h] ?? 0) + n;
      });
    });
  }
  const days = weekDays(tools);
  const counts = days.map((d) => byDay.get(d) ?? 0);
  return {
    charts: [
      {
        id: 'dailyVolume',
        kind: 'series',
        categories: days,
        series: [{ key: 'messages', data: counts, type: 'bar' }],
      },
      { id: 'heatmap', kind: 'heatmap', categories: [], series: [], matrix },
    ],
    days: days.map((date, i) => ({ cells: { date, messages: counts[i] ?? 0 } })),
  };
}

/** The local dates of the week shown, Monday first. */
function weekDays(tools: PageTools): string[] {
  const { data } = tools.view.analysis;
  const days: string[] = [];
  for (let t = data.from; t < data.to; t += 86_400_000)
    days.push(tools.view.calendar.local(t + 43_200_000).date);
  return days;
}
