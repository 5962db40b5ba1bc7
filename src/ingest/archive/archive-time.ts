/**
 * Times as archive exports write them, to UTC epoch ms:
 * - numbers (or digit strings): unix seconds below 1e11, milliseconds above (exports mix both);
 * - ISO-8601 / RFC 3339 with an offset (`2026-11-17T09:12:05+08:00`, `…Z`);
 * - local wall-clock strings without an offset (`2026-11-17 09:12:05`, `2026/11/17 9:12`,
 *   `2026-11-17T09:12`), read in the given IANA timezone (the exports are made on a Chinese PC).
 * Anything else is a problem, never a guess. Plausibility (not before 2000, not in the future) is the
 * caller's check. Regexes are anchored without nested quantifiers: linear on any input.
 */
import { DateTime } from 'luxon';
import { parseIsoTime } from '../jsonl/parse-iso-time.js';

export type ArchiveTime = { ok: true; time: number } | { ok: false; problem: string };

const DIGITS = /^\d{1,16}$/;
const LOCAL =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/;
const pad = (n: number) => String(n).padStart(2, '0');
const HAS_OFFSET = /(?:[Zz]|[+-]\d{2}:?\d{2})$/;

/** Parses archive times in one timezone; caches the zone's offset per local hour (luxon is slow). */
export class ArchiveTimeParser {
  private readonly offsets = new Map<string, number>();

  constructor(readonly timezone: string) {
    if (!DateTime.local().setZone(timezone).isValid) throw new RangeError(`unknown timezone "${timezone}"`);
  }

  parse(value: unknown): ArchiveTime {
    if (typeof value === 'number') return this.fromNumber(value);
    if (typeof value !== 'string') return { ok: false, problem: `expected a time, got ${typeof value}` };
    const text = value.trim();
    if (text === '') return { ok: false, problem: 'required' };
    if (DIGITS.test(text)) return this.fromNumber(Number(text));
    if (HAS_OFFSET.test(text) && /^\d{4}-\d{2}-\d{2}[Tt ]/.test(text)) {
      const iso = parseIsoTime(text.replace(' ', 'T'));
      return iso.ok ? iso : { ok: false, problem: iso.problem };
    }
    const m = LOCAL.exec(text);
    if (!m) return { ok: false, problem: `not a time ${JSON.stringify(text.slice(0, 40))}` };
    const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
      return { ok: false, problem: `not a valid date and time ${JSON.stringify(text.slice(0, 40))}` };
    }
    const utcGuess = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    if (new Date(utcGuess).getUTCDate() !== day) return { ok: false, problem: 'not a valid calendar date' };
    return { ok: true, time: utcGuess - this.offsetMs(year, month, day, hour) };
  }

  /** Local wall-clock text (`YYYY-MM-DD HH:MM:SS`) of an instant in this timezone, as exports write it. */
  format(time: number): string {
    return this.wallClock(time, this.offsetAt(time)).replace('T', ' ');
  }

  /** RFC 3339 with this timezone's offset (`2026-11-17T09:12:05+08:00`), as Go's time.Time marshals. */
  formatIso(time: number): string {
    const offset = this.offsetAt(time);
    const minutes = Math.abs(offset) / 60_000;
    const sign = offset < 0 ? '-' : '+';
    return `${this.wallClock(time, offset)}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }

  private wallClock(time: number, offset: number): string {
    const d = new Date(Math.floor(time / 1000) * 1000 + offset);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }

  /** The zone's offset (ms) at an instant, cached per UTC hour (zones change offset on the hour). */
  private offsetAt(time: number): number {
    const key = `u${Math.floor(time / 3_600_000)}`;
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      offset = DateTime.fromMillis(time, { zone: this.timezone }).offset * 60_000;
      if (this.offsets.size > 100_000) this.offsets.clear();
      this.offsets.set(key, offset);
    }
    return offset;
  }

  private fromNumber(n: number): ArchiveTime {
    if (!Number.isFinite(n) || n < 0) return { ok: false, problem: `not a time ${n}` };
    return { ok: true, time: Math.round(n < 1e11 ? n * 1000 : n) };
  }

  /** The zone's UTC offset for that local hour (ms); DST gaps resolve as luxon does (forward). */
  private offsetMs(year: number, month: number, day: number, hour: number): number {
    const key = `${year}-${month}-${day}-${hour}`;
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      const local = DateTime.fromObject({ year, month, day, hour }, { zone: this.timezone });
      offset = local.offset * 60_000;
      if (this.offsets.size > 100_000) this.offsets.clear();
      this.offsets.set(key, offset);
    }
    return offset;
  }
}
