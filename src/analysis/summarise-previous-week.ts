import type { MessageTimes } from '../store/read-message-times.js';
import type { PreviousWeek } from './weekly-report.js';
import type { WorkCalendar } from './work-calendar.js';

/** Totals of a week from its columnar message times, for week-over-week comparison. Pure. */
export function summarisePreviousWeek(
  week: string,
  times: MessageTimes,
  calendar: WorkCalendar,
): PreviousWeek {
  const messagesByGroup: Record<string, number> = {};
  let offHoursMessages = 0;
  let atAllMessages = 0;
  for (let i = 0; i < times.times.length; i++) {
    const groupId = times.groupIds[i] as string;
    messagesByGroup[groupId] = (messagesByGroup[groupId] ?? 0) + 1;
    if (!calendar.isWorkingTime(times.times[i] as number)) offHoursMessages++;
    if (times.mentionAll[i] === 1) atAllMessages++;
  }
  return { week, messages: times.times.length, offHoursMessages, atAllMessages, messagesByGroup };
}
