/**
 * Streams a JSON Lines file (the WeCom archive's line form, ChatLab JSONL) one parsed value per line,
 * reusing the interchange importer's LineSplitter (BOM, CRLF, bad UTF-8, over-long lines). Lines
 * starting with `#` are comments (ChatLab allows them); blank lines are skipped.
 */
import { createReadStream } from 'node:fs';
import { LineSplitter } from '../jsonl/line-splitter.js';

export type JsonLine = { line: number; value: unknown } | { line: number; problem: string };

/** Returns the number of lines read. Throws fs errors only. */
export async function readJsonLines(
  file: string,
  onLine: (line: JsonLine) => void,
  maxLineBytes = 4 * 1024 * 1024,
): Promise<number> {
  const splitter = new LineSplitter(maxLineBytes, (l) => {
    if ('problem' in l) {
      onLine(l);
      return;
    }
    const text = l.text.trimStart();
    if (text.startsWith('#')) return;
    try {
      onLine({ line: l.line, value: JSON.parse(text) });
    } catch {
      onLine({ line: l.line, problem: 'invalid JSON (truncated line?)' });
    }
  });
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    splitter.push(chunk as Buffer);
  }
  splitter.end();
  return splitter.line;
}
