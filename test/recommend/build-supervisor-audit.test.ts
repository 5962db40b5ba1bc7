import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { AuditRow } from '../../src/recommend/supervisor-audit.js';
import { renderSupervisorAudit } from '../../src/render/render-supervisor-audit.js';
import type { Store } from '../../src/store/store.js';
import { supervisorAuditNow } from '../../src/weeks/build-supervisor-audit.js';
import { at } from '../analysis/fixtures/week-data-factory.js';
import { messageInput, openTempStore } from '../fixtures/temp-store.js';
import { people } from './fixtures/crafted-week.js';

const WEEK = '2026-W47';
const config = configSchema.parse({
  org: { supervisors: [{ id: 'sv', units: ['红旗村', '南桥社区'] }, { id: 'all' }] },
  recommend: { policies: { maxGroupsPerUnit: 2 } },
});
let store: Store;
let seq = 0;

function group(
  id: string,
  unit: string,
  owner: string,
  members: string[],
  created = '2025-01-06 09:00',
): void {
  store.groups.upsert({
    id,
    name: `${id}群`,
    ownerId: owner,
    unit,
    createdAt: at(created),
    seenAt: at(created),
  });
  store.snapshots.record(id, at(created), members);
}

function post(groupId: string, local: string, extra: { text?: string; mentionAll?: boolean } = {}): void {
  store.messages.insert(
    messageInput({ id: `a${++seq}`, groupId, senderId: 'p01', time: at(local), text: '好的', ...extra }),
  );
}

const NOTICE = '关于报送年度安全生产工作总结的通知：请各单位于11月27日前报送，逾期将予以通报，谢谢配合。';

beforeAll(() => {
  store = openTempStore();
  group('big1', '党政办', 'o1', people(1, 10));
  group('big2', '党政办', 'o1', people(5, 14));
  group('new1', '党政办', 'o2', people(1, 6), '2026-11-18 10:00');
  group('tiny', '红旗村', 'o3', people(1, 3, 'q'));
  group('small', '南桥社区', 'o4', people(1, 4, 'r'));
  group('gone', '应急办', 'o5', people(1, 6, 's'));
  store.snapshots.record('gone', at('2026-11-18 12:00'), []);
  group('left', '应急办', 'o5', people(1, 6, 's'));
  store.groups.recordEvent({
    groupId: 'left',
    time: at('2026-11-10 12:00'),
    kind: 'leave',
    actorId: 'the-bot',
    detail: null,
  });
  // A member who left on their own was in a roster: not the bot.
  store.groups.recordEvent({
    groupId: 'big2',
    time: at('2026-11-17 12:00'),
    kind: 'leave',
    actorId: 'p05',
    detail: null,
  });
  group('zombie', '应急办', 'o6', people(1, 8, 'u'), '2024-03-01 09:00');

  post('big1', '2026-11-04 10:00'); // the first message on record: week 2026-W45
  for (const day of ['17', '18', '19', '19', '20'])
    post('big1', `11-${day} 10:00`, { mentionAll: true, text: '@所有人 下午开会' });
  post('big1', '11-18 23:10', { text: NOTICE });
  for (let i = 0; i < 6; i++) post('big2', `11-17 1${i}:00`);
  for (let i = 0; i < 4; i++) post('tiny', `11-18 1${i}:00`, { mentionAll: true, text: '@所有人 请注意' });
  for (let i = 0; i < 3; i++) post('small', `11-19 1${i}:00`);
  post('gone', '11-16 10:00');
});

afterAll(() => store?.close());

const row = (rows: AuditRow[], unit: string) => rows.find((r) => r.unit === unit) as AuditRow;

describe('buildSupervisorAudit', () => {
  it('counts groups at the end of the week, of last week and of the first week on record', () => {
    const audit = supervisorAuditNow(store, config, WEEK);
    expect(audit.firstWeek).toBe('2026-W45');
    expect(row(audit.units, '党政办')).toMatchObject({
      groups: 3,
      groupsLastWeek: 2,
      groupsFirstWeek: 2,
      created: 1,
      dissolved: 0,
    });
    // gone: roster emptied this week; left: the bot left last week; zombie: still there.
    expect(row(audit.units, '应急办')).toMatchObject({
      groups: 1,
      groupsLastWeek: 2,
      groupsFirstWeek: 3,
      created: 0,
      dissolved: 1,
      zombies: 1,
    });
    expect(audit.total).toMatchObject({
      groups: 6,
      groupsLastWeek: 6,
      groupsFirstWeek: 7,
      created: 1,
      dissolved: 1,
    });
  });

  it('shows per-unit figures only about 5 or more people', () => {
    const audit = supervisorAuditNow(store, config, WEEK);
    expect(row(audit.units, '党政办')).toMatchObject({
      people: 14,
      messages: 12,
      rollCalls: 0,
      atAllMessages: 5,
    });
    for (const unit of ['红旗村', '南桥社区']) {
      expect(row(audit.units, unit)).toMatchObject({
        people: null,
        messages: null,
        offHoursShare: null,
        atAllMessages: null,
      });
      expect(row(audit.units, unit).groups).toBe(1);
    }
    expect(audit.total.people).toBe(14 + 8 + 3 + 4);
  });

  it('lists policy breaches, counting those in groups under 5 members without naming them', () => {
    const audit = supervisorAuditNow(store, config, WEEK);
    expect(audit.breaches.map((b) => `${b.policy} ${b.unit} ${b.groupId} ${b.value}`).sort()).toEqual([
      'maxAtAllPerGroupPerWeek 党政办 big1 5',
      'maxGroupsPerUnit 党政办 null 3',
      'quietHours 党政办 big1 1',
    ]);
    expect(audit.hiddenBreaches).toBe(1);
  });

  it('shows a supervisor only their units', () => {
    const audit = supervisorAuditNow(store, config, WEEK, { supervisorId: 'sv' });
    expect(audit.scope).toEqual(['红旗村', '南桥社区']);
    expect(audit.units.map((u) => u.unit).sort()).toEqual(['南桥社区', '红旗村']);
    expect(audit.total).toMatchObject({ groups: 2, people: 7 });
    expect(audit.breaches).toEqual([]);
    expect(supervisorAuditNow(store, config, WEEK, { supervisorId: 'all' }).scope).toBeNull();
    expect(() => supervisorAuditNow(store, config, WEEK, { supervisorId: 'nobody' })).toThrow(RangeError);
  });

  it('hides the owner distribution cells about fewer than 5 owners', () => {
    const audit = supervisorAuditNow(store, config, WEEK);
    // At the end of the week o1 owns 2 groups; o2, o3, o4 and o6 one each (o5's groups are gone).
    expect(audit.owners.owners).toBe(5);
    expect(audit.owners.distribution).toEqual([
      { groups: '1', owners: null },
      { groups: '2', owners: null },
      { groups: '3', owners: 0 },
      { groups: '4+', owners: 0 },
    ]);
  });

  it('renders hidden figures as —, in every format but JSON', () => {
    const audit = supervisorAuditNow(store, config, WEEK);
    expect(renderSupervisorAudit(audit, 'text', 'zh-CN')).toContain('■ 红旗村（— 人）');
    expect(renderSupervisorAudit(audit, 'md', 'zh-CN')).toContain('| 红旗村 | — | 1 |');
    expect(renderSupervisorAudit(audit, 'csv', 'zh-CN')).toContain('unit,红旗村,—,1,');
    expect(renderSupervisorAudit(audit, 'csv', 'zh-CN')).toContain('unit,党政办,14,3,');
    const json = JSON.parse(renderSupervisorAudit(audit, 'json', 'en'));
    expect(json.units.find((u: AuditRow) => u.unit === '红旗村').people).toBeNull();
  });
});
