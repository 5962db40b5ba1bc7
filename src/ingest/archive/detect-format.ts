/**
 * Tells an export's format from its first 64 KB: JSON (by the keys of its first record, or of the
 * keys named near its start when the first line is not a whole record), YAML rosters, and CSV (by the
 * header row). With an expected format, a file of another (or no) recognisable format is an error
 * naming the file, what was expected and what it looks like.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { type ArchiveFormat, type ArchiveShape, EXPECTED, SHAPES } from './archive-format.js';
import { CsvParser } from './csv-parser.js';
import { isRecord } from './read-context.js';
import { guessEncoding } from './read-csv-file.js';
import { rosterColumns } from './roster.js';
import type { Layout } from './wecom-archive.js';

export interface DetectedFormat {
  format: ArchiveFormat;
  shape: ArchiveShape;
  /** For JSON: one document, or one record per line. */
  layout: Layout;
}

export class ArchiveFormatError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ArchiveFormatError';
  }
}

const HEAD_BYTES = 64 * 1024;

/** The shape of a JSON record (or of a map's first value, for WeCom details keyed by room id). */
function jsonShape(keys: ReadonlySet<string>, values: ReadonlySet<string> = new Set()): ArchiveShape | null {
  const has = (...k: string[]) => k.every((x) => keys.has(x));
  if (has('_type')) return 'chatlab-jsonl'; // its header line also has "chatlab"
  if (has('chatlab')) return 'chatlab-json';
  if (has('kind') && (values.has('group') || values.has('contact') || values.has('message'))) return 'jsonl';
  if (has('encrypt_chat_msg') || (has('msgid') && (has('msgtime') || has('msgtype') || has('action')))) {
    return 'wecom-messages';
  }
  if (has('roomname') && (has('members') || has('creator') || has('room_create_time'))) return 'wecom-groups';
  if (has('talker') && (has('isChatRoom') || has('seq') || has('talkerName') || has('messages')))
    return 'chatlog-json';
  return null;
}

function csvShape(header: readonly string[]): ArchiveShape | null {
  const has = (...k: string[]) => k.every((x) => header.includes(x));
  if (has('localId', 'TalkerId', 'Type', 'StrContent')) return 'wechatmsg-csv';
  if (has('MsgSvrID', 'type_name', 'room_name') && (has('msg') || has('content'))) return 'pywxdump-csv';
  if (has('Time', 'Talker', 'Content')) return 'chatlog-csv';
  if (rosterColumns(header).groupId !== undefined) return 'roster-csv';
  return null;
}

function detectJson(text: string): { shape: ArchiveShape; layout: Layout } | null {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).trim();
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    first = undefined;
  }
  if (isRecord(first)) {
    const shape = jsonShape(new Set(Object.keys(first)), new Set([String(first.kind)]));
    if (shape) return { shape, layout: shape === 'chatlab-json' ? 'document' : 'lines' };
    const inner = Object.values(first)[0];
    const mapShape = isRecord(inner) ? jsonShape(new Set(Object.keys(inner))) : null;
    return mapShape ? { shape: mapShape, layout: 'document' } : null;
  }
  if (Array.isArray(first)) {
    const shape = isRecord(first[0]) ? jsonShape(new Set(Object.keys(first[0]))) : null;
    return shape ? { shape, layout: 'document' } : null;
  }
  // A pretty-printed document: judge by the keys named near its start.
  const keys = new Set<string>();
  const values = new Set<string>();
  for (const m of text.matchAll(/"([A-Za-z_][A-Za-z0-9_]{0,40})"\s*:\s*("?)([a-z]{0,12})/g)) {
    keys.add(m[1] as string);
    if (m[2]) values.add(m[3] as string);
  }
  const shape = jsonShape(keys, values);
  return shape
    ? { shape, layout: shape === 'chatlab-jsonl' || shape === 'jsonl' ? 'lines' : 'document' }
    : null;
}

/** Detects without an expectation; null when nothing fits. Throws fs errors. */
export async function sniffFormat(file: string): Promise<DetectedFormat | null> {
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  let text = new TextDecoder(guessEncoding(head))
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart();
  // ChatLab JSONL may open with `#` comment lines.
  while (text.startsWith('#') && text.includes('\n')) text = text.slice(text.indexOf('\n') + 1).trimStart();
  const found = text.startsWith('{') || text.startsWith('[') ? detectJson(text) : detectText(file, text);
  return found ? { format: SHAPES[found.shape].format, ...found } : null;
}

function detectText(file: string, text: string): { shape: ArchiveShape; layout: Layout } | null {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml' || /^(?:groups|contacts)\s*:/m.test(text.slice(0, 4096))) {
    return { shape: 'roster-yaml', layout: 'document' };
  }
  let header: string[] | null = null;
  const parser = new CsvParser((r) => {
    if (!header && 'fields' in r) header = r.fields.map((f) => f.trim());
  });
  parser.push(text.slice(0, 16 * 1024));
  parser.end();
  const shape = header ? csvShape(header) : null;
  return shape ? { shape, layout: 'document' } : null;
}

/**
 * The file's format; throws ArchiveFormatError when it is not recognised, or is not `expected`.
 * Throws fs errors (missing file) as they are.
 */
export async function detectFormat(file: string, expected?: ArchiveFormat): Promise<DetectedFormat> {
  const found = await sniffFormat(file);
  if (expected && found?.format !== expected) {
    const seen = found ? `; it looks like ${found.format} (${found.shape})` : '';
    throw new ArchiveFormatError(file, `not a ${expected} file: expected ${EXPECTED[expected]}${seen}`);
  }
  if (!found) {
    const list = Object.values(EXPECTED).join('; ');
    throw new ArchiveFormatError(file, `not a format qingqun can import: expected one of ${list}`);
  }
  return found;
}
