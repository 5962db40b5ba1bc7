/**
 * The digest's chart of the week, rendered without a browser: ECharts server-side SVG, turned into
 * a PNG by resvg. Chinese labels are drawn with the bundled Noto Sans SC (chart-fonts.ts), so no
 * CJK font needs to be installed; text that may come from people goes through `drawableText`.
 */

import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { Locale } from '../model/locale.js';
import type { WeekChartInput } from '../model/week-chart.js';
import { type ChartFontOptions, chartFonts, drawableText } from './chart-fonts.js';
import { DIGEST_TEXT } from './digest-text.js';
import { fontFileFor } from './font-subset.js';

type ECharts = typeof import('echarts');
let loaded: ECharts | undefined;
/**
 * ECharts takes over a second to load: every CLI command would pay it at start-up if it were a static
 * import (the command table reaches this file), so it is loaded on the first chart instead.
 * The "common" build (bar, line, title, legend, grid among its parts — all this chart uses), minified:
 * ~0.2 s to load under tsx against ~0.7 s for the full bundle, and the same SVG for this chart
 * (400 random weeks in both locales compared equal when it was chosen; test/render/render-week-chart.test.ts
 * compares it with the full bundle).
 */
function echartsModule(): ECharts {
  loaded ??= createRequire(import.meta.url)('echarts/dist/echarts.common.min.js') as ECharts;
  return loaded;
}

export type { WeekChartInput };

export interface ChartSize {
  width: number;
  height: number;
}

const DEFAULT_SIZE: ChartSize = { width: 800, height: 450 };

/**
 * `fontFamily` is the family list the text asks for, Latin first (see chart-fonts.ts): resvg falls
 * back per character, so only Chinese reaches the CJK face.
 */
export function renderWeekChartSvg(
  input: WeekChartInput,
  locale: Locale,
  size: ChartSize = DEFAULT_SIZE,
  fontFamily = chartFonts().familyList,
  /** Which ECharts build draws it (a test compares the build used here with the full one). */
  library: Pick<ECharts, 'init'> = echartsModule(),
): string {
  const t = DIGEST_TEXT[locale];
  const legend = {
    messages: drawableText(t.chartMessages),
    duplicates: drawableText(t.chartDuplicates),
    offHours: drawableText(t.chartOffHours),
  };
  const chart = library.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily },
      title: {
        text: drawableText(t.chartTitle(input.week)),
        left: 'center',
        top: 8,
        textStyle: { fontSize: 16 },
      },
      legend: { bottom: 8, data: [legend.messages, legend.duplicates, legend.offHours] },
      grid: { left: 56, right: 56, top: 48, bottom: 72 },
      xAxis: {
        type: 'category',
        // ASCII only ("11-16"), see chart-fonts.ts; the title names the week.
        data: input.days.map((d) => d.slice(5)),
      },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: legend.messages, type: 'bar', data: input.messages, itemStyle: { color: '#4e79a7' } },
        { name: legend.duplicates, type: 'bar', data: input.duplicates, itemStyle: { color: '#f28e2b' } },
        {
          name: legend.offHours,
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
  locale: Locale,
  size: ChartSize = DEFAULT_SIZE,
  /** Which fonts to use (chart-fonts.ts); default: the bundled CJK font plus a system Latin face. */
  fontOptions: ChartFontOptions = {},
): Buffer {
  const fonts = chartFonts(fontOptions);
  const svg = renderWeekChartSvg(input, locale, size, fonts.familyList);
  return new Resvg(svg, {
    background: '#ffffff',
    font: {
      loadSystemFonts: fonts.loadSystemFonts,
      // Cut to the glyphs this chart draws (font-subset.ts): same PNG, a tenth of the reading.
      fontFiles: fonts.files.map((file) => fontFileFor(file, svg)),
      defaultFontFamily: fonts.defaultFamily,
      sansSerifFamily: fonts.defaultFamily,
    },
  })
    .render()
    .asPng();
}
