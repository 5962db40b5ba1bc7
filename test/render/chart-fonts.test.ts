/**
 * Charts must show real Chinese glyphs on a machine without any CJK font installed. The chart is
 * rendered with the system's fonts switched off (only the bundled Noto Sans SC) and compared with a
 * committed reference PNG: the ink in the title and legend bands must match. Two negative controls
 * prove the comparison can fail: the same chart drawn with a Latin-only font (Chinese as boxes) and
 * with no font at all (Chinese missing).
 *
 * Regenerate the reference after an intended change with QINGQUN_UPDATE_REFERENCE=1.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartFonts, describeChartFonts, drawableText } from '../../src/render/chart-fonts.js';
import { renderWeekChart, type WeekChartInput } from '../../src/render/render-week-chart.js';
import { type DecodedPng, decodePng } from './decode-png.js';

const REFERENCE = new URL('./fixtures/week-chart-zh-CN.png', import.meta.url);
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const week: WeekChartInput = {
  week: '2026-W47',
  days: ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'],
  messages: [120, 96, 110, 83, 125, 11, 13],
  offHoursShare: [0.15, 0.08, 0.12, 0.24, 0.26, 1, 1],
  duplicates: [3, 2, 4, 1, 6, 0, 1],
};

const isInk = (img: DecodedPng, i: number) =>
  (img.rgba[i] as number) + (img.rgba[i + 1] as number) + (img.rgba[i + 2] as number) < 3 * 160;

/**
 * Within rows [top, bottom): the pixels that are ink (dark text) in either image, and the share of
 * them that are ink in one image only. Identical text gives ~0; boxes or missing glyphs give a lot.
 */
function inkMismatch(a: DecodedPng, b: DecodedPng, top: number, bottom: number) {
  let either = 0;
  let differ = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      const ia = isInk(a, i);
      const ib = isInk(b, i);
      if (ia || ib) either++;
      if (ia !== ib) differ++;
    }
  }
  return { either, share: either === 0 ? 0 : differ / either };
}

// The title is drawn at y 8..32, the legend at the bottom (y 410..445) of the 800×450 chart.
const TITLE: [number, number] = [0, 40];
const LEGEND: [number, number] = [405, 450];
const TOLERANCE = 0.05;

describe('chart fonts', () => {
  it('use the bundled Noto Sans SC by default, with no system scan', () => {
    const fonts = chartFonts();
    expect(fonts.cjk?.source).toBe('bundled');
    expect(fonts.cjk?.family).toBe('Noto Sans SC');
    expect(fonts.loadSystemFonts).toBe(false);
    expect(fonts.missingCjk).toBe(false);
    const bundledOnly = chartFonts({ systemFonts: false });
    expect(bundledOnly.files).toEqual([fonts.cjk?.file]);
    expect(describeChartFonts(bundledOnly).cjk).toMatch(/^Noto Sans SC \(@expo-google-fonts\/noto-sans-sc/);
  });

  it('say when no CJK font is available at all', () => {
    const none = chartFonts({ systemFonts: false, bundledFile: null });
    expect(none.missingCjk).toBe(true);
    expect(none.files).toEqual([]);
    expect(describeChartFonts(none)).toEqual({ cjk: null, latin: null, missingCjk: true });
  });

  it('draw the Chinese title and legend as real glyphs with system fonts disabled', () => {
    const png = renderWeekChart(week, 'zh-CN', undefined, { systemFonts: false });
    if (process.env.QINGQUN_UPDATE_REFERENCE === '1' || !existsSync(REFERENCE)) {
      writeFileSync(REFERENCE, png);
    }
    const reference = decodePng(readFileSync(REFERENCE));
    const drawn = decodePng(png);
    expect([drawn.width, drawn.height]).toEqual([reference.width, reference.height]);
    for (const band of [TITLE, LEGEND]) {
      const m = inkMismatch(drawn, reference, ...band);
      expect(m.either).toBeGreaterThan(300); // there is text to compare
      expect(m.share).toBeLessThan(TOLERANCE);
    }
  });

  it('would notice Chinese drawn as boxes (Latin-only font) or left out (no font)', () => {
    const reference = decodePng(readFileSync(REFERENCE));
    const controls = [renderWeekChart(week, 'zh-CN', undefined, { systemFonts: false, bundledFile: null })];
    if (existsSync(DEJAVU)) {
      controls.push(renderWeekChart(week, 'zh-CN', undefined, { systemFonts: false, bundledFile: DEJAVU }));
    }
    for (const png of controls) {
      const title = inkMismatch(decodePng(png), reference, ...TITLE);
      expect(title.share).toBeGreaterThan(TOLERANCE * 4);
    }
  });

  it('leave out emoji the fonts cannot draw', () => {
    expect(drawableText('请各单位👍 按时报送 ✅️')).toBe('请各单位 按时报送');
    expect(drawableText('👨‍👩‍👧 家庭 🇨🇳')).toBe('家庭');
    expect(drawableText('2026-W47 每日消息')).toBe('2026-W47 每日消息');
  });
});
