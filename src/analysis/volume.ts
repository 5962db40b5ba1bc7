import type { MessageType } from '../model/message.js';
import type { Detector } from './detector.js';
import type { LocalParts, WorkCalendar } from './work-calendar.js';

/** Aggregate volume and timing of one group's week. No per-person figures by design. */
export interface GroupVolume {
  groupId: string;
  members: number;
  messages: number;
  byType: Partial<Record<MessageType, number>>;
  /** Local date (YYYY-MM-DD) → messages; every day of the week present. */
  byDay: Record<string, number>;
  /** [ISO weekday − 1][local hour] → messages. */
  hourByWeekday: number[][];
  offHoursMessages: number;
  atAllMessages: number;
  ownerMessages: number;
  /** Distinct senders (a count only). */
  activeSenders: number;
}

export interface VolumeFindings {
  groups: GroupVolume[];
  totals: { messages: number; offHoursMessages: number; atAllMessages: number };
}

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * calendar.local and isWorkingTime, computed once per UTC minute: offsets are whole minutes (in every zone since 1972), so every
 * instant of one UTC minute has the same local date, hour and working status. A week has 10,080
 * minutes and may have a million messages; this is what the volume pass spent its time on.
 */
function localMinutes(calendar: WorkCalendar): (ms: number) => LocalParts & { working: boolean } {
  const cache = new Map<number, LocalParts & { working: boolean }>();
  return (ms) => {
    const key = Math.floor(ms / MINUTE);
    let parts = cache.get(key);
    if (parts === undefined) {
      parts = { ...calendar.local(ms), working: calendar.isWorkingTime(ms) };
      cache.set(key, parts);
    }
    return parts;
  };
}

/**
 * Messages by type, day and hour × weekday per group; the share sent outside working hours
 * (configured hours, Chinese holidays and make-up workdays via the calendar); @所有人 count;
 * messages from the owner. Every stored message counts (recalls and system lines included).
 */
export const volumeDetector: Detector<'volume', VolumeFindings> = {
  name: 'volume',
  run({ data, calendar }) {
    const days: string[] = [];
    for (let t = data.from; t < data.to; t += DAY) days.push(calendar.local(t + DAY / 2).date);
    const byGroup = new Map<string, GroupVolume & { senders: Set<string> }>();
    const owners = new Map(data.groups.map((g) => [g.id, g.ownerId]));
    const ensure = (groupId: string) => {
      let v = byGroup.get(groupId);
      if (!v) {
        v = {
          groupId,
          members: data.members.get(groupId)?.length ?? 0,
          messages: 0,
          byType: {},
          byDay: Object.fromEntries(days.map((d) => [d, 0])),
          hourByWeekday: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)),
          offHoursMessages: 0,
          atAllMessages: 0,
          ownerMessages: 0,
          activeSenders: 0,
          senders: new Set(),
        };
        byGroup.set(groupId, v);
      }
      return v;
    };
    for (const g of data.groups) ensure(g.id);
    const minuteOf = localMinutes(calendar);
    for (const m of data.messages) {
      const v = ensure(m.groupId);
      const local = minuteOf(m.time);
      v.messages++;
      v.byType[m.type] = (v.byType[m.type] ?? 0) + 1;
      v.byDay[local.date] = (v.byDay[local.date] ?? 0) + 1;
      const row = v.hourByWeekday[local.weekday - 1] as number[];
      row[local.hour] = (row[local.hour] ?? 0) + 1;
      if (!local.working) v.offHoursMessages++;
      if (m.mentionAll) v.atAllMessages++;
      if (m.senderId !== null) {
        v.senders.add(m.senderId);
        if (m.senderId === owners.get(m.groupId)) v.ownerMessages++;
      }
    }
    const groups = [...byGroup.values()].map(({ senders, ...v }) => ({ ...v, activeSenders: senders.size }));
    const totals = { messages: 0, offHoursMessages: 0, atAllMessages: 0 };
    for (const g of groups) {
      totals.messages += g.messages;
      totals.offHoursMessages += g.offHoursMessages;
      totals.atAllMessages += g.atAllMessages;
    }
    return { groups, totals };
  },
};
