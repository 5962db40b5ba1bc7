/**
 * The font files the chart renderer loads. resvg's `loadSystemFonts` re-scans every system font on
 * each render (close to a second per chart here); instead the usual font folders are searched once
 * per process for one CJK font and one Latin font, and only those are loaded. Without any, resvg
 * falls back to scanning the system itself.
 */
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

/** File-name patterns, most wanted first, and the family each provides. */
const WANTED: readonly [RegExp, string][] = [
  [/^NotoSansCJK-Regular\.tt[cf]$/i, 'Noto Sans CJK SC'],
  [/^NotoSansCJKsc-Regular\.otf$/i, 'Noto Sans CJK SC'],
  [/^NotoSansSC-Regular\.[ot]tf$/i, 'Noto Sans SC'],
  [/^SourceHanSans(SC|CN)?-Regular\.(otf|ttc)$/i, 'Source Han Sans SC'],
  [/^wqy-zenhei\.ttc$/i, 'WenQuanYi Zen Hei'],
  [/^wqy-microhei\.ttc$/i, 'WenQuanYi Micro Hei'],
  [/^DroidSansFallbackFull\.ttf$/i, 'Droid Sans Fallback'],
];
const LATIN: readonly [RegExp, string][] = [
  [/^DejaVuSans\.ttf$/i, 'DejaVu Sans'],
  [/^LiberationSans-Regular\.ttf$/i, 'Liberation Sans'],
];
const FOLDERS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  join(homedir(), '.local/share/fonts'),
  join(homedir(), '.fonts'),
];

export interface ChartFonts {
  /** Files to load; empty means "let resvg scan the system". */
  files: string[];
  /** The family text falls back to (the Latin one when there is one: see render-week-chart.ts). */
  defaultFamily: string;
}

function fontFiles(): string[] {
  const out: string[] = [];
  for (const folder of FOLDERS) {
    try {
      for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' }))
        out.push(join(folder, entry));
    } catch {
      // A missing folder is normal.
    }
  }
  return out;
}

function pick(files: readonly string[], wanted: readonly [RegExp, string][]): [string, string] | undefined {
  for (const [pattern, family] of wanted) {
    const file = files.find((f) => pattern.test(basename(f)));
    if (file) return [file, family];
  }
  return undefined;
}

let found: ChartFonts | undefined;

/** Searched once per process. */
export function chartFonts(): ChartFonts {
  if (!found) {
    const files = fontFiles();
    const cjk = pick(files, WANTED);
    const latin = pick(files, LATIN);
    found = {
      files: [cjk?.[0], latin?.[0]].filter((f): f is string => f !== undefined),
      defaultFamily: latin?.[1] ?? cjk?.[1] ?? 'sans-serif',
    };
  }
  return found;
}
