import { readFileSync, statSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartFonts } from '../../src/render/chart-fonts.js';
import { fontFileFor, subsetGlyphOutlines } from '../../src/render/font-subset.js';
import {
  renderWeekChart,
  renderWeekChartSvg,
  type WeekChartInput,
} from '../../src/render/render-week-chart.js';

const week: WeekChartInput = {
  week: '2026-W47',
  days: ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'],
  messages: [120, 96, 110, 83, 125, 11, 13],
  offHoursShare: [0.15, 0.08, 0.12, 0.24, 0.26, 1, null],
  duplicates: [3, 2, 4, 1, 6, 0, 1],
};

/** The chart as resvg draws it from the whole font files (what renderWeekChart did before the cut). */
function withWholeFonts(locale: 'zh-CN' | 'en'): Buffer {
  const fonts = chartFonts();
  return new Resvg(renderWeekChartSvg(week, locale, { width: 800, height: 450 }, fonts.familyList), {
    background: '#ffffff',
    font: {
      loadSystemFonts: fonts.loadSystemFonts,
      fontFiles: fonts.files,
      defaultFontFamily: fonts.defaultFamily,
      sansSerifFamily: fonts.defaultFamily,
    },
  })
    .render()
    .asPng();
}

describe('font files cut to the glyphs a chart draws', () => {
  // The "ff" of "off-hours" is a GSUB ligature in DejaVu Sans: the English chart checks that
  // substituted glyphs are kept; the Chinese one checks the CJK face.
  it.each(['zh-CN', 'en'] as const)('give the same PNG, byte for byte, as the whole fonts (%s)', (locale) => {
    expect(renderWeekChart(week, locale).equals(withWholeFonts(locale))).toBe(true);
  });

  it('are a small part of the bundled CJK font, made once per character set', () => {
    const cjk = chartFonts().cjk;
    expect(cjk).not.toBeNull();
    const file = (cjk as { file: string }).file;
    const svg = renderWeekChartSvg(week, 'zh-CN');
    const cut = fontFileFor(file, svg);
    expect(cut).not.toBe(file);
    expect(statSync(cut).size).toBeLessThan(statSync(file).size / 5);
    expect(fontFileFor(file, svg)).toBe(cut);
  });

  it('leave a font that is not plain TrueType whole', () => {
    expect(subsetGlyphOutlines(Buffer.from('OTTO\u0000\u0000\u0000\u0000'), [0x41])).toBeNull();
    const ttc = Buffer.concat([Buffer.from('ttcf'), Buffer.alloc(8)]);
    expect(subsetGlyphOutlines(ttc, [0x41])).toBeNull();
    const cjk = chartFonts().cjk as { file: string };
    expect(subsetGlyphOutlines(readFileSync(cjk.file), [0x6d88])?.length).toBeGreaterThan(0);
  });
});
