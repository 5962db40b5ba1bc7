/**
 * A cut-down copy of a TrueType font holding only the glyph outlines a chart draws, so resvg reads
 * kilobytes instead of megabytes. Why: this resvg-js (2.6) takes fonts only as files, and its font
 * database re-reads the file for every glyph it outlines and every fallback lookup — about 25 reads of
 * the 10 MB Noto Sans SC per chart, ~200 ms of a chart's ~230 ms. (`font.fontBuffers`, which would
 * keep the data in memory, arrived in a later resvg-js.)
 *
 * The copy keeps every glyph id ("retain-gids" subsetting): every table is copied byte for byte except
 * `glyf` and `loca`, where the glyphs not wanted become empty. cmap, metrics, GSUB/GPOS and names are
 * the original ones, so font matching, fallback, shaping and layout are unchanged, and the glyphs
 * kept are byte-identical: the PNG is the same as with the full font (test/render checks it).
 * Wanted: glyph 0, the glyphs the cmap gives for the characters asked for, every glyph a GSUB
 * substitution can produce (ligatures, localised forms: without them "off-hours" lost its "ff"), and
 * the components of composite glyphs. Anything unexpected (a collection, CFF outlines, an unreadable
 * file) leaves the font whole.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';

const tag = (font: Buffer, at: number) => font.toString('latin1', at, at + 4);

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

function tables(font: Buffer): Map<string, TableRecord> | null {
  const version = font.readUInt32BE(0);
  // Plain TrueType outlines only ('true' or 1.0); collections and CFF fonts are not cut.
  if (version !== 0x00010000 && version !== 0x74727565) return null;
  const count = font.readUInt16BE(4);
  const out = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    out.set(tag(font, at), {
      tag: tag(font, at),
      offset: font.readUInt32BE(at + 8),
      length: font.readUInt32BE(at + 12),
    });
  }
  return out;
}

/** Glyph ids of `codePoints` from the cmap's Unicode subtable (format 12, else format 4). */
function glyphIds(font: Buffer, cmap: TableRecord, codePoints: ReadonlySet<number>): Set<number> {
  const base = cmap.offset;
  const subtables: number[] = [];
  for (let i = 0; i < font.readUInt16BE(base + 2); i++) {
    const at = base + 4 + 8 * i;
    const platform = font.readUInt16BE(at);
    const encoding = font.readUInt16BE(at + 2);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))
      subtables.push(base + font.readUInt32BE(at + 4));
  }
  const ids = new Set<number>();
  const format12 = subtables.find((s) => font.readUInt16BE(s) === 12);
  if (format12 !== undefined) {
    const groups = font.readUInt32BE(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + 12 * g;
      const start = font.readUInt32BE(at);
      const end = font.readUInt32BE(at + 4);
      const glyph = font.readUInt32BE(at + 8);
      for (const c of codePoints) if (c >= start && c <= end) ids.add(glyph + c - start);
    }
    return ids;
  }
  const format4 = subtables.find((s) => font.readUInt16BE(s) === 4);
  if (format4 === undefined) return ids;
  const segments = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (const c of codePoints) {
    if (c > 0xffff) continue;
    for (let s = 0; s < segments; s++) {
      if (c > font.readUInt16BE(ends + 2 * s)) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (c < start) break;
      const delta = font.readUInt16BE(deltas + 2 * s);
      const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
      if (rangeOffset === 0) ids.add((c + delta) & 0xffff);
      else {
        const glyph = font.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
        if (glyph !== 0) ids.add((glyph + delta) & 0xffff);
      }
      break;
    }
  }
  return ids;
}

/** Glyph ids a coverage table lists. */
function coverage(font: Buffer, at: number): number[] {
  const out: number[] = [];
  const count = font.readUInt16BE(at + 2);
  if (font.readUInt16BE(at) === 1)
    for (let i = 0; i < count; i++) out.push(font.readUInt16BE(at + 4 + 2 * i));
  else
    for (let i = 0; i < count; i++) {
      const r = at + 4 + 6 * i;
      for (let g = font.readUInt16BE(r); g <= font.readUInt16BE(r + 2); g++) out.push(g);
    }
  return out;
}

/**
 * Every glyph any GSUB substitution can produce (ligatures such as "ff", localised forms), whatever
 * its input: a few hundred glyphs at most, and shaping may pick any of them.
 */
function substitutes(font: Buffer, gsub: TableRecord): Set<number> {
  const out = new Set<number>();
  const list = gsub.offset + font.readUInt16BE(gsub.offset + 8);
  const subtable = (type: number, at: number): void => {
    const format = font.readUInt16BE(at);
    if (type === 7) {
      subtable(font.readUInt16BE(at + 2), at + font.readUInt32BE(at + 4));
    } else if (type === 1 && format === 1) {
      const delta = font.readUInt16BE(at + 4);
      for (const g of coverage(font, at + font.readUInt16BE(at + 2))) out.add((g + delta) & 0xffff);
    } else if (type === 1 && format === 2) {
      for (let i = 0; i < font.readUInt16BE(at + 4); i++) out.add(font.readUInt16BE(at + 6 + 2 * i));
    } else if (type === 2 || type === 3) {
      // Sequences (multiple) or alternate sets: each a count and glyph ids.
      for (let i = 0; i < font.readUInt16BE(at + 4); i++) {
        const set = at + font.readUInt16BE(at + 6 + 2 * i);
        for (let j = 0; j < font.readUInt16BE(set); j++) out.add(font.readUInt16BE(set + 2 + 2 * j));
      }
    } else if (type === 4) {
      for (let i = 0; i < font.readUInt16BE(at + 4); i++) {
        const set = at + font.readUInt16BE(at + 6 + 2 * i);
        for (let j = 0; j < font.readUInt16BE(set); j++)
          out.add(font.readUInt16BE(set + font.readUInt16BE(set + 2 + 2 * j)));
      }
    }
    // Contextual lookups (5, 6, 8) only call other lookups, whose outputs are counted there.
  };
  for (let l = 0; l < font.readUInt16BE(list); l++) {
    const lookup = list + font.readUInt16BE(list + 2 + 2 * l);
    const type = font.readUInt16BE(lookup);
    for (let i = 0; i < font.readUInt16BE(lookup + 4); i++)
      subtable(type, lookup + font.readUInt16BE(lookup + 6 + 2 * i));
  }
  return out;
}

function checksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    const word =
      ((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * `font` with only the outlines of `codePoints` (and what they are built from) kept, glyph ids
 * unchanged; null when the font is not a plain TrueType font with `glyf` outlines (use it whole).
 */
export function subsetGlyphOutlines(font: Buffer, codePoints: Iterable<number>): Buffer | null {
  const dir = tables(font);
  const head = dir?.get('head');
  const maxp = dir?.get('maxp');
  const loca = dir?.get('loca');
  const glyf = dir?.get('glyf');
  const cmap = dir?.get('cmap');
  if (!dir || !head || !maxp || !loca || !glyf || !cmap) return null;
  const longLoca = font.readInt16BE(head.offset + 50) === 1;
  const numGlyphs = font.readUInt16BE(maxp.offset + 4);
  const at = (g: number) =>
    longLoca ? font.readUInt32BE(loca.offset + 4 * g) : 2 * font.readUInt16BE(loca.offset + 2 * g);

  const wanted = glyphIds(font, cmap, new Set(codePoints));
  wanted.add(0);
  const gsub = dir.get('GSUB');
  if (gsub) for (const g of substitutes(font, gsub)) wanted.add(g);
  // Composite glyphs name their components by id: keep those too (transitively).
  const pending = [...wanted];
  while (pending.length > 0) {
    const g = pending.pop() as number;
    if (g >= numGlyphs) continue;
    const start = glyf.offset + at(g);
    if (at(g + 1) - at(g) < 10 || font.readInt16BE(start) >= 0) continue;
    let p = start + 10;
    for (;;) {
      const flags = font.readUInt16BE(p);
      const component = font.readUInt16BE(p + 2);
      if (!wanted.has(component)) {
        wanted.add(component);
        pending.push(component);
      }
      p += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
      if (!(flags & 0x20)) break;
    }
  }

  const pieces: Buffer[] = [];
  const newLoca = Buffer.alloc(loca.length);
  let size = 0;
  for (let g = 0; g < numGlyphs; g++) {
    if (longLoca) newLoca.writeUInt32BE(size, 4 * g);
    else newLoca.writeUInt16BE(size / 2, 2 * g);
    if (!wanted.has(g)) continue;
    const piece = font.subarray(glyf.offset + at(g), glyf.offset + at(g + 1));
    pieces.push(piece);
    size += piece.length;
  }
  if (longLoca) newLoca.writeUInt32BE(size, 4 * numGlyphs);
  else newLoca.writeUInt16BE(size / 2, 2 * numGlyphs);
  const newGlyf = Buffer.concat(pieces);

  // Same table order as the original; each table starts on a 4-byte boundary.
  const records = [...dir.values()];
  const body = (r: TableRecord) =>
    r.tag === 'glyf' ? newGlyf : r.tag === 'loca' ? newLoca : font.subarray(r.offset, r.offset + r.length);
  const headerSize = 12 + 16 * records.length;
  const header = Buffer.alloc(headerSize);
  font.copy(header, 0, 0, 12);
  const chunks: Buffer[] = [header];
  let offset = headerSize;
  records.forEach((r, i) => {
    const data = body(r);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    header.write(r.tag, 12 + 16 * i, 'latin1');
    header.writeUInt32BE(checksum(padded), 12 + 16 * i + 4);
    header.writeUInt32BE(offset, 12 + 16 * i + 8);
    header.writeUInt32BE(data.length, 12 + 16 * i + 12);
    chunks.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(chunks);
}

/** The characters a piece of SVG can draw: every character in it, plus those written as `&#…;`. */
function drawnCodePoints(svg: string): Set<number> {
  const out = new Set<number>();
  for (const ch of svg) out.add(ch.codePointAt(0) as number);
  for (const m of svg.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)) {
    const n =
      (m[1] as string).startsWith('x') || (m[1] as string).startsWith('X')
        ? Number.parseInt((m[1] as string).slice(1), 16)
        : Number.parseInt(m[1] as string, 10);
    if (Number.isFinite(n)) out.add(n);
  }
  return out;
}

let folder: string | null = null;
const cutFiles = new Map<string, string>();

/**
 * A file holding `file` cut down to the glyphs `svg` can draw (see above), made once per process and
 * character set in a private temporary folder removed at exit; `file` itself when it cannot be cut.
 * A digest run's charts share one character set (fixed Chinese text, ASCII figures): one cut.
 */
export function fontFileFor(file: string, svg: string): string {
  const points = [...drawnCodePoints(svg)].sort((a, b) => a - b);
  const key = `${file}\n${points.join(',')}`;
  const known = cutFiles.get(key);
  if (known) return known;
  let path = file;
  try {
    const cut = subsetGlyphOutlines(readFileSync(file), points);
    if (cut) {
      if (folder === null) {
        const made = mkdtempSync(join(tmpdir(), 'qingqun-fonts-'));
        folder = made;
        process.once('exit', () => rmSync(made, { recursive: true, force: true }));
      }
      path = join(folder, `${basename(file, extname(file))}-${cutFiles.size}${extname(file)}`);
      writeFileSync(path, cut, { mode: 0o600 });
    }
  } catch {
    path = file; // An unreadable or odd font: resvg gets the whole file, as before.
  }
  cutFiles.set(key, path);
  return path;
}
