import type { ChartData } from '../pages/page-data.js';
import type { WebText } from './web-text.js';

const COLORS = [
  '#2f6fb0',
  '#d9822b',
  '#3a9d5d',
  '#c23b3b',
  '#8058a5',
  '#1b9aaa',
  '#a0522d',
  '#6b7c93',
  '#b5a000',
  '#d45087',
];

/**
 * The ECharts option of a chart, as JSON (no functions: it travels in a JSON data block). Shares
 * are plotted as percentages on a second axis. Animation is off: charts are drawn at once.
 */
export function chartOption(chart: ChartData, t: WebText): Record<string, unknown> {
  return chart.kind === 'heatmap' ? heatmapOption(chart, t) : seriesOption(chart, t);
}

function seriesOption(chart: ChartData, t: WebText): Record<string, unknown> {
  const hasShare = chart.series.some((s) => s.share);
  const label = (key: string, literal?: string) => literal ?? t.kpi[key] ?? t.enums[key] ?? key;
  return {
    animation: false,
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: chart.series.length > 1 ? { type: 'scroll', top: 0 } : { show: false },
    grid: { left: 8, right: 8, top: chart.series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: chart.categories, axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      ...(hasShare
        ? [
            {
              type: 'value',
              min: 0,
              max: 100,
              axisLabel: { formatter: '{value}%' },
              splitLine: { show: false },
            },
          ]
        : []),
    ],
    series: chart.series.map((s) => ({
      name: label(s.key, s.label),
      type: s.type,
      data: s.share ? s.data.map((x) => (x === null ? null : Math.round(x * 1000) / 10)) : s.data,
      yAxisIndex: s.share ? 1 : 0,
      ...(s.stack ? { stack: s.stack } : {}),
      ...(s.type === 'line' ? { connectNulls: false, symbolSize: 6 } : { barMaxWidth: 48 }),
    })),
  };
}

function heatmapOption(chart: ChartData, t: WebText): Record<string, unknown> {
  const matrix = chart.matrix ?? [];
  const data: [number, number, number][] = [];
  let max = 0;
  matrix.forEach((row, day) => {
    row.forEach((n, hour) => {
      data.push([hour, day, n]);
      if (n > max) max = n;
    });
  });
  return {
    animation: false,
    tooltip: { position: 'top' },
    grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: Array.from({ length: 24 }, (_, h) => t.hour(h)),
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: t.weekdays, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: Math.max(1, max),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#f4f8fc', '#9ecae1', '#2f6fb0', '#08306b'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: false },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      },
    ],
  };
}
