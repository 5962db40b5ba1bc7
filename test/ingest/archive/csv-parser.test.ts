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

describe('readCsvFile with a row start (a stray quote costs one row)', () => {
  const START = /^\d+,/;
  async function rows(text: string, chunk = 7) {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readCsvFile } = await import('../../../src/ingest/archive/read-csv-file.js');
    const file = join(mkdtempSync(join(tmpdir(), 'qingqun-csv-')), 'x.csv');
    writeFileSync(file, text);
    const out: string[] = [];
    await readCsvFile(
      file,
      (r) =>
        out.push(
          'problem' in r
            ? `${r.line}: ${r.problem.slice(0, 14)}`
            : `${r.line}: ${Object.values(r.row).join('|')}`,
        ),
      { recordStart: START, maxRecordChars: 1000 + chunk },
    );
    return out;
  }

  it('reads quoted line breaks, reports a stray quote by its line and keeps the rows after it', async () => {
    expect(await rows('id,text,who\r\n1,"a\r\nb",x\r\n2,"open,y\r\n3,ok,z\r\n4,"c\nd",w\n')).toEqual([
      '2: 1|a\nb|x',
      '4: malformed row:',
      '5: 3|ok|z',
      '6: 4|c\nd|w',
    ]);
  });

  it('a stray quote in the last row is reported as never closed', async () => {
    expect(await rows('id,text,who\n1,ok,x\n2,"open,y\n')).toEqual(['2: 1|ok|x', '3: a quoted field']);
  });

  it('a quoted line that looks like a row start is reported, never merged silently', async () => {
    const out = await rows('id,text,who\n1,"first\n2,second",x\n3,ok,z\n');
    expect(out[0]).toBe('2: malformed row:');
    expect(out.at(-1)).toBe('4: 3|ok|z');
  });

  it('a line outside quotes that does not look like a row start is still its own row', async () => {
    expect(await rows('id,text,who\n1,ok,x\nbad,row,here\n')).toEqual(['2: 1|ok|x', '3: bad|row|here']);
  });
});
