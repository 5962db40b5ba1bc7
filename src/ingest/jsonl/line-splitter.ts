/**
 * Splits a byte stream into numbered lines and decodes each one, so that no input can make the
 * importer throw or hold more than `maxLineBytes` of one line in memory:
 * - LF or CRLF line ends; a last line without a newline is still a line;
 * - a UTF-8 byte order mark is dropped on line 1 only (elsewhere it is reported);
 * - bytes that are not UTF-8, NUL bytes and over-long lines are reported, not decoded;
 * - blank (whitespace-only) lines are skipped silently but still counted.
 * Line numbers are 1-based and count every line, blank or not.
 */
import { isUtf8 } from 'node:buffer';

export type SplitLine = { line: number; text: string } | { line: number; problem: string };

const LF = 0x0a;
const CR = 0x0d;

export class LineSplitter {
  private pieces: Buffer[] = [];
  private size = 0;
  private lineNo = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: (line: SplitLine) => void,
  ) {}

  /** The number of the last line handed out (0 before the first). */
  get line(): number {
    return this.lineNo;
  }

  push(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(LF, start); nl !== -1; nl = chunk.indexOf(LF, start)) {
      if (this.size === 0) {
        // The common case, a whole line inside one chunk: no copy.
        this.finish(chunk, start, nl);
      } else {
        this.append(chunk.subarray(start, nl));
        this.finishPieces();
      }
      start = nl + 1;
    }
    if (start < chunk.length) this.append(chunk.subarray(start));
  }

  /** Hands out the last line if the input did not end with a newline. */
  end(): void {
    if (this.size > 0) this.finishPieces();
  }

  private append(piece: Buffer): void {
    // Past the limit only the length is kept: a 10 MB line costs no memory.
    const size = this.size + piece.length;
    if (size > this.maxLineBytes) this.pieces = [];
    else if (piece.length > 0) this.pieces.push(piece);
    this.size = size;
  }

  private finishPieces(): void {
    const size = this.size;
    const bytes = this.pieces.length === 1 ? (this.pieces[0] as Buffer) : Buffer.concat(this.pieces);
    this.pieces = [];
    this.size = 0;
    if (size > this.maxLineBytes) {
      const line = ++this.lineNo;
      this.onLine({ line, problem: `longer than ${this.maxLineBytes} bytes (${size} bytes); not read` });
      return;
    }
    this.finish(bytes, 0, bytes.length);
  }

  /** Decodes buf[start, end) as the next line. */
  private finish(buf: Buffer, start: number, end: number): void {
    const line = ++this.lineNo;
    if (end - start > this.maxLineBytes) {
      this.onLine({
        line,
        problem: `longer than ${this.maxLineBytes} bytes (${end - start} bytes); not read`,
      });
      return;
    }
    if (end > start && buf[end - 1] === CR) end--;
    if (line === 1 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
    const bytes = buf.subarray(start, Math.max(start, end));
    if (bytes.includes(0)) {
      this.onLine({ line, problem: 'contains NUL bytes' });
      return;
    }
    // Checked before decoding: toString would silently turn bad bytes into U+FFFD.
    if (!isUtf8(bytes)) {
      this.onLine({ line, problem: 'not valid UTF-8' });
      return;
    }
    const text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) {
      this.onLine({
        line,
        problem: 'starts with a byte order mark (U+FEFF) after line 1 (concatenated files?)',
      });
      return;
    }
    if (text.trim() === '') return;
    this.onLine({ line, text });
  }
}
