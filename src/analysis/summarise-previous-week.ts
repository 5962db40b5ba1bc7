import { localMinutes } from '../calendar/days.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { MessageTimes } from '../store/messages.js';
import type { PreviousWeek } from './weekly-report.js';

/**
 * Totals of a week from its columnar message times, for week-over-week comparison. Pure. Working
 * time is looked up once per minute (a week may hold a million messages).
 */
export function summarisePreviousWeek(
  week: string,
  times: MessageTimes,
  calendar: WorkCalendar,
): PreviousWeek {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const t of times.times) {
    if (t < from) from = t;
    if (t > to) to = t;
  }
  const minuteOf = localMinutes(calendar, from, to);
  const messagesByGroup: Record<string, number> = {};
  const offHoursByGroup: Record<string, number> = {};
  const atAllByGroup: Record<string, number> = {};
  let offHoursMessages = 0;
  let atAllMessages = 0;
  for (let i = 0; i < times.times.length; i++) {
    const groupId = times.groupIds[i] as string;
    messagesByGroup[groupId] = (messagesByGroup[groupId] ?? 0) + 1;
    if (!minuteOf(times.times[i] as number).working) {
      offHoursMessages++;
      offHoursByGroup[groupId] = (offHoursByGroup[groupId] ?? 0) + 1;
    }
    if (times.mentionAll[i] === 1) {
      atAllMessages++;
      atAllByGroup[groupId] = (atAllByGroup[groupId] ?? 0) + 1;
    }
  }
  return {
    week,
    messages: times.times.length,
    offHoursMessages,
    atAllMessages,
    messagesByGroup,
    offHoursByGroup,
    atAllByGroup,
  };
}
