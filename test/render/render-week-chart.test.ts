import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  renderWeekChart,
  renderWeekChartSvg,
  type WeekChartInput,
} from '../../src/render/render-week-chart.js';
import { decodePng, PNG_SIGNATURE } from './decode-png.js';

const DAYS = [
  '2026-11-16',
  '2026-11-17',
  '2026-11-18',
  '2026-11-19',
  '2026-11-20',
  '2026-11-21',
  '2026-11-22',
];
const week: WeekChartInput = {
  week: '2026-W47',
  days: DAYS,
  messages: [120, 96, 110, 83, 125, 11, 13],
  offHoursShare: [0.15, 0.08, 0.12, 0.24, 0.26, 1, 1],
  duplicates: [3, 2, 4, 1, 6, 0, 1],
};
const empty: WeekChartInput = {
  ...week,
  messages: DAYS.map(() => 0),
  offHoursShare: DAYS.map(() => null),
  duplicates: DAYS.map(() => 0),
};

/** How many pixels are close to the colour (#rrggbb). */
function count(rgba: Uint8Array, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (
      Math.abs((rgba[i] as number) - r) < 8 &&
      Math.abs((rgba[i + 1] as number) - g) < 8 &&
      Math.abs((rgba[i + 2] as number) - b) < 8
    )
      n++;
  }
  return n;
}

describe('renderWeekChart', () => {
  it('writes a PNG of the requested size', () => {
    const png = renderWeekChart(week, 'zh-CN', { width: 640, height: 360 });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 360]);
  });

  it('draws the bars and the off-hours line (not a blank image)', () => {
    const { width, height, rgba } = decodePng(renderWeekChart(week, 'en'));
    expect([width, height]).toEqual([800, 450]);
    const bars = count(rgba, '#4e79a7');
    expect(bars).toBeGreaterThan(5000);
    expect(count(rgba, '#f28e2b')).toBeGreaterThan(100);
    expect(count(rgba, '#e15759')).toBeGreaterThan(100);
    // A week of nothing draws no bars at all: the figures above come from the data.
    const blank = decodePng(renderWeekChart(empty, 'en'));
    expect(count(blank.rgba, '#4e79a7')).toBeLessThan(bars / 20);
  });

  it('labels the chart in the locale', () => {
    const svg = renderWeekChartSvg(week, 'en');
    expect(svg).toContain('<svg');
    expect(svg).toContain('messages per day');
    expect(renderWeekChartSvg(week, 'zh-CN')).toContain('每日消息');
  });
});

describe('the ECharts build the chart is drawn with', () => {
  // render-week-chart.ts loads the smaller "common" build for start-up time; it must draw this chart
  // exactly as the full bundle does.
  it.each(['zh-CN', 'en'] as const)('gives the same SVG as the full bundle (%s)', (locale) => {
    const full = createRequire(import.meta.url)('echarts') as typeof import('echarts');
    // Ids and class names count the charts each build has drawn in this process ("zr5-cls-34").
    const counted = (svg: string) => svg.replace(/zr\d+-(cls-\d+)?/g, 'zr-');
    for (const input of [week, empty]) {
      const size = { width: 800, height: 450 };
      expect(counted(renderWeekChartSvg(input, locale, size))).toBe(
        counted(renderWeekChartSvg(input, locale, size, undefined, full)),
      );
    }
  });
});
