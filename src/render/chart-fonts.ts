/**
 * The font files the chart renderer loads. Charts must show real Chinese glyphs on any machine, so
 * the default is the CJK font qingqun ships as a dependency (Noto Sans SC, SIL OFL 1.1, from
 * `@expo-google-fonts/noto-sans-sc`), loaded by file with resvg's system scan off: the Chinese in
 * every chart is drawn from the same font whatever is installed. A Latin system font (DejaVu Sans or
 * Liberation Sans), when one is found in the usual folders, is loaded beside it only for speed:
 * resvg re-parses the 10 MB CJK font for every text element that uses it, and the dates and numbers
 * on the axes are ASCII (about 40 ms a chart with a Latin face, 150–250 ms without).
 *
 * Fallbacks, in order, when the bundled font is missing (a broken install): a system CJK font found
 * in the font folders; else resvg's own system scan, and `missingCjk` says Chinese will be boxes.
 * `qingqun doctor` prints `describeChartFonts()`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

/** The bundled font: package, file inside it, family name. */
export const BUNDLED_CJK = {
  package: '@expo-google-fonts/noto-sans-sc',
  file: '400Regular/NotoSansSC_400Regular.ttf',
  family: 'Noto Sans SC',
  license: 'SIL OFL 1.1',
} as const;

/** System CJK fonts, most wanted first, and the family each provides (the fallback). */
const SYSTEM_CJK: readonly [RegExp, string][] = [
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

export interface ChartFontFace {
  file: string;
  family: string;
  /** Where it came from: the bundled package or the system's font folders. */
  source: 'bundled' | 'system';
}

export interface ChartFonts {
  /** The CJK face, or null when none was found (Chinese will be drawn as boxes). */
  cjk: ChartFontFace | null;
  /** The Latin face used for ASCII labels, or null (then the CJK face draws them too). */
  latin: ChartFontFace | null;
  /** Files to load; empty means "let resvg scan the system". */
  files: string[];
  /** Whether resvg must scan the system's fonts (only when no CJK font was found at all). */
  loadSystemFonts: boolean;
  /** The family list for the chart's text, Latin first (see above). */
  familyList: string;
  /** The family text falls back to. */
  defaultFamily: string;
  /** True when no CJK font is available: Chinese labels would be boxes or missing. */
  missingCjk: boolean;
}

export interface ChartFontOptions {
  /**
   * Whether the system's font folders may be used at all (default true). With false only the
   * bundled font is loaded: the chart looks the same on every machine (tests use this).
   */
  systemFonts?: boolean;
  /** Override the bundled font file (tests: a missing file simulates a broken install). */
  bundledFile?: string | null;
}

function systemFontFiles(): string[] {
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

function pick(files: readonly string[], wanted: readonly [RegExp, string][]): ChartFontFace | null {
  for (const [pattern, family] of wanted) {
    const file = files.find((f) => pattern.test(basename(f)));
    if (file) return { file, family, source: 'system' };
  }
  return null;
}

/** The bundled font's path, or null when the package is not installed. */
export function bundledCjkFile(): string | null {
  try {
    const file = createRequire(import.meta.url).resolve(`${BUNDLED_CJK.package}/${BUNDLED_CJK.file}`);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

function resolveFonts(options: ChartFontOptions): ChartFonts {
  const useSystem = options.systemFonts ?? true;
  const bundled = options.bundledFile === undefined ? bundledCjkFile() : options.bundledFile;
  const system = useSystem ? systemFontFiles() : [];
  const cjk: ChartFontFace | null =
    bundled !== null && existsSync(bundled)
      ? { file: bundled, family: BUNDLED_CJK.family, source: 'bundled' }
      : pick(system, SYSTEM_CJK);
  const latin = pick(system, LATIN);
  const faces = [latin, cjk].filter((f): f is ChartFontFace => f !== null);
  const families = [...new Set([...faces.map((f) => f.family), 'sans-serif'])];
  return {
    cjk,
    latin,
    files: faces.map((f) => f.file),
    // Without a CJK face resvg's own scan is the last chance (and cannot hurt: nothing else draws).
    loadSystemFonts: cjk === null && useSystem,
    familyList: families.join(', '),
    defaultFamily: latin?.family ?? cjk?.family ?? 'sans-serif',
    missingCjk: cjk === null,
  };
}

const cache = new Map<string, ChartFonts>();

/** Resolved once per process and option set (the folder scan costs a few milliseconds). */
export function chartFonts(options: ChartFontOptions = {}): ChartFonts {
  const key = `${options.systemFonts ?? true}|${options.bundledFile === undefined ? 'default' : String(options.bundledFile)}`;
  let fonts = cache.get(key);
  if (!fonts) {
    fonts = resolveFonts(options);
    cache.set(key, fonts);
  }
  return fonts;
}

/** One line per face for `qingqun doctor` (English keys; the command localises the frame). */
export function describeChartFonts(fonts: ChartFonts = chartFonts()): {
  cjk: string | null;
  latin: string | null;
  missingCjk: boolean;
} {
  const face = (f: ChartFontFace | null) =>
    f === null
      ? null
      : `${f.family} (${f.source === 'bundled' ? `${BUNDLED_CJK.package}, ${BUNDLED_CJK.license}` : 'system'}: ${f.file})`;
  return { cjk: face(fonts.cjk), latin: face(fonts.latin), missingCjk: fonts.missingCjk };
}

/**
 * Emoji and other pictographs: neither the bundled Noto Sans SC nor the Latin faces draw them (no
 * OFL emoji font is installed as a package here), and resvg would leave a box. Any text that may
 * come from people (names, notice excerpts) is passed through this before it reaches a chart:
 * pictographs, their skin-tone modifiers, variation selectors, joiners, keycaps and flags are
 * dropped and the spaces left around them collapsed. The WeChat text parts keep emoji as sent.
 */
const PICTOGRAPHS =
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{200D}|\u{FE0E}|\u{FE0F}|\u{20E3}|[\u{E0020}-\u{E007F}])+/gu;

export function drawableText(text: string): string {
  return text
    .replace(PICTOGRAPHS, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
