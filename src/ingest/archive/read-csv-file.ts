/**
 * Streams a CSV file with a header row into rows keyed by (trimmed) column name. Exports are UTF-8,
 * usually with a byte order mark (WeChatMsg writes `utf-8-sig`); a file whose start is not UTF-8 was
 * most likely re-saved by Excel on a Chinese Windows PC and is read as GB18030. A row whose field count
 * differs from the header's is reported (broken quoting), not guessed at.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { CsvParser, type CsvRecord } from './csv-parser.js';

export type CsvRow = { line: number; row: Record<string, string> } | { line: number; problem: string };

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
export async function readCsvFile(file: string, onRow: (row: CsvRow) => void): Promise<CsvFileInfo> {
  let header: string[] | null = null;
  const parser = new CsvParser((record: CsvRecord) => {
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
  });
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
