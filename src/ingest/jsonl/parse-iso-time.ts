/**
 * Strict ISO-8601 date-time with an explicit offset, as the interchange format requires:
 * `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM` (`±HHMM` accepted).
 * A time without an offset is refused rather than guessed: the same wall-clock time means
 * different instants in different exports. Fractions beyond milliseconds are truncated.
 */
export type ParsedTime = { ok: true; time: number } | { ok: false; problem: string };

// Anchored, no nested quantifiers: linear on any input.
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(.*)$/;
const OFFSET = /^(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const MAX_OFFSET_MINUTES = 14 * 60;

// The importer validates a time and then converts it: remembering the last answer halves the work.
let lastValue: string | undefined;
let lastResult: ParsedTime | undefined;

export function parseIsoTime(value: string): ParsedTime {
  if (value === lastValue && lastResult) return lastResult;
  lastResult = parse(value);
  lastValue = value;
  return lastResult;
}

function parse(value: string): ParsedTime {
  const m = ISO.exec(value);
  if (!m) return { ok: false, problem: 'not an ISO-8601 time (expected e.g. 2026-11-17T09:12:05+08:00)' };
  const [, y, mo, d, h, mi, s, frac, rest] = m as unknown as string[];
  if (rest === '') return { ok: false, problem: 'missing timezone offset' };
  const offset = OFFSET.exec(rest as string);
  if (!offset) return { ok: false, problem: `bad timezone offset ${JSON.stringify(rest?.slice(0, 12))}` };
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: 'not a valid calendar date' };
  }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, problem: 'not a valid time of day' };
  let offsetMinutes = 0;
  if (!offset[1]) {
    const oh = Number(offset[3]);
    const om = Number(offset[4]);
    if (om > 59 || oh * 60 + om > MAX_OFFSET_MINUTES)
      return { ok: false, problem: 'timezone offset out of range' };
    offsetMinutes = (offset[2] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const epochDay = daysFromCivil(year, month, day);
  const ms0 = ((epochDay * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000;
  return { ok: true, time: ms0 + ms };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; no Date object). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The epoch ms of a time that passed validation (an interchange schema); throws otherwise. */
export function isoTimeToEpoch(value: string): number {
  const parsed = parseIsoTime(value);
  if (!parsed.ok) throw new Error(`not a valid interchange time: ${parsed.problem}`);
  return parsed.time;
}
