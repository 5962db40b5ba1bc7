/**
 * Deadlines in text: parsing a deadline phrase (今天下班前, 本周五前, 3个工作日内), resolving its day to a
 * date, and finding the deadline a demand (报送, 上报, 反馈…) sets.
 */
import { addDays, type DayBounds, dayBounds, isoWeekday } from '../calendar/days.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { readChineseNumber } from './chinese-numbers.js';
import { toNfkc } from './normalise.js';

/**
 * Chinese deadline phrases in work-group notices, resolved against the posting time in the
 * configured timezone: "今天下班前", "于今天16:00前", "5点前", "明天上午10点前", "11月25日（周二）
 * 下午3点前", "本周五前", "截止时间：今日17时", "1小时内", "3个工作日内", "今天之内".
 * A time phrase is a deadline only with a deadline marker: 前/之前/以前/为止 after it, 内/之内/以内
 * after a duration or a day, or 截止/截至/最迟/最晚 before it. Ambiguous phrases (a bare "8点前"
 * posted at 10:00) and standing rules ("每周三下班前", "每天下午5点前", "每月5日前") yield nothing. Contract: linear — bounded windows around markers, bounded
 * quantifiers only.
 */
export interface DeadlineMatch {
  /** UTC epoch ms. */
  deadline: number;
  /**
   * Only "于/在" marks it ("请于今天17:00报送"): a deadline if a demand verb follows at once, an
   * appointment otherwise ("于今天下午3点召开"). The caller decides.
   */
  weak: boolean;
  /** Where the phrase sits in the scanned text (code units). */
  start: number;
  end: number;
  phrase: string;
}

const CN = '[零〇一二两三四五六七八九十]';
const NUM = `(?:\\d{1,2}|${CN}{1,3})`;
const DAY =
  `(今天|今日|今晚|今早|当天|当日|明天|明日|明早|明晚|后天|(本|这|下)?(?:周|星期|礼拜)([一二三四五六日天1-7])|` +
  `(${NUM})月(${NUM})[日号]?)`;
const PAREN = '(?:[(（][^()（）]{0,6}[)）])?';
const PERIOD = '(上午|早上|早晨|中午|下午|傍晚|晚上|夜间|凌晨|早|晚)?';
const CLOCK = `(?:(${NUM})(?:[:：](\\d{2})|[点时](半|一刻|三刻|\\d{1,2}|${CN}{1,3})?分?)|(下班))?`;
// Groups: 1 day, 2 本/这/下, 3 weekday, 4 month, 5 day of month, 6 period, 7 hour, 8 :minute,
// 9 点-minute (半, 一刻, 30…), 10 下班.
const EXPR = `${DAY}?\\s{0,2}${PAREN}\\s{0,2}${PERIOD}\\s{0,2}${CLOCK}`;
/** A time phrase ending where a 前/内/为止 marker starts (applied to a bounded window before it). */
const TAIL = new RegExp(`${EXPR}\\s{0,2}$`);
/** A time phrase right after a 截止/于 marker (sticky at the marker's end). */
const HEAD = new RegExp(`[:：为到\\s]{0,3}${EXPR}\\s{0,2}(之前|以前|前|为止)?`, 'y');
const MARKER = /之前|以前|为止|之内|以内|前|内|截止到|截止时间|截至时间|截止|截至|最迟|最晚|务必于|于|在/g;
/** What makes a deadline recurring when it stands right before the phrase (每周三, 每天下午, 每个工作日). */
const STANDING = /每(?:天|日|晚|早|周|月|年|个?工作日|星期|礼拜)?\s{0,2}$/;
const SUFFIXES = new Set(['之前', '以前', '为止', '之内', '以内', '前', '内']);
const WINDOW = 40;
const DURATION = new RegExp(
  `(${NUM}|半)\\s{0,2}个?(半)?\\s{0,2}(小时|钟头|分钟|个工作日|工作日|天|日)\\s{0,2}(?:之内|以内|内)`,
  'g',
);

/** The groups resolveAbsolute reads: the marker before, the phrase's groups, the marker after. */
type PhraseGroups = [string | undefined, ...(string | undefined)[]];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Every deadline phrase in `text`, in order. Scans for the markers (前, 内, 为止, 截止, 于…) and
 * reads the time phrase in a bounded window before or after each, so the cost is linear in the text.
 */
export function findDeadlines(text: string, postedAt: number, calendar: WorkCalendar): DeadlineMatch[] {
  const found: DeadlineMatch[] = [];
  const days = (date: string) => dayBounds(calendar, date);
  let todayCache: string | undefined;
  const today = () => {
    todayCache ??= calendar.local(postedAt).date;
    return todayCache;
  };
  const add = (groups: PhraseGroups, start: number, end: number, weak: boolean) => {
    // "每周三下班前", "每天下午5点前": a standing rule, not this day's deadline.
    if (STANDING.test(text.slice(Math.max(0, start - 6), start))) return;
    const deadline = resolveAbsolute(groups, postedAt, today, days);
    if (deadline !== null) found.push({ deadline, weak, start, end, phrase: text.slice(start, end) });
  };
  for (const marker of text.matchAll(MARKER)) {
    const word = marker[0];
    if (SUFFIXES.has(word)) {
      const from = Math.max(0, marker.index - WINDOW);
      const m = TAIL.exec(text.slice(from, marker.index));
      if (m && m[0].length > 0)
        add([undefined, ...m.slice(1), word], from + m.index, marker.index + word.length, false);
      continue;
    }
    HEAD.lastIndex = marker.index + word.length;
    const m = HEAD.exec(text);
    // With a 前 after it, the phrase is found again from that marker: keep one.
    if (!m || m[11] !== undefined) continue;
    add([word, ...m.slice(1, 11), undefined], marker.index, HEAD.lastIndex, word === '于' || word === '在');
  }
  if (text.includes('内')) {
    for (const m of text.matchAll(DURATION)) {
      const deadline = resolveDuration(m, postedAt, calendar);
      if (deadline !== null) {
        found.push({ deadline, weak: false, start: m.index, end: m.index + m[0].length, phrase: m[0] });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The first (non-weak) deadline phrase in `text`, or null when there is none or it is ambiguous. */
export function parseDeadline(text: string, postedAt: number, calendar: WorkCalendar): number | null {
  return findDeadlines(toNfkc(text), postedAt, calendar).find((d) => !d.weak)?.deadline ?? null;
}

function resolveAbsolute(
  m: PhraseGroups,
  postedAt: number,
  today: () => string,
  days: (date: string) => DayBounds,
): number | null {
  const [
    prefix,
    day,
    weekPrefix,
    weekday,
    month,
    dayOfMonth,
    period,
    hourText,
    minuteText,
    halfText,
    offWork,
    suffix,
  ] = m;
  const hasTime = hourText !== undefined || offWork !== undefined;
  if (day === undefined && period === undefined && !hasTime) return null;
  // A marker is required: a time before 前/为止, or after 截止/截至; 内 only follows a bare day.
  const within = suffix === '内' || suffix === '之内' || suffix === '以内';
  if (within ? hasTime || period !== undefined || day === undefined : suffix === undefined && !prefix)
    return null;
  // "前" after a lone month-less number ("3前") or a lone period ("早前") is not a time.
  if (!hasTime && day === undefined && period !== '上午' && period !== '中午') return null;
  const date = resolveDeadlineDate(today(), day, weekPrefix, weekday, month, dayOfMonth);
  if (date === null) return null;
  const dayPeriod = period ?? (day?.endsWith('晚') ? '晚上' : day?.endsWith('早') ? '上午' : undefined);
  const { start: dayStart, endOfWork } = days(date);
  if (offWork !== undefined)
    return dayPeriod === '上午' || dayPeriod === '中午' ? dayStart + 12 * HOUR : endOfWork;
  if (hourText === undefined) {
    if (dayPeriod === '上午' || dayPeriod === '中午') return dayStart + 12 * HOUR;
    if (dayPeriod === '晚上' || dayPeriod === '夜间') return dayStart + 24 * HOUR;
    if (dayPeriod !== undefined && dayPeriod !== '下午') return null;
    // A day alone: its end of work, or its end when that has passed (今天之内 posted at night).
    return postedAt < endOfWork || dayPeriod === '下午' ? endOfWork : dayStart + 24 * HOUR;
  }
  const hour = readChineseNumber(hourText);
  const minute = minuteOf(minuteText, halfText);
  if (hour === null || minute === null || hour > 24 || minute > 59 || (hour === 24 && minute > 0))
    return null;
  const h = clockHour(hour, dayPeriod);
  if (h === null) return null;
  const at = dayStart + h * HOUR + minute * MINUTE;
  // "8点前" with no day and no period, already past at 10:00: 20:00 or tomorrow 8:00? Ambiguous.
  if (day === undefined && dayPeriod === undefined && hour >= 7 && hour <= 11 && at <= postedAt) return null;
  return at;
}

function minuteOf(minuteText: string | undefined, halfText: string | undefined): number | null {
  if (minuteText !== undefined) return Number(minuteText);
  if (halfText === undefined) return 0;
  if (halfText === '半') return 30;
  if (halfText === '一刻') return 15;
  if (halfText === '三刻') return 45;
  return readChineseNumber(halfText);
}

/** 24-hour hour of a spoken hour: "下午5点" → 17; a bare 1–6 is afternoon (no one sets 5 a.m.). */
function clockHour(hour: number, period: string | undefined): number | null {
  switch (period) {
    case '下午':
    case '傍晚':
    case '晚上':
    case '晚':
    case '夜间':
      return hour < 12 ? hour + 12 : hour;
    case '中午':
      return hour <= 2 ? hour + 12 : hour;
    case '凌晨':
      return hour === 12 ? 0 : hour;
    case undefined:
      return hour >= 1 && hour <= 6 ? hour + 12 : hour;
    default:
      return hour > 12 ? null : hour;
  }
}

function resolveDuration(m: RegExpMatchArray, postedAt: number, calendar: WorkCalendar): number | null {
  const [, amountText, extraHalf, unit] = m;
  let amount = amountText === '半' ? 0.5 : readChineseNumber(amountText ?? '');
  if (amount === null) return null;
  if (extraHalf) amount += 0.5;
  if (unit === '分钟') return postedAt + amount * MINUTE;
  if (unit === '小时' || unit === '钟头') return postedAt + amount * HOUR;
  if (unit === '天' || unit === '日') return postedAt + amount * 24 * HOUR;
  // N working days: the end of work on the Nth workday after the posting day.
  let date = calendar.local(postedAt).date;
  for (let left = Math.ceil(amount), guard = 0; left > 0 && guard < 60; guard++) {
    date = addDays(date, 1);
    if (calendar.isWorkday(date)) left--;
  }
  return dayBounds(calendar, date).endOfWork;
}

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

/**
 * The deadline a text sets for reporting, submitting, posting proof, feeding back or checking: each
 * demand verb (报送, 上报, 报上来, 反馈, 提交, 发群里, 核实, 摸排, 排查, 统计, 报告…) takes the nearest deadline phrase of its sentence
 * ("请于11月25日前报送" — not the meeting time of the sentence before); "马上/立即 … 上报" gives
 * `immediateMinutes`. A deadline phrase standing in a "截止时间/时间要求" line of its own applies
 * to the demands of the whole text. The earliest deadline of all demands is returned.
 * Contract: linear in the text's length (global scans with bounded quantifiers).
 */
export interface DemandDeadline {
  /** UTC epoch ms. */
  deadline: number;
  phrase: string;
  kind: 'deadline' | 'immediate';
}

const VERB =
  /报送|上报|报上来|报来|报给|报至|报回|报我|报(?!告)[^\s，,。、]{0,4}?(?:办|局|委|部|处|科|所|站|中心|组|室)|反馈|提交|上交|交至|交到|交给|发群里|发到群|发至群|发在群|群里发|发送至|发送到|发至|上传|填报|报备|回复|回传|核实|核查|摸排|排查|统计|报告|汇总/g;
const VERB_ANY = new RegExp(VERB.source);
// 第一时间 is left out: "如遇突发情况，请第一时间报告" is a standing rule, not a deadline.
const IMMEDIATE = /马上|立即|立刻|即刻|火速/g;
// A condition makes the immediacy conditional: "如发现问题，立即上报" sets no deadline.
const CONDITION = /如遇|如有|如发现|如出现|若|一旦|发现|遇到|遇有|出现/;
const SENTENCE_END = /[。！!？?；;\n]/g;
const CLAUSE_BREAK = /[，,。！!？?；;\n]/;
const DEADLINE_LINE = /截止|时限|时间要求|报送时间|反馈时间|提交时间|完成时间/;
/** How far (code units) an immediacy word or a weak "于…" may stand before its verb. */
const IMMEDIATE_REACH = 10;
const WEAK_REACH = 8;
/** A verb looks for its deadline this far (code units) either side, within its sentence. */
const REACH = 80;
/** A "截止时间：…" line longer than this is prose, not a deadline line. */
const MAX_LINE = 60;
/** A deadline after its verb ("报送时间为今天下班前") is a little less likely to be its own. */
const AFTER_PENALTY = 5;

export function findDemandDeadline(
  text: string,
  postedAt: number,
  calendar: WorkCalendar,
  immediateMinutes: number,
): DemandDeadline | null {
  if (!VERB_ANY.test(text)) return null;
  const normal = toNfkc(text);
  const verbs = [...normal.matchAll(VERB)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (verbs.length === 0) return null;
  const deadlines = findDeadlines(normal, postedAt, calendar);
  const sentenceOf = positionIndex([...normal.matchAll(SENTENCE_END)].map((m) => m.index));
  let best: DemandDeadline | null = null;
  const offer = (d: DemandDeadline) => {
    if (best === null || d.deadline < best.deadline) best = d;
  };

  // Deadlines and verbs are both in text order: a sliding window keeps this linear.
  let first = 0;
  for (const verb of verbs) {
    while (first < deadlines.length && (deadlines[first] as DeadlineMatch).end < verb.start - REACH) first++;
    let nearest: DeadlineMatch | null = null;
    let nearestDistance = Number.POSITIVE_INFINITY;
    for (let i = first; i < deadlines.length; i++) {
      const d = deadlines[i] as DeadlineMatch;
      if (d.start > verb.end + REACH) break;
      if (sentenceOf(d.start) !== sentenceOf(verb.start)) continue;
      const before = d.end <= verb.start;
      const gap = before ? verb.start - d.end : d.start - verb.end + AFTER_PENALTY;
      if (d.weak && (!before || gap > WEAK_REACH || CLAUSE_BREAK.test(normal.slice(d.end, verb.start))))
        continue;
      if (gap < nearestDistance) {
        nearest = d;
        nearestDistance = gap;
      }
    }
    if (nearest) offer({ deadline: nearest.deadline, phrase: nearest.phrase, kind: 'deadline' });
  }
  let next = 0;
  for (const m of normal.matchAll(IMMEDIATE)) {
    const end = m.index + m[0].length;
    while (next < verbs.length && (verbs[next] as { start: number }).start < end) next++;
    const verb = verbs[next];
    if (
      verb &&
      verb.start - end <= IMMEDIATE_REACH &&
      !CLAUSE_BREAK.test(normal.slice(end, verb.start)) &&
      !CONDITION.test(clauseBefore(normal, m.index))
    ) {
      offer({ deadline: postedAt + immediateMinutes * 60_000, phrase: m[0], kind: 'immediate' });
    }
  }
  if (best === null) {
    const newlines = [...normal.matchAll(/\n/g)].map((m) => m.index);
    const lineOf = positionIndex(newlines);
    for (const d of deadlines) {
      if (d.weak) continue;
      const n = lineOf(d.start);
      const line = normal.slice(n === 0 ? 0 : (newlines[n - 1] as number) + 1, newlines[n] ?? normal.length);
      if (line.length > MAX_LINE) continue;
      if (DEADLINE_LINE.test(line) || line.trim().length <= d.phrase.length + 6) {
        offer({ deadline: d.deadline, phrase: d.phrase, kind: 'deadline' });
      }
    }
  }
  return best;
}

/** The clause (back to the previous comma or sentence end, at most 40 code units) before `pos`. */
function clauseBefore(text: string, pos: number): string {
  const head = text.slice(Math.max(0, pos - 40), pos);
  const parts = head.split(CLAUSE_BREAK);
  return parts[parts.length - 1] ?? '';
}

/** Maps a position to how many of the sorted `ends` lie before it (its sentence or line number). */
function positionIndex(ends: number[]): (pos: number) => number {
  return (pos) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
