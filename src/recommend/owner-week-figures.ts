import type { WeekFindings } from '../analysis/registry.js';
import type { WeekData } from '../analysis/week-data.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { MessageTimes } from '../store/messages.js';

const DAY = 86_400_000;

export interface DayFigures {
  messages: number;
  offHoursMessages: number;
  /** Repeated copies of notices (every copy of a duplicate cluster but its first). */
  duplicates: number;
}

export interface PreviousGroupFigures {
  messages: number;
  offHoursMessages: number;
  atAllMessages: number;
}

/** The week's local dates, Monday first. */
export function weekDays(data: WeekData, calendar: WorkCalendar): string[] {
  const days: string[] = [];
  for (let t = data.from; t < data.to; t += DAY) days.push(calendar.local(t + DAY / 2).date);
  return days;
}

/**
 * Per owner, per local day: messages, off-hours messages and repeated notice copies in the owner's
 * groups (only those `counted`: the digest leaves out groups whose figures it hides). One pass over
 * the week's messages.
 */
export function dailyFiguresByOwner(
  data: WeekData,
  findings: WeekFindings,
  calendar: WorkCalendar,
  counted: (groupId: string) => boolean = () => true,
): Map<string, Map<string, DayFigures>> {
  const ownerOf = new Map(
    data.groups.filter((g) => g.ownerId !== null && counted(g.id)).map((g) => [g.id, g.ownerId as string]),
  );
  const repeat = new Set<string>();
  for (const c of findings.duplicates) for (const id of c.messageIds.slice(1)) repeat.add(id);
  const out = new Map<string, Map<string, DayFigures>>();
  for (const m of data.messages) {
    const owner = ownerOf.get(m.groupId);
    if (owner === undefined) continue;
    let days = out.get(owner);
    if (!days) {
      days = new Map();
      out.set(owner, days);
    }
    const date = calendar.local(m.time).date;
    let day = days.get(date);
    if (!day) {
      day = { messages: 0, offHoursMessages: 0, duplicates: 0 };
      days.set(date, day);
    }
    day.messages++;
    if (!calendar.isWorkingTime(m.time)) day.offHoursMessages++;
    if (repeat.has(m.id)) day.duplicates++;
  }
  return out;
}

/**
 * Last week's figures per group from its columnar message times, or null when nothing at all is
 * stored for last week (then there is nothing to compare with).
 */
export function previousFiguresByGroup(
  times: MessageTimes,
  calendar: WorkCalendar,
): Map<string, PreviousGroupFigures> | null {
  if (times.times.length === 0) return null;
  const out = new Map<string, PreviousGroupFigures>();
  for (let i = 0; i < times.times.length; i++) {
    const groupId = times.groupIds[i] as string;
    let g = out.get(groupId);
    if (!g) {
      g = { messages: 0, offHoursMessages: 0, atAllMessages: 0 };
      out.set(groupId, g);
    }
    g.messages++;
    if (!calendar.isWorkingTime(times.times[i] as number)) g.offHoursMessages++;
    if (times.mentionAll[i] === 1) g.atAllMessages++;
  }
  return out;
}
