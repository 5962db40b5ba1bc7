import { describe, expect, it } from 'vitest';
import type { DetectorContext } from '../../src/analysis/detector.js';
import { groupOverlapDetector } from '../../src/analysis/group-overlap.js';
import { volumeDetector } from '../../src/analysis/volume.js';
import { zombieGroupsDetector } from '../../src/analysis/zombie-groups.js';
import { weekBounds } from '../../src/calendar/weeks.js';
import { createWorkCalendar } from '../../src/calendar/work-calendar.js';
import { configSchema } from '../../src/config/schema.js';
import type { Group } from '../../src/model/group.js';
import type { StoredMessage } from '../../src/model/message.js';

const config = configSchema.parse({});
const bounds = weekBounds('2026-W47', 'Asia/Shanghai');
const bj = (iso: string) => Date.parse(`${iso}+08:00`);
const DAY = 86_400_000;

function group(id: string, ownerId: string, createdAt = bj('2025-01-01T00:00:00')): Group {
  return { id, name: id, ownerId, unit: null, createdAt, firstSeen: createdAt, lastSeen: createdAt };
}

let seq = 0;
function msg(
  groupId: string,
  senderId: string,
  local: string,
  extra: Partial<StoredMessage> = {},
): StoredMessage {
  seq++;
  return {
    rowId: seq,
    source: 'test',
    id: `m-${seq}`,
    groupId,
    senderId,
    time: bj(local),
    type: 'text',
    text: '好的',
    textLength: 2,
    mentionAll: false,
    mentionIds: [],
    link: null,
    file: null,
    miniprogram: null,
    ...extra,
  };
}

function ctx(
  groups: Group[],
  members: Record<string, string[]>,
  messages: StoredMessage[],
  last: Record<string, number> = {},
): DetectorContext {
  return {
    config,
    calendar: createWorkCalendar(config),
    data: {
      ...bounds,
      messages: messages.sort((a, b) => a.time - b.time),
      groups,
      members: new Map(Object.entries(members)),
      contacts: new Map(),
      lastHumanMessageAt: new Map(Object.entries(last)),
    },
  };
}

describe('volumeDetector', () => {
  it('counts messages by type, day, hour × weekday, off-hours, @所有人 and the owner', () => {
    const c = ctx([group('a@r', 'u-owner'), group('b@r', 'u-x')], { 'a@r': ['u-owner', 'u-1', 'u-2'] }, [
      msg('a@r', 'u-owner', '2026-11-16T09:00:00', { mentionAll: true }),
      msg('a@r', 'u-1', '2026-11-16T22:10:00'),
      msg('a@r', 'u-2', '2026-11-21T10:00:00', { type: 'image', text: null, textLength: 0 }),
      msg('a@r', 'u-1', '2026-11-17T12:00:00', { type: 'recalled', text: 'm-2' }),
    ]);
    const { groups, totals } = volumeDetector.run(c, {});
    const a = groups.find((g) => g.groupId === 'a@r');
    expect(a).toMatchObject({
      members: 3,
      messages: 4,
      byType: { text: 2, image: 1, recalled: 1 },
      offHoursMessages: 2,
      atAllMessages: 1,
      ownerMessages: 1,
      activeSenders: 3,
    });
    expect(a?.byDay).toEqual({
      '2026-11-16': 2,
      '2026-11-17': 1,
      '2026-11-18': 0,
      '2026-11-19': 0,
      '2026-11-20': 0,
      '2026-11-21': 1,
      '2026-11-22': 0,
    });
    expect(a?.hourByWeekday[0]?.[22]).toBe(1);
    expect(a?.hourByWeekday[5]?.[10]).toBe(1);
    expect(groups.find((g) => g.groupId === 'b@r')?.messages).toBe(0);
    expect(totals).toEqual({ messages: 4, offHoursMessages: 2, atAllMessages: 1 });
  });
});

describe('zombieGroupsDetector', () => {
  it('flags old groups silent for the quiet window, not young or active ones', () => {
    const groups = [
      group('silent@r', 'u'),
      group('active@r', 'u'),
      group('young@r', 'u', bounds.to - 5 * DAY),
      group('never@r', 'u'),
    ];
    const last = { 'silent@r': bounds.to - 31 * DAY, 'active@r': bounds.to - 29 * DAY };
    const found = zombieGroupsDetector.run(ctx(groups, {}, [], last), {});
    expect(found.map((z) => z.groupId).sort()).toEqual(['never@r', 'silent@r']);
    expect(found.find((z) => z.groupId === 'silent@r')?.quietDays).toBe(31);
  });
});

describe('groupOverlapDetector', () => {
  it('finds overlapping and contained rosters and the notices they share', () => {
    const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `u-${i + from}`);
    const members = {
      'big@r': ids(40),
      'twin@r': ids(38), // contained in big
      'half@r': ids(20, 30), // 10 shared with big: jaccard 0.2, containment 0.5 → not reported
      'other@r': ids(10, 100),
    };
    const duplicates = [{ groupIds: ['big@r', 'twin@r'] }, { groupIds: ['twin@r', 'big@r', 'half@r'] }];
    const found = groupOverlapDetector.run(ctx([], members, []), { duplicates });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      groupIds: ['twin@r', 'big@r'],
      members: [38, 40],
      sharedMembers: 38,
      jaccard: 0.95,
      containment: 1,
      sharedNotices: 2,
      notices: [2, 2],
    });
  });
});
