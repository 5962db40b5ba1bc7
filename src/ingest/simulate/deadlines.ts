/**
 * Deadline phrases relative to the time a demand is posted. A rushed deadline falls on the same day,
 * at least an hour and at most a working afternoon after posting; a relaxed one lies three or more
 * days ahead (never "tomorrow", which would blur the label).
 */
import { clock24, cnDate, cnShortWeekday } from './chinese-dates.js';
import type { Prng } from './prng.js';
import { DAY, localParts } from './sim-clock.js';

/** Local minutes by which any rushed deadline has passed (18:00). */
const END_OF_DAY = 18 * 60;

/**
 * A same-day deadline for a demand posted at `postMs` (which must be before 15:00 local), e.g.
 * 今天下班前, 今天16:00前, 1小时内, 今天下午5点前. Returns the phrase and the local minute it ends.
 */
export function rushedDeadline(rng: Prng, postMs: number): { phrase: string; byMinute: number } {
  const minute = localParts(postMs).minute;
  const earliestHour = Math.floor(minute / 60) + 2;
  const hour = Math.min(17, rng.int(earliestHour, earliestHour + 2));
  const r = rng.next();
  if (r < 0.3) return { phrase: '今天下班前', byMinute: END_OF_DAY };
  if (r < 0.55) return { phrase: `今天${clock24(hour * 60)}前`, byMinute: hour * 60 };
  if (r < 0.75) {
    const hours = rng.int(1, 2);
    return { phrase: `${hours === 1 ? '1' : '2'}小时内`, byMinute: minute + hours * 60 };
  }
  const pm = Math.max(hour, 14);
  return { phrase: `今天下午${pm - 12}点前`, byMinute: pm * 60 };
}

/**
 * A deadline three to twelve days after posting: 11月25日前, 11月21日（周五）下班前, 本周五前. Copies
 * and reminders of a notice follow within about two days, so even they never fall on the deadline day.
 */
export function relaxedDeadline(rng: Prng, postMs: number): string {
  const weekday = localParts(postMs).weekday;
  const r = rng.next();
  if (r < 0.2 && weekday <= 2) return '本周五前';
  if (r < 0.3 && weekday <= 4) return '下周一前';
  const day = postMs + rng.int(3, 12) * DAY;
  if (r < 0.65) return `${cnDate(day)}前`;
  return `${cnDate(day)}（${cnShortWeekday(day)}）下班前`;
}
