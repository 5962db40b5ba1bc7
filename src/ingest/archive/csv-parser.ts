/**
 * A streaming RFC 4180 CSV parser (no CSV package is installed): fields separated by commas, records
 * by CRLF, LF or a lone CR; a field in double quotes may hold commas, line breaks and doubled quotes
 * (`""`). Lenient where exporters are sloppy, as Python's csv module is: a quote inside an unquoted
 * field is literal, text after a closing quote is appended, blank lines are skipped.
 *
 * Feed decoded text in any chunks with `push`, then call `end`. Each record comes out with the
 * 1-based line it starts on (lines counted by line breaks, inside quoted fields too). A record over
 * `maxRecordChars` is dropped unread (its length only is kept) and reported; an unterminated quote at
 * the end is reported. One pass, one character at a time: linear on any input.
 */
export type CsvRecord = { line: number; fields: string[] } | { line: number; problem: string };

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvParser {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  /** Just saw a quote inside a quoted field: either the closing quote or the first of `""`. */
  private quoteSeen = false;
  private afterCr = false;
  private lineNo = 1;
  private recordLine = 1;
  private size = 0;
  private started = false;

  constructor(
    private readonly onRecord: (record: CsvRecord) => void,
    private readonly maxRecordChars = 4 * 1024 * 1024,
  ) {}

  /** Inside a quoted field (an opening quote not yet closed): a line break here is part of the field. */
  get inQuotes(): boolean {
    return this.quoted && !this.quoteSeen;
  }

  /** Line breaks seen so far, plus one: the line the parser is on. */
  get line(): number {
    return this.lineNo;
  }

  push(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          // The LF of a CRLF: the line was counted at the CR. Outside quotes it is dropped.
          if (!this.quoted) start = i + 1;
          continue;
        }
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === QUOTE) {
            // `""`: a literal quote; the first one was left out, this one starts the next slice.
            start = i;
            continue;
          }
          this.quoted = false; // that was the closing quote: handle `c` as unquoted text
        } else {
          if (c === QUOTE) {
            this.append(text, start, i);
            start = i + 1;
            this.quoteSeen = true;
          } else if (c === LF) {
            this.lineNo++;
          } else if (c === CR) {
            this.lineNo++;
            this.afterCr = true;
          }
          continue;
        }
      }
      if (c === COMMA) {
        this.append(text, start, i);
        start = i + 1;
        this.endField();
      } else if (c === LF || c === CR) {
        this.append(text, start, i);
        start = i + 1;
        this.endRecord();
        this.lineNo++;
        this.recordLine = this.lineNo;
        if (c === CR) this.afterCr = true;
      } else if (c === QUOTE && !this.started) {
        start = i + 1;
        this.quoted = true;
        this.started = true;
      } else {
        this.started = true;
      }
    }
    this.append(text, start, text.length);
  }

  /** Hands out the last record (a file need not end with a line break). */
  end(): void {
    if (this.quoted && !this.quoteSeen) {
      const line = this.recordLine;
      this.reset();
      this.onRecord({ line, problem: 'a quoted field is never closed (truncated file?)' });
      return;
    }
    this.quoted = false;
    this.quoteSeen = false;
    this.endRecord();
  }

  private append(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.started = true;
    this.size += to - from;
    if (this.size <= this.maxRecordChars) this.field += text.slice(from, to);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.size += 1;
    this.started = false;
    this.quoted = false;
  }

  private endRecord(): void {
    const blank = this.fields.length === 0 && this.field === '' && !this.started;
    if (blank) {
      this.reset();
      return;
    }
    this.fields.push(this.field);
    const record: CsvRecord =
      this.size > this.maxRecordChars
        ? { line: this.recordLine, problem: `record longer than ${this.maxRecordChars} characters; not read` }
        : { line: this.recordLine, fields: this.fields };
    this.reset();
    this.onRecord(record);
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.size = 0;
    this.started = false;
    this.quoted = false;
    this.quoteSeen = false;
  }
}
