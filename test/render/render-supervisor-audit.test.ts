import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { AuditRow, SupervisorAudit } from '../../src/recommend/supervisor-audit.js';
import { renderSupervisorAudit } from '../../src/render/render-supervisor-audit.js';

const row = (over: Partial<AuditRow>): AuditRow => ({
  unit: '党政办',
  people: 32,
  groups: 6,
  groupsLastWeek: 5,
  groupsFirstWeek: 7,
  created: 1,
  dissolved: 0,
  zombies: 1,
  messages: 536,
  offHoursShare: 0.209,
  duplicateRate: 0.125,
  rollCalls: 2,
  atAllMessages: 4,
  ...over,
});

const hidden = {
  people: null,
  messages: null,
  offHoursShare: null,
  duplicateRate: null,
  rollCalls: null,
  atAllMessages: null,
};

const audit: SupervisorAudit = {
  week: '2026-W47',
  from: '2026-11-15T16:00:00.000Z',
  to: '2026-11-22T16:00:00.000Z',
  timezone: 'Asia/Shanghai',
  firstWeek: '2026-W44',
  scope: null,
  minPeople: 5,
  total: row({ unit: null, people: 40, groups: 9, groupsLastWeek: 8, groupsFirstWeek: 10, messages: 640 }),
  units: [
    row({}),
    row({
      unit: '红旗村',
      groups: 2,
      groupsLastWeek: 2,
      groupsFirstWeek: 2,
      created: 0,
      zombies: 0,
      ...hidden,
    }),
    row({ unit: null, groups: 1, groupsLastWeek: 1, groupsFirstWeek: 1, created: 0, zombies: 0, ...hidden }),
  ],
  owners: {
    owners: 12,
    distribution: [
      { groups: '1', owners: 8 },
      { groups: '2', owners: null },
      { groups: '3', owners: null },
      { groups: '4+', owners: 0 },
    ],
  },
  breaches: [
    { policy: 'maxGroupsPerUnit', unit: '党政办', groupId: null, groupName: null, value: 6, limit: 5 },
    {
      policy: 'maxAtAllPerGroupPerWeek',
      unit: '党政办',
      groupId: 'g1',
      groupName: '机关工作群, 全体',
      value: 4,
      limit: 3,
    },
    {
      policy: 'quietHours',
      unit: '党政办',
      groupId: 'g1',
      groupName: '机关工作群, 全体',
      value: 2,
      limit: 0,
    },
  ],
  hiddenBreaches: 1,
  policies: configSchema.parse({}).recommend.policies,
};

describe('renderSupervisorAudit', () => {
  it.each([
    ['text', 'zh-CN'],
    ['md', 'zh-CN'],
    ['csv', 'zh-CN'],
    ['text', 'en'],
    ['md', 'en'],
  ] as const)('renders %s in %s', (format, locale) => {
    expect(renderSupervisorAudit(audit, format, locale)).toMatchSnapshot();
  });

  it('keeps JSON as the audit itself, hidden figures null', () => {
    expect(JSON.parse(renderSupervisorAudit(audit, 'json', 'zh-CN'))).toEqual(audit);
  });

  it('quotes CSV fields with commas, and every row has the same columns', () => {
    const lines = renderSupervisorAudit(audit, 'csv', 'en').replace(/\r\n$/, '').split('\r\n');
    expect(lines.some((l) => l.includes('"机关工作群, 全体"'))).toBe(true);
    const columns = (l: string) => l.replace(/"[^"]*"/g, 'x').split(',').length;
    for (const l of lines) expect(columns(l)).toBe(columns(lines[0] as string));
  });

  it('says when nothing breaches a policy', () => {
    const clean = { ...audit, breaches: [], hiddenBreaches: 0 };
    expect(renderSupervisorAudit(clean, 'text', 'zh-CN')).toContain('本周未发现违反规定的情况。');
    expect(renderSupervisorAudit({ ...clean, hiddenBreaches: 2 }, 'text', 'zh-CN')).not.toContain('未发现');
  });
});
