import { describe, expect, it } from 'vitest';
import { ArchiveTimeParser } from '../../../src/ingest/archive/archive-time.js';

const shanghai = new ArchiveTimeParser('Asia/Shanghai');
const NINE = Date.parse('2026-11-17T09:12:05+08:00');

describe('ArchiveTimeParser', () => {
  it.each([
    ['unix seconds (number)', 1_794_877_925, NINE],
    ['unix milliseconds (number)', 1_794_877_925_000, NINE],
    ['unix seconds (digits)', '1794877925', NINE],
    ['unix milliseconds (digits)', '1794877925000', NINE],
    ['RFC 3339 with offset', '2026-11-17T09:12:05+08:00', NINE],
    ['UTC', '2026-11-17T01:12:05Z', NINE],
    ['offset after a space', '2026-11-17 09:12:05+08:00', NINE],
    ['local, seconds', '2026-11-17 09:12:05', NINE],
    ['local with T', '2026-11-17T09:12:05', NINE],
    ['local, slashes, one-digit month and hour', '2026/11/17 9:12:05', NINE],
    ['local, no seconds', '2026-11-17 09:12', NINE - 5000],
    ['local, fraction', '2026-11-17 09:12:05.250', NINE + 250],
    ['local, date only', '2026-11-17', Date.parse('2026-11-17T00:00:00+08:00')],
    ['surrounding spaces', '  2026-11-17 09:12:05 ', NINE],
  ])('%s', (_, input, expected) => {
    expect(shanghai.parse(input)).toEqual({ ok: true, time: expected });
  });

  it.each([
    ['empty', ''],
    ['no year', '11-17 09:12:05'],
    ['words', 'yesterday'],
    ['month 13', '2026-13-01 09:00:00'],
    ['31 November', '2026-11-31 09:00:00'],
    ['hour 24', '2026-11-17 24:00:00'],
    ['negative', -5],
    ['a boolean', true],
    ['null', null],
    ['bad offset', '2026-11-17T09:12:05+25:00'],
  ])('refuses %s', (_, input) => {
    expect(shanghai.parse(input).ok).toBe(false);
  });

  it('reads local times in the timezone it was given', () => {
    const utc = new ArchiveTimeParser('UTC');
    expect(utc.parse('2026-11-17 09:12:05')).toEqual({ ok: true, time: NINE + 8 * 3_600_000 });
    const ny = new ArchiveTimeParser('America/New_York');
    // 2026-03-08 is the DST switch in New York: before 02:00 EST (-5), after 03:00 EDT (-4).
    expect(ny.parse('2026-03-08 01:30:00')).toEqual({
      ok: true,
      time: Date.parse('2026-03-08T01:30:00-05:00'),
    });
    expect(ny.parse('2026-03-08 04:30:00')).toEqual({
      ok: true,
      time: Date.parse('2026-03-08T04:30:00-04:00'),
    });
  });

  it('formats local and RFC 3339 times that it reads back', () => {
    expect(shanghai.format(NINE)).toBe('2026-11-17 09:12:05');
    expect(shanghai.formatIso(NINE)).toBe('2026-11-17T09:12:05+08:00');
    expect(shanghai.parse(shanghai.format(NINE + 7_000))).toEqual({ ok: true, time: NINE + 7_000 });
  });

  it('refuses an unknown timezone', () => {
    expect(() => new ArchiveTimeParser('Mars/Olympus')).toThrow(/unknown timezone/);
  });
});
