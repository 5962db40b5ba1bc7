import { localMinutes } from '../calendar/days.js';
import type { MessageType } from '../model/message.js';
import type { Detector } from './detector.js';

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
const HOURS = 7 * 24;
/** Per group, one row of counters: messages, off-hours, @所有人, owner's, then types, days, hours. */
const MESSAGES = 0;
const OFF_HOURS = 1;
const AT_ALL = 2;
const OWNER = 3;
const TYPES = 4;
/** Types beyond this many distinct ones (there are nine) are counted in a map. */
const TYPE_SLOTS = 16;
const DAYS = TYPES + TYPE_SLOTS;

/**
 * Messages by type, day and hour × weekday per group; the share sent outside working hours
 * (configured hours, Chinese holidays and make-up workdays via the calendar); @所有人 count;
 * messages from the owner. Every stored message counts (recalls and system lines included).
 * Groups come in `data.groups` order, then groups seen only in messages, in order of appearance;
 * `byType` lists types in the order they first appear in the group.
 *
 * Cost: a million messages over 10,000 groups. Each group's counters are one row of one typed
 * array (rather than objects, maps and sets per group, which missed the cache on every message),
 * and its senders are collected in a list and counted distinct once at the end.
 */
export const volumeDetector: Detector<'volume', VolumeFindings> = {
  name: 'volume',
  run({ data, calendar }) {
    const days: string[] = [];
    for (let t = data.from; t < data.to; t += DAY) days.push(calendar.local(t + DAY / 2).date);
    const dayIndex = new Map<string, number>();
    for (const d of days) if (!dayIndex.has(d)) dayIndex.set(d, dayIndex.size);
    const stride = DAYS + dayIndex.size + HOURS;
    const hoursAt = DAYS + dayIndex.size;
    const owners = new Map(data.groups.map((g) => [g.id, g.ownerId]));

    const index = new Map<string, number>();
    const groupIds: string[] = [];
    const ownerOf: (string | null | undefined)[] = [];
    const typeOrder: number[][] = [];
    const senders: string[][] = [];
    /** Dates outside the week's days and types beyond TYPE_SLOTS (none in practice), in order. */
    const extra: (Map<string, number> | undefined)[] = [];
    let counts = new Float64Array(stride * Math.max(16, data.groups.length));
    const ensure = (groupId: string): number => {
      let g = index.get(groupId);
      if (g === undefined) {
        g = groupIds.length;
        index.set(groupId, g);
        groupIds.push(groupId);
        ownerOf.push(owners.get(groupId));
        typeOrder.push([]);
        senders.push([]);
        extra.push(undefined);
        if ((g + 1) * stride > counts.length) {
          const grown = new Float64Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      return g;
    };
    for (const g of data.groups) ensure(g.id);
    const typeCode = new Map<string, number>();
    const typeNames: string[] = [];
    const bump = (g: number, key: string) => {
      const map = extra[g] ?? new Map<string, number>();
      extra[g] = map;
      map.set(key, (map.get(key) ?? 0) + 1);
    };

    const add = (i: number) => {
      counts[i] = (counts[i] as number) + 1;
    };
    const minuteOf = localMinutes(calendar, data.from, data.to);
    let lastId: string | undefined;
    let g = -1;
    for (const m of data.messages) {
      if (m.groupId !== lastId) {
        g = ensure(m.groupId);
        lastId = m.groupId;
      }
      const row = g * stride;
      const local = minuteOf(m.time);
      add(row + MESSAGES);
      let code = typeCode.get(m.type);
      if (code === undefined) {
        code = typeNames.length;
        typeCode.set(m.type, code);
        typeNames.push(m.type);
      }
      if (code < TYPE_SLOTS) {
        if (counts[row + TYPES + code] === 0) typeOrder[g]?.push(code);
        add(row + TYPES + code);
      } else {
        if (!extra[g]?.has(`t${m.type}`)) typeOrder[g]?.push(code);
        bump(g, `t${m.type}`);
      }
      const day = dayIndex.get(local.date);
      if (day !== undefined) add(row + DAYS + day);
      else bump(g, `d${local.date}`);
      add(row + hoursAt + local.slot);
      if (!local.working) add(row + OFF_HOURS);
      if (m.mentionAll) add(row + AT_ALL);
      if (m.senderId !== null) {
        senders[g]?.push(m.senderId);
        if (m.senderId === ownerOf[g]) add(row + OWNER);
      }
    }

    const dayNames = [...dayIndex.keys()];
    const groups: GroupVolume[] = groupIds.map((groupId, g) => {
      const row = g * stride;
      const at = (i: number) => counts[row + i] as number;
      const more = extra[g];
      const byType: Record<string, number> = {};
      for (const code of typeOrder[g] ?? []) {
        const name = typeNames[code] as string;
        byType[name] = code < TYPE_SLOTS ? at(TYPES + code) : (more?.get(`t${name}`) ?? 0);
      }
      const byDay: Record<string, number> = {};
      dayNames.forEach((d, i) => {
        byDay[d] = at(DAYS + i);
      });
      for (const [key, n] of more ?? []) if (key.startsWith('d')) byDay[key.slice(1)] = n;
      return {
        groupId,
        members: data.members.get(groupId)?.length ?? 0,
        messages: at(MESSAGES),
        byType: byType as GroupVolume['byType'],
        byDay,
        hourByWeekday: Array.from({ length: 7 }, (_, w) =>
          Array.from(counts.subarray(row + hoursAt + w * 24, row + hoursAt + w * 24 + 24)),
        ),
        offHoursMessages: at(OFF_HOURS),
        atAllMessages: at(AT_ALL),
        ownerMessages: at(OWNER),
        activeSenders: new Set(senders[g]).size,
      };
    });
    const totals = { messages: 0, offHoursMessages: 0, atAllMessages: 0 };
    for (const v of groups) {
      totals.messages += v.messages;
      totals.offHoursMessages += v.offHoursMessages;
      totals.atAllMessages += v.atAllMessages;
    }
    return { groups, totals };
  },
};
