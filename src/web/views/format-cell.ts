import type { Cell, CellKind } from '../pages/page-data.js';
import type { WebText } from './web-text.js';

/**
 * A cell as the page shows it (exports keep the raw value): null as "—", shares as percentages,
 * times in the configured timezone, enum keys translated. Returns plain text; callers escape it.
 */
export function formatCell(value: Cell, kind: CellKind, t: WebText, timezone: string): string {
  if (value === null || value === '') return t.dash;
  switch (kind) {
    case 'share':
      return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : String(value);
    case 'time':
      return typeof value === 'number' ? localTime(value, timezone) : String(value);
    case 'enum':
      return t.enums[String(value)] ?? String(value);
    case 'decimal':
      return typeof value === 'number' ? String(Math.round(value * 10) / 10) : String(value);
    case 'number':
      return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
    default:
      return String(value);
  }
}

/** A signed change ("+3", "−2", "±0"); shares as percentage points. */
export function formatChange(change: number, kind: CellKind): string {
  const n =
    kind === 'share' ? `${Math.abs(change * 100).toFixed(1)} pp` : Math.abs(change).toLocaleString('en-US');
  return change > 0 ? `+${n}` : change < 0 ? `−${n}` : '±0';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** 'YYYY-MM-DD HH:mm' in the timezone. */
export function localTime(ms: number, timezone: string): string {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, f);
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
