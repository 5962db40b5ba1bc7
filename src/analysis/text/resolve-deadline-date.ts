import { addDays, isoWeekday } from '../../calendar/days.js';
import { readChineseNumber } from './read-chinese-number.js';

const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/**
 * The local date (YYYY-MM-DD) a deadline's day names, seen from `today` (the posting date): 今天/当天
 * (or no day), 明天, 后天, 本周五/周五 (this week; a bare weekday already past means next week's),
 * 下周一, 11月25日 (this year, or next year's when half a year or more behind). Null when invalid.
 */
export function resolveDeadlineDate(
  today: string,
  day: string | undefined,
  weekPrefix: string | undefined,
  weekday: string | undefined,
  month: string | undefined,
  dayOfMonth: string | undefined,
): string | null {
  if (day === undefined || day.startsWith('今') || day.startsWith('当')) return today;
  if (day.startsWith('明')) return addDays(today, 1);
  if (day === '后天') return addDays(today, 2);
  if (weekday !== undefined) {
    const target = WEEKDAYS[weekday] ?? Number(weekday);
    const offset = target - isoWeekday(today);
    if (weekPrefix === '下') return addDays(today, offset + 7);
    return addDays(today, weekPrefix === undefined && offset < 0 ? offset + 7 : offset);
  }
  const mo = readChineseNumber(month ?? '');
  const d = readChineseNumber(dayOfMonth ?? '');
  if (mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  let year = Number(today.slice(0, 4));
  const todayMonth = Number(today.slice(5, 7));
  // A date half a year or more behind the posting is next year's ("1月5日前" posted in December).
  if (todayMonth - mo > 6 || (todayMonth - mo === 6 && d < Number(today.slice(8, 10)))) year++;
  if (d > new Date(Date.UTC(year, mo, 0)).getUTCDate()) return null; // 2月30日 and the like
  return `${year}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
