import { describe, expect, it } from 'vitest';
import { analyseWeek } from '../../src/analysis/registry.js';
import { buildWeeklyReport, type WeeklyReport } from '../../src/analysis/weekly-report.js';
import { renderReport } from '../../src/render/render-report.js';
import { REPORT_TEXT } from '../../src/render/report-text.js';
import { detectorContext, messages, weekData } from '../analysis/fixtures/week-data-factory.js';

const NOTICE =
  '【通知】各站所：根据县应急局要求，请于11月25日前完成辖区内冬季防火隐患排查，并将排查台账报党政办。联系人：李娜。';

/** Two groups whose findings interleave in every list. */
function report(): WeeklyReport {
  const rows: Parameters<typeof messages>[0] = [];
  for (const [day, group] of [
    ['17', 'g1@chatroom'],
    ['17', 'g2@chatroom'],
    ['18', 'g1@chatroom'],
    ['18', 'g2@chatroom'],
  ] as const) {
    const hour = group === 'g1@chatroom' ? '09' : '14';
    rows.push([`11-${day} ${hour}:00`, 'office', NOTICE, { group }]);
    for (const [k, who] of ['a', 'b', 'c', 'd'].entries()) {
      rows.push([`11-${day} ${hour}:0${k + 1}`, who, '收到', { group }]);
    }
    rows.push([`11-${day} ${hour}:30`, 'office', '请各位今天下班前把打卡截图发群里', { group }]);
  }
  const ctx = detectorContext(weekData(messages(rows)));
  const findings = analyseWeek(ctx);
  const built = buildWeeklyReport({ data: ctx.data, findings, previous: null, timezone: 'Asia/Shanghai' });
  // A zombie listed twice for one group: the first one is shown.
  built.zombies = [
    { groupId: 'g2@chatroom', lastHumanMessageAt: null, quietDays: 40 },
    { groupId: 'g2@chatroom', lastHumanMessageAt: 1, quietDays: 3 },
  ];
  return built;
}

/** The per-group section as it was rendered before: every list filtered once per group. */
function naivePerGroup(r: WeeklyReport): string[] {
  const t = REPORT_TEXT['zh-CN'];
  const li = (s: string) => `  · ${s}`;
  const ex = (id: string | undefined) => {
    const text = id === undefined ? undefined : r.excerpts[id];
    return text ? t.after(text) : '';
  };
  const lines: string[] = [];
  for (const g of r.groups) {
    lines.push(`\n■ ${t.groupHead(g.name, g.ownerId ?? t.unknown, g.members)}`);
    const prev = g.previousMessages === null ? '' : t.groupPrev(g.previousMessages);
    const off = g.messages === 0 ? '0%' : `${((100 * g.offHoursMessages) / g.messages).toFixed(1)}%`;
    lines.push(li(t.groupLine(g.messages, prev, off, g.atAllMessages)));
    const zombie = r.zombies.find((z) => z.groupId === g.id);
    if (zombie) lines.push(li(t.zombie(zombie.lastHumanMessageAt === null ? null : zombie.quietDays)));
    for (const x of r.rollCalls.filter((f) => f.groupId === g.id))
      lines.push(li(t.rollCall(x.posts, x.participants, x.linesReposted, ex(x.messageIds[0]))));
    for (const x of r.ackFloods.filter((f) => f.groupId === g.id))
      lines.push(li(t.ackFlood(x.repliers, ex(x.triggerMessageId))));
    for (const x of r.likeSpam.filter((f) => f.groupId === g.id))
      lines.push(li(t.likeSpam(x.repliers, x.triggerByLeader, ex(x.triggerMessageId))));
    for (const x of r.photoProof.filter((f) => f.groupId === g.id))
      lines.push(li(t.photoProof(x.messageIds.length, ex(x.demandMessageId))));
    for (const x of r.rushedRequests.filter((f) => f.groupId === g.id))
      lines.push(li(t.rushed(x.hoursGiven.toFixed(1), ex(x.messageId))));
  }
  return lines;
}

describe('renderReport, per group', () => {
  it('lists each group’s findings in list order, as filtering per group did', () => {
    const r = report();
    expect(r.ackFloods.map((f) => f.groupId)).toEqual([
      'g1@chatroom',
      'g2@chatroom',
      'g1@chatroom',
      'g2@chatroom',
    ]);
    expect(r.photoProof.length).toBe(4);
    const text = renderReport(r, { format: 'text', locale: 'zh-CN', contacts: new Map() });
    const start = text.indexOf('【各群情况】') + '【各群情况】'.length;
    const section = text.slice(start, text.lastIndexOf('\n\n'));
    expect(section).toBe(`\n${naivePerGroup(r).join('\n')}`);
    expect(section).toContain('僵尸群：从未有人发言');
    expect(section).not.toContain('已 3 天无人发言');
  });

  it('leaves the section out when perGroup is false', () => {
    const text = renderReport(report(), { format: 'md', locale: 'en', contacts: new Map(), perGroup: false });
    expect(text).not.toContain('Per group');
    expect(text).not.toContain('acknowledgement flood:');
  });
});
