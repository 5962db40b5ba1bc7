/**
 * Streams a CSV file with a header row into rows keyed by (trimmed) column name. Exports are UTF-8,
 * usually with a byte order mark (WeChatMsg writes `utf-8-sig`); a file whose start is not UTF-8 was
 * most likely re-saved by Excel on a Chinese Windows PC and is read as GB18030. A row whose field count
 * differs from the header's is reported (broken quoting), not guessed at.
 *
 * With `recordStart` (how a data row of the format begins, e.g. WeChatMsg's `localId,TalkerId,Type,…`),
 * a stray `"` cannot swallow the rows after it: physical lines are grouped into rows first — a line
 * that matches `recordStart` opens a row, any other continues the current one (a message's own line
 * breaks) — and each row is parsed alone. A row whose quotes do not close within it is reported as
 * `FILE:LINE` and every other row is read as usual.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { CsvParser, type CsvRecord } from './csv-parser.js';

export type CsvRow = { line: number; row: Record<string, string> } | { line: number; problem: string };

export interface CsvReadOptions {
  /** How a data row begins (tested on each physical line after the header); see the module comment. */
  recordStart?: RegExp;
  /** Longest row read, in characters. Default 4 Mi. */
  maxRecordChars?: number;
}

export interface CsvFileInfo {
  header: string[];
  encoding: 'utf-8' | 'gb18030';
  /** Lines read. */
  lines: number;
}

/** The encoding of a file that starts with `head`: UTF-8 unless those bytes cannot be UTF-8. */
export function guessEncoding(head: Buffer): 'utf-8' | 'gb18030' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  // A multi-byte character may be cut at the end of the sample: try a few shorter lengths.
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    if (isUtf8(head.subarray(0, head.length - cut))) return 'utf-8';
  }
  return 'gb18030';
}

/**
 * Calls `onRow` for each data row, in order. Never throws for content; a read error (the file cannot be
 * opened, or bytes stop being text) is thrown as the fs error or reported as a row problem.
 */
export async function readCsvFile(
  file: string,
  onRow: (row: CsvRow) => void,
  options: CsvReadOptions = {},
): Promise<CsvFileInfo> {
  let header: string[] | null = null;
  const maxRecordChars = options.maxRecordChars ?? 4 * 1024 * 1024;
  const onRecord = (record: CsvRecord) => {
    if ('problem' in record) {
      onRow(record);
      return;
    }
    if (!header) {
      header = record.fields.map((name) => name.trim());
      return;
    }
    if (record.fields.length !== header.length) {
      onRow({
        line: record.line,
        problem: `has ${record.fields.length} fields, the header has ${header.length} (broken quoting?)`,
      });
      return;
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      const field = record.fields[i] as string;
      // Line breaks inside a field are LF in WeChat; Excel re-saves them as CRLF.
      row[name] = field.includes('\r') ? field.replace(/\r\n?/g, '\n') : field;
    });
    onRow({ line: record.line, row });
  };
  const parser: { push(text: string): void; end(): void; readonly line: number } = options.recordStart
    ? new RowGrouper(options.recordStart, onRecord, maxRecordChars)
    : new CsvParser(onRecord, maxRecordChars);
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  let encoding: CsvFileInfo['encoding'] = 'utf-8';
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    if (!decoder) {
      encoding = guessEncoding(bytes.subarray(0, 64 * 1024));
      decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      onRow({
        line: parser.line,
        problem: 'not valid UTF-8 from here on; the rest of the file was not read',
      });
      return { header: header ?? [], encoding, lines: parser.line };
    }
    parser.push(text);
  }
  if (decoder) parser.push(decoder.decode());
  parser.end();
  return { header: header ?? [], encoding, lines: parser.line };
}

const STRAY_QUOTE =
  'malformed row: a quoted field is still open where the next row begins (a stray `"`?); row not read';

/**
 * Splits the text into physical lines and parses one row at a time. A row ends at a line break outside
 * quotes, as in RFC 4180; inside a quoted field a line break is part of the field — unless the next
 * line begins like a row (`start`): then the quote was stray, the row is reported by its first line
 * and the next row is read on its own. Linear: each line is tested once against an anchored pattern.
 */
class RowGrouper {
  private partial = '';
  private row: CsvParser | null = null;
  private rowRecords: CsvRecord[] = [];
  private rowLine = 0;
  private lineNo = 0;

  constructor(
    private readonly start: RegExp,
    private readonly onRecord: (record: CsvRecord) => void,
    private readonly maxRecordChars: number,
  ) {}

  get line(): number {
    return this.lineNo + 1;
  }

  push(text: string): void {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      const piece = text.slice(from, nl);
      this.physicalLine(this.partial === '' ? piece : this.partial + piece);
      this.partial = '';
      from = nl + 1;
    }
    // A line longer than any row may be is not kept whole: the row parser reports its length.
    if (from < text.length && this.partial.length <= this.maxRecordChars) this.partial += text.slice(from);
  }

  end(): void {
    if (this.partial !== '') this.physicalLine(this.partial);
    this.partial = '';
    this.finishRow();
  }

  private physicalLine(raw: string): void {
    this.lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.row) {
      if (this.start.test(line)) {
        this.onRecord({ line: this.rowLine, problem: STRAY_QUOTE });
        this.row = null;
      } else {
        this.row.push(`\n${line}`);
        if (!this.row.inQuotes) this.finishRow();
        return;
      }
    }
    if (line.trim() === '') return;
    this.rowLine = this.lineNo;
    this.rowRecords = [];
    this.row = new CsvParser((r) => this.rowRecords.push(r), this.maxRecordChars);
    this.row.push(line);
    if (!this.row.inQuotes) this.finishRow();
  }

  private finishRow(): void {
    const row = this.row;
    if (!row) return;
    this.row = null;
    row.end();
    const only = this.rowRecords[0];
    if (this.rowRecords.length === 1 && only) {
      this.onRecord(
        'fields' in only ? { line: this.rowLine, fields: only.fields } : { ...only, line: this.rowLine },
      );
    } else if (this.rowRecords.length > 1) {
      this.onRecord({ line: this.rowLine, problem: STRAY_QUOTE });
    }
  }
}
