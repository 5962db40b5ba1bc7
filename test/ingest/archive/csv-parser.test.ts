import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord } from '../../../src/ingest/archive/csv-parser.js';

function parse(text: string, chunkSize = Number.POSITIVE_INFINITY, maxRecordChars?: number): CsvRecord[] {
  const out: CsvRecord[] = [];
  const parser = new CsvParser((r) => out.push(r), maxRecordChars);
  const step = Math.min(chunkSize, Math.max(1, text.length));
  for (let i = 0; i < text.length; i += step) parser.push(text.slice(i, i + step));
  parser.end();
  return out;
}

const fields = (text: string) => parse(text).map((r) => ('fields' in r ? r.fields : r.problem));

describe('CsvParser', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'no final line break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF records',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR records',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted comma', 'x,"a,b",y', [['x', 'a,b', 'y']]],
    ['doubled quotes', '"say ""收到""",2', [['say "收到"', '2']]],
    ['quoted line breaks', '"line 1\nline 2",z\nnext', [['line 1\nline 2', 'z'], ['next']]],
    ['quoted CRLF kept', '"a\r\nb",c', [['a\r\nb', 'c']]],
    [
      'empty fields',
      ',,\n"",x,',
      [
        ['', '', ''],
        ['', 'x', ''],
      ],
    ],
    ['blank lines skipped', '\n\na\n\r\n\nb\n', [['a'], ['b']]],
    ['quote inside an unquoted field is literal', 'a"b,c', [['a"b', 'c']]],
    ['text after a closing quote is appended', '"ab"cd,e', [['abcd', 'e']]],
    ['emoji and Chinese', '"👍🏻收到",王军', [['👍🏻收到', '王军']]],
    ['a field of only a quoted empty string is a record', '""', [['']]],
  ])('%s', (_, text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('reports an unterminated quote with the line it started on', () => {
    expect(parse('a,b\nc,"never closed\nmore')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, problem: 'a quoted field is never closed (truncated file?)' },
    ]);
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    const lines = parse('h1,h2\r\n"multi\r\nline\nfield",x\r\n\r\nlast,y').map((r) => r.line);
    expect(lines).toEqual([1, 2, 6]);
  });

  it('drops an over-long record and reports it, then goes on', () => {
    const out = parse(`a\n"${'x'.repeat(50)}"\nb`, Number.POSITIVE_INFINITY, 20);
    expect(out.map((r) => ('fields' in r ? r.fields : 'problem'))).toEqual([['a'], 'problem', ['b']]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', '👍') });
    const csv = fc
      .array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 })
      .map((rows) =>
        rows
          .map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(','))
          .join('\r\n'),
      );
    fc.assert(
      fc.property(csv, fc.integer({ min: 1, max: 7 }), (text, chunk) => {
        expect(parse(text, chunk)).toEqual(parse(text));
      }),
    );
  });

  it('reads back what a quoting writer wrote, field for field', () => {
    const field = fc.string({ unit: fc.constantFrom('x', '收', ',', '"', '\n', ' ') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const text = rows.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')).join('\n');
          expect(fields(text)).toEqual(rows);
        },
      ),
    );
  });
});
