import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, type SplitLine } from '../../../src/ingest/jsonl/line-splitter.js';

function split(input: Buffer | string, chunkSizes: number[] = [], maxLineBytes = 1000): SplitLine[] {
  const out: SplitLine[] = [];
  const splitter = new LineSplitter(maxLineBytes, (l) => out.push(l));
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  let at = 0;
  for (const size of chunkSizes) {
    splitter.push(bytes.subarray(at, at + size));
    at += size;
  }
  splitter.push(bytes.subarray(at));
  splitter.end();
  return out;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('LineSplitter', () => {
  it('numbers every line, skips blank ones and keeps a last line without newline', () => {
    expect(split('a\n\n  \t\nb\r\n\r\nc')).toEqual([
      { line: 1, text: 'a' },
      { line: 4, text: 'b' },
      { line: 6, text: 'c' },
    ]);
    expect(split('a\n')).toEqual([{ line: 1, text: 'a' }]);
    expect(split('')).toEqual([]);
  });

  it('drops CR only at the end of a line', () => {
    expect(split('a\rb\r\n')).toEqual([{ line: 1, text: 'a\rb' }]);
  });

  it('drops a BOM on line 1 only and names one anywhere else', () => {
    expect(split(Buffer.concat([BOM, Buffer.from('{"a":1}\n'), BOM, Buffer.from('{"b":2}\n')]))).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, problem: expect.stringContaining('byte order mark') },
    ]);
  });

  it('names NUL bytes and invalid UTF-8 instead of decoding them', () => {
    const lines = [
      Buffer.from('{"kind":"contact"}'),
      Buffer.from([0x7b, 0x00, 0x7d]),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate: not UTF-8
      Buffer.from([0xe6, 0x94]), // truncated 收
      Buffer.alloc(8),
      Buffer.from('收到'),
    ];
    const input = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
    expect(split(input)).toEqual([
      { line: 1, text: '{"kind":"contact"}' },
      { line: 2, problem: 'contains NUL bytes' },
      { line: 3, problem: 'not valid UTF-8' },
      { line: 4, problem: 'not valid UTF-8' },
      { line: 5, problem: 'not valid UTF-8' },
      { line: 6, problem: 'contains NUL bytes' },
      { line: 7, text: '收到' },
    ]);
  });

  it('refuses a line over the limit without keeping it, and goes on', () => {
    const long = 'x'.repeat(5000);
    const out = split(`ok\n${long}\nafter\n`, [10, 100, 100], 1000);
    expect(out).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, problem: 'longer than 1000 bytes (5000 bytes); not read' },
      { line: 3, text: 'after' },
    ]);
    expect(split('x'.repeat(1000))).toEqual([{ line: 1, text: 'x'.repeat(1000) }]);
  });

  it('gives the same lines however the bytes are chunked (multi-byte characters, CRLF, BOM)', () => {
    const piece = fc.constantFrom('收到', '{"a":"😀"}', '\r\n', '\n', ' ', 'x', '\u2005', '\r');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.nat({ max: 7 }), { maxLength: 30 }),
        (pieces, cuts) => {
          const bytes = Buffer.concat([BOM, Buffer.from(pieces.join(''))]);
          expect(split(bytes, cuts)).toEqual(split(bytes));
        },
      ),
    );
  });
});
