/**
 * The digest's chart of the week, rendered without a browser: ECharts server-side SVG, turned into
 * a PNG by resvg. Chinese labels need a CJK font installed on the machine (Debian: fonts-noto-cjk,
 * found by chartFonts); without one Chinese glyphs are left out.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { chartFonts } from './chart-fonts.js';
import { DIGEST_TEXT, type DigestLocale } from './digest-text.js';

type ECharts = typeof import('echarts');
let loaded: ECharts | undefined;
/**
 * ECharts takes over a second to load: every CLI command would pay it at start-up if it were a static
 * import (the command table reaches this file), so it is loaded on the first chart instead.
 */
function echartsModule(): ECharts {
  loaded ??= createRequire(import.meta.url)('echarts') as ECharts;
  return loaded;
}

export interface WeekChartInput {
  week: string;
  /** Local dates (YYYY-MM-DD), one per day of the week. */
  days: string[];
  /** Messages per day (all of the owner's groups together). */
  messages: number[];
  /** Share of the day's messages sent outside working hours, 0..1; null on a day without messages. */
  offHoursShare: (number | null)[];
  /** Repeated copies of notices received per day. */
  duplicates: number[];
}

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Families tried in order. A Latin font comes first: resvg parses a CJK font anew for every text
 * element that uses it (about 50 ms each for Noto Sans CJK), so only the few labels with Chinese
 * characters (title, legend) should reach it; dates and numbers are ASCII.
 */
const FONT_FAMILY =
  'DejaVu Sans, Liberation Sans, Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Zen Hei, sans-serif';

export function renderWeekChartSvg(
  input: WeekChartInput,
  locale: DigestLocale,
  size: ChartSize = { width: 800, height: 450 },
): string {
  const t = DIGEST_TEXT[locale];
  const chart = echartsModule().init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY },
      title: { text: t.chartTitle(input.week), left: 'center', top: 8, textStyle: { fontSize: 16 } },
      legend: { bottom: 8, data: [t.chartMessages, t.chartDuplicates, t.chartOffHours] },
      grid: { left: 56, right: 56, top: 48, bottom: 72 },
      xAxis: {
        type: 'category',
        // ASCII only ("11-16"), see FONT_FAMILY; the title names the week.
        data: input.days.map((d) => d.slice(5)),
      },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: t.chartMessages, type: 'bar', data: input.messages, itemStyle: { color: '#4e79a7' } },
        { name: t.chartDuplicates, type: 'bar', data: input.duplicates, itemStyle: { color: '#f28e2b' } },
        {
          name: t.chartOffHours,
          type: 'line',
          yAxisIndex: 1,
          data: input.offHoursShare.map((s) => (s === null ? null : Math.round(s * 1000) / 10)),
          itemStyle: { color: '#e15759' },
          lineStyle: { width: 2 },
          connectNulls: true,
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG (white background), ready to send as an image. */
export function renderWeekChart(
  input: WeekChartInput,
  locale: DigestLocale,
  size: ChartSize = { width: 800, height: 450 },
): Buffer {
  const fonts = chartFonts();
  return new Resvg(renderWeekChartSvg(input, locale, size), {
    background: '#ffffff',
    font: {
      loadSystemFonts: fonts.files.length === 0,
      fontFiles: fonts.files,
      defaultFontFamily: fonts.defaultFamily,
      sansSerifFamily: fonts.defaultFamily,
    },
  })
    .render()
    .asPng();
}
