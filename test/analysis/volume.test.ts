import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { volumeDetector } from '../../src/analysis/volume.js';
import type { WeekData } from '../../src/analysis/week-data.js';
import type { WorkCalendar } from '../../src/calendar/work-calendar.js';
import { MESSAGE_TYPES, type StoredMessage } from '../../src/model/message.js';
import { at, detectorContext, message, weekData } from './fixtures/week-data-factory.js';

interface NaiveGroup {
  groupId: string;
  members: number;
  messages: number;
  byType: Record<string, number>;
  byDay: Record<string, number>;
  hourByWeekday: number[][];
  offHoursMessages: number;
  atAllMessages: number;
  ownerMessages: number;
  activeSenders: number;
  senders: Set<string>;
}

/** The volume pass as first written — objects, maps and sets per group — to compare with. */
function naiveVolume(data: WeekData, calendar: WorkCalendar) {
  const DAY = 86_400_000;
  const days: string[] = [];
  for (let t = data.from; t < data.to; t += DAY) days.push(calendar.local(t + DAY / 2).date);
  const owners = new Map(data.groups.map((g) => [g.id, g.ownerId]));
  const byGroup = new Map<string, NaiveGroup>();
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
        senders: new Set<string>(),
      };
      byGroup.set(groupId, v);
    }
    return v;
  };
  for (const g of data.groups) ensure(g.id);
  for (const m of data.messages) {
    const v = ensure(m.groupId);
    const local = calendar.local(m.time);
    v.messages++;
    v.byType[m.type] = (v.byType[m.type] ?? 0) + 1;
    v.byDay[local.date] = (v.byDay[local.date] ?? 0) + 1;
    const row = v.hourByWeekday[local.weekday - 1] as number[];
    row[local.hour] = (row[local.hour] ?? 0) + 1;
    if (!calendar.isWorkingTime(m.time)) v.offHoursMessages++;
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
}

const WEEK_START = at('2026-11-16 00:00');

describe('volumeDetector', () => {
  it('counts types in the order they first appear, days, hours, senders and the owner', () => {
    const list: StoredMessage[] = [
      message({ at: '11-16 08:00', from: 'owner', type: 'image' }),
      message({ at: '11-16 09:15', from: 'a', text: '收到' }),
      message({ at: '11-18 22:40', from: 'a', text: '好', mentionAll: true }),
      message({ at: '11-19 10:00', from: null, type: 'system', text: '张三加入了群聊' }),
      message({ at: '11-20 10:00', from: 'b', text: '好', group: 'g2@chatroom' }),
    ];
    const data = weekData(list);
    data.groups[0] = { ...(data.groups[0] as WeekData['groups'][number]), ownerId: 'owner' };
    data.members.set('g1@chatroom', ['owner', 'a', 'c']);
    const ctx = detectorContext(data);
    const { groups, totals } = volumeDetector.run(ctx, {});
    const g1 = groups[0];
    expect(g1?.byType).toEqual({ image: 1, text: 2, system: 1 });
    expect(Object.keys(g1?.byType ?? {})).toEqual(['image', 'text', 'system']);
    expect(g1?.members).toBe(3);
    expect(g1?.ownerMessages).toBe(1);
    expect(g1?.activeSenders).toBe(2);
    expect(g1?.atAllMessages).toBe(1);
    expect(g1?.hourByWeekday[0]?.[9]).toBe(1);
    expect(totals.messages).toBe(5);
    expect(JSON.stringify(volumeDetector.run(ctx, {}))).toBe(JSON.stringify(naiveVolume(data, ctx.calendar)));
  });

  it('matches the first version on random weeks, messages outside the week and unknown groups included', () => {
    const msg = fc.record({
      minute: fc.integer({ min: -3 * 24 * 60, max: 10 * 24 * 60 }),
      second: fc.integer({ min: 0, max: 59 }),
      group: fc.constantFrom('g1@chatroom', 'g2@chatroom', 'g3@chatroom'),
      sender: fc.option(fc.constantFrom('u1', 'u2', 'u3', 'owner'), { nil: null }),
      type: fc.constantFrom(...MESSAGE_TYPES),
      mentionAll: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(msg, { maxLength: 60 }), (specs) => {
        const list = specs.map((s, i) => ({
          ...message({ at: '11-16 00:00', from: s.sender, type: s.type, group: s.group }),
          time: WEEK_START + s.minute * 60_000 + s.second * 1000,
          mentionAll: s.mentionAll,
          rowId: i,
        }));
        const data = weekData(list);
        // g1 is known (with an owner) even when it has no message; g3 never is.
        data.groups = [
          {
            id: 'g1@chatroom',
            name: 'g1',
            ownerId: 'owner',
            unit: null,
            createdAt: null,
            firstSeen: 0,
            lastSeen: 0,
          },
          ...data.groups.filter((g) => g.id === 'g2@chatroom'),
        ];
        const ctx = detectorContext(data);
        const fast = JSON.stringify(volumeDetector.run(ctx, {}));
        return fast === JSON.stringify(naiveVolume(data, ctx.calendar));
      }),
      { numRuns: 200 },
    );
  });
});
