import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../../../src/ingest/jsonl/parse-iso-time.js';

describe('parseIsoTime', () => {
  it.each([
    ['2026-11-17T09:12:05+08:00', Date.UTC(2026, 10, 17, 1, 12, 5)],
    ['2026-11-17T09:12:05Z', Date.UTC(2026, 10, 17, 9, 12, 5)],
    ['2026-11-17T09:12:05.5-05:30', Date.UTC(2026, 10, 17, 14, 42, 5, 500)],
    ['2026-11-17T09:12:05.123456789+0000', Date.UTC(2026, 10, 17, 9, 12, 5, 123)],
    ['2026-11-17T09:12+08:00', Date.UTC(2026, 10, 17, 1, 12)],
    ['2024-02-29T00:00:00+08:00', Date.UTC(2024, 1, 28, 16)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['0050-01-01T00:00:00Z', Date.parse('0050-01-01T00:00:00Z')],
  ])('reads %s', (text, expected) => {
    expect(parseIsoTime(text)).toEqual({ ok: true, time: expected });
  });

  it.each([
    ['2026-11-17T09:12:05', 'missing timezone offset'],
    ['2026-11-17T09:12', 'missing timezone offset'],
    ['2026-11-17 09:12:05+08:00', 'not an ISO-8601 time'],
    ['2026-11-17', 'not an ISO-8601 time'],
    ['1794877925000', 'not an ISO-8601 time'],
    ['', 'not an ISO-8601 time'],
    ['2026-11-17T09:12:05+08:00 ', 'bad timezone offset'],
    ['2026-11-17T09:12:05 CST', 'bad timezone offset'],
    ['2026-11-17T09:12:05+8', 'bad timezone offset'],
    ['2026-11-17T09:12:05+15:00', 'timezone offset out of range'],
    ['2026-11-17T09:12:05+08:60', 'timezone offset out of range'],
    ['2025-02-29T00:00:00Z', 'not a valid calendar date'],
    ['1900-02-29T00:00:00Z', 'not a valid calendar date'],
    ['2026-04-31T00:00:00Z', 'not a valid calendar date'],
    ['2026-13-01T00:00:00Z', 'not a valid calendar date'],
    ['2026-00-10T00:00:00Z', 'not a valid calendar date'],
    ['2026-11-17T24:00:00Z', 'not a valid time of day'],
    ['2026-11-17T23:60:00Z', 'not a valid time of day'],
    ['2026-11-17T23:59:60Z', 'not a valid time of day'],
  ])('refuses %j', (text, problem) => {
    const parsed = parseIsoTime(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });

  it('agrees with Date.parse on every valid time with an offset', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9000-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -14 * 4, max: 14 * 4 }),
        (date, quarters) => {
          const offset = quarters * 15;
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseIsoTime(text)).toEqual({ ok: true, time: date.getTime() });
          expect(Date.parse(text)).toBe(date.getTime());
        },
      ),
    );
  });

  it('never throws on arbitrary strings, long ones included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(typeof parseIsoTime(text).ok).toBe('boolean');
      }),
    );
    expect(parseIsoTime(`2026-11-17T09:12:05${'9'.repeat(50_000)}`).ok).toBe(false);
  });
});
