import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { weekBounds } from '../../src/calendar/weeks.js';
import { configSchema } from '../../src/config/schema.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import { writeSimulation } from '../../src/ingest/simulate/write-simulation.js';
import { nearestRank } from '../../src/recommend/groups-per-member.js';
import type { SupervisorAudit } from '../../src/recommend/supervisor-audit.js';
import { renderSupervisorAudit } from '../../src/render/render-supervisor-audit.js';
import { Store } from '../../src/store/store.js';
import { supervisorAuditNow } from '../../src/weeks/build-supervisor-audit.js';
import { recommendStoredWeek } from '../../src/weeks/stored-week.js';

const WEEK = '2026-W47';
const config = configSchema.parse({});
let store: Store;
let audit: SupervisorAudit;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-consolidation-'));
  const sim = join(dir, 'sim.jsonl');
  await writeSimulation({ seed: 1 }, sim);
  // A unit of three people: its figures must stay hidden, and so must enough others.
  const extras = join(dir, 'extras.jsonl');
  writeFileSync(
    extras,
    `${JSON.stringify({
      kind: 'group',
      id: 'g-small@chatroom',
      name: '三人专班',
      unit: '小分队',
      ownerId: 'u-0100',
      memberIds: ['u-0100', 'u-0101', 'u-0102'],
      createdAt: '2026-01-05T09:00:00+08:00',
    })}\n`,
  );
  store = new Store(join(dir, 'q.sqlite'));
  await importJsonl(store, [sim, extras], { now: Date.parse('2027-01-01T00:00:00Z') });
  audit = JSON.parse(renderSupervisorAudit(supervisorAuditNow(store, config, WEEK), 'json', 'zh-CN'));
}, 120_000);

/** Recomputed straight from the store: each group's roster in effect at the end of the week. */
function rostersFromStore(): Map<string, { unit: string | null; members: string[] }> {
  const { to } = weekBounds(WEEK, config.timezone);
  const groups = store.db.prepare('SELECT id, unit FROM groups').all() as {
    id: string;
    unit: string | null;
  }[];
  const out = new Map<string, { unit: string | null; members: string[] }>();
  for (const g of groups) {
    const snap = store.db
      .prepare(
        'SELECT id FROM membership_snapshots WHERE group_id = ? AND taken_at < ? ORDER BY taken_at DESC, id DESC LIMIT 1',
      )
      .pluck()
      .get(g.id, to) as number | undefined;
    const members =
      snap === undefined
        ? []
        : (store.db
            .prepare('SELECT contact_id FROM snapshot_members WHERE snapshot_id = ?')
            .pluck()
            .all(snap) as string[]);
    out.set(g.id, { unit: g.unit, members });
  }
  return out;
}

function stats(values: number[], limit: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.ceil(p * sorted.length) - 1];
  return {
    members: sorted.length,
    median: at(0.5),
    p90: at(0.9),
    overLimit: sorted.filter((v) => v > limit).length,
  };
}

describe('nearest-rank percentiles', () => {
  it('take the value at rank ⌈p·n⌉', () => {
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([], 0.5)).toBeNull();
  });
});

describe('audit --format json: groups per member and the plan', () => {
  it('has the documented shape', () => {
    expect(Object.keys(audit.groupsPerMember ?? {}).sort()).toEqual(['limit', 'overall', 'units']);
    expect(Object.keys(audit.groupsPerMember?.overall ?? {}).sort()).toEqual([
      'median',
      'members',
      'overLimit',
      'p90',
    ]);
    expect(Object.keys(audit.groupsPerMember?.units[0] ?? {}).sort()).toEqual([
      'median',
      'members',
      'overLimit',
      'p90',
      'unit',
    ]);
    expect(Object.keys(audit.plan ?? {})).toEqual(
      expect.arrayContaining([
        'groupsNow',
        'groupsAfter',
        'groupsPerMemberAfter',
        'copiesSavedPerWeek',
        'minutesSavedPerWeek',
      ]),
    );
    expect(Object.keys(audit.plan?.groupsPerMemberAfter ?? {}).sort()).toEqual([
      'median',
      'overLimit',
      'p90',
    ]);
    expect(audit.groupsPerMember?.limit).toBe(5);
  });

  it('match groups per member recomputed from the store, overall and per unit', () => {
    const rosters = rostersFromStore();
    const count = new Map<string, number>();
    for (const g of rosters.values()) for (const m of g.members) count.set(m, (count.get(m) ?? 0) + 1);
    expect(audit.groupsPerMember?.overall).toEqual(stats([...count.values()], 5));
    // The simulated town: cadres sit in several groups each, some in more than five.
    expect(audit.groupsPerMember?.overall.median).toBeGreaterThan(1);
    expect(audit.groupsPerMember?.overall.overLimit).toBeGreaterThan(0);
    const shown = (audit.groupsPerMember?.units ?? []).filter((u) => u.members !== null);
    expect(shown.length).toBeGreaterThan(5);
    for (const u of shown) {
      const people = new Set<string>();
      for (const g of rosters.values()) if (g.unit === u.unit) for (const m of g.members) people.add(m);
      expect(u, String(u.unit)).toEqual({
        unit: u.unit,
        ...stats(
          [...people].map((m) => count.get(m) ?? 0),
          5,
        ),
      });
    }
  });

  it('hide a unit of fewer than minPeople people, and one more so the total cannot give it away', () => {
    const units = audit.groupsPerMember?.units ?? [];
    expect(units.find((u) => u.unit === '小分队')).toEqual({
      unit: '小分队',
      members: null,
      median: null,
      p90: null,
      overLimit: null,
    });
    expect(units.filter((u) => u.members === null).length).toBeGreaterThanOrEqual(2);
  });

  it('plan: groups after = groups − merged away − archived, and groups per member after match a replay', () => {
    const { recommendations } = recommendStoredWeek(store, config, WEEK);
    const open = recommendations.filter(
      (r) => r.status === 'open' && (r.kind === 'merge' || r.kind === 'archive'),
    );
    expect(open.some((r) => r.kind === 'merge')).toBe(true);
    expect(open.some((r) => r.kind === 'archive')).toBe(true);
    const rosters = rostersFromStore();
    const after = new Map([...rosters].map(([id, g]) => [id, new Set(g.members)]));
    const removed = new Set<string>();
    for (const r of open) {
      if (r.kind === 'archive') removed.add(r.groupIds[0] as string);
      else
        for (const g of r.groupIds)
          if (g !== r.keepGroupId) {
            removed.add(g);
            for (const m of rosters.get(g)?.members ?? []) after.get(r.keepGroupId as string)?.add(m);
          }
    }
    expect(audit.plan?.groupsNow).toBe(rosters.size);
    expect(audit.plan?.groupsAfter).toBe(rosters.size - removed.size);
    const count = new Map<string, number>();
    for (const [id, members] of after)
      if (!removed.has(id)) for (const m of members) count.set(m, (count.get(m) ?? 0) + 1);
    const everyone = new Set([...rosters.values()].flatMap((g) => g.members));
    const { median, p90, overLimit } = stats(
      [...everyone].map((m) => count.get(m) ?? 0),
      5,
    );
    expect(audit.plan?.groupsPerMemberAfter).toEqual({ median, p90, overLimit });
    expect(overLimit).toBeLessThan(audit.groupsPerMember?.overall.overLimit ?? 0);
    // Copies saved: the merges' redundant copies per week plus the relays' notices × members.
    const copies = new Map<string, number>();
    for (const r of open) {
      const f = r.evidence.figures;
      const key = `${r.kind}${r.groupIds.join()}`;
      if (r.kind === 'merge') copies.set(key, f.redundantCopies ?? 0);
      else if (r.evidence.basis === 'relay')
        copies.set(key, ((f.notices ?? 0) / (f.windowWeeks ?? 1)) * (f.members ?? 0));
    }
    const sum = [...copies.values()].reduce((a, b) => a + b, 0);
    expect(audit.plan?.copiesSavedPerWeek).toBeCloseTo(sum, 0);
    expect(audit.plan?.copiesSavedPerWeek).toBeGreaterThan(0);
  });

  it('shows a trend by week and the sections in text, Markdown and CSV', () => {
    const built = supervisorAuditNow(store, config, WEEK);
    expect(built.groupsPerMemberTrend?.map((p) => p.week)).toEqual([
      '2026-W44',
      '2026-W45',
      '2026-W46',
      WEEK,
    ]);
    const text = renderSupervisorAudit(built, 'text', 'zh-CN');
    expect(text).toContain('【每人所在工作群数】');
    expect(text).toContain(`中位数 ${built.groupsPerMember?.overall.median} 个群`);
    expect(text).toContain(`工作群 ${built.plan?.groupsNow} → ${built.plan?.groupsAfter} 个`);
    expect(renderSupervisorAudit(built, 'md', 'en')).toContain('## Work groups per member');
    // The one CSV writer (src/render/csv.ts): a BOM, CRLF after every record.
    const csv = renderSupervisorAudit(built, 'csv', 'en')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, -1);
    const header = (csv[0] as string).split(',');
    expect(header).toContain('groups_per_member_median');
    const total = (csv.find((l) => l.startsWith('total,')) as string).split(',');
    expect(total[header.indexOf('groups_per_member_median')]).toBe(
      String(built.groupsPerMember?.overall.median),
    );
    expect(total[header.indexOf('plan_groups_after')]).toBe(String(built.plan?.groupsAfter));
    expect(csv.filter((l) => l.startsWith('groups_per_member_trend,'))).toHaveLength(4);
    for (const l of csv) expect(l.replace(/"[^"]*"/g, 'x').split(',').length).toBe(header.length);
  });
});

describe('audit: repeated data requests', () => {
  it('says which units asked for the same data and suggests one shared table', () => {
    const built = supervisorAuditNow(store, config, WEEK);
    expect(built.repeatedRequests).toEqual([]);
    const withOne: SupervisorAudit = {
      ...built,
      repeatedRequests: [
        {
          messageIds: ['a', 'b'],
          groupIds: ['g-gongzuo@chatroom', 'g-dangjian@chatroom'],
          units: ['民政办', '卫健办'],
          firstTime: 0,
          lastTime: 1,
          excerpt: '独居老人名单',
        },
      ],
    };
    const text = renderSupervisorAudit(withOne, 'text', 'zh-CN');
    expect(text).toContain('【多头报送（不同单位要同一份数据）】');
    expect(text).toContain('民政办、卫健办 都在要“独居老人名单”（2 次，2 个群）——建议共用一张表');
    expect(renderSupervisorAudit(built, 'text', 'zh-CN')).toContain('本周未发现不同单位重复索要同一份数据。');
    const csv = renderSupervisorAudit(withOne, 'csv', 'en').split('\n');
    expect(csv.some((l) => l.startsWith('repeated_request,民政办、卫健办,'))).toBe(true);
    expect(JSON.parse(renderSupervisorAudit(withOne, 'json', 'en')).repeatedRequests[0]).toEqual(
      withOne.repeatedRequests?.[0],
    );
  });
});

describe('audit: the effect of accepted recommendations', () => {
  it('follows an accepted recommendation week by week and says it was not carried out after two weeks', () => {
    const { recommendations } = recommendStoredWeek(store, config, '2026-W45');
    const merge = recommendations.find((r) => r.kind === 'merge');
    expect(merge).toBeDefined();
    if (!merge) return;
    store.recommendations.setStatus({
      id: merge.id,
      ownerId: merge.ownerId,
      kind: merge.kind,
      groupIds: merge.groupIds,
      status: 'accepted',
      week: '2026-W45',
      magnitude: merge.magnitude,
      figures: merge.evidence.figures,
      at: Date.parse('2026-11-10T02:00:00Z'),
    });
    const built = supervisorAuditNow(store, config, WEEK);
    expect(built.effects).toHaveLength(1);
    const [e] = built.effects ?? [];
    expect(e?.acceptedWeek).toBe('2026-W45');
    expect(e?.after.map((w) => w.week)).toEqual(['2026-W46', WEEK]);
    // The simulated twins keep running after the answer: not carried out two weeks later.
    expect(e?.state).toBe('not-carried-out');
    expect(e?.before?.redundantCopies).toBeGreaterThan(0);
    const text = renderSupervisorAudit(built, 'text', 'zh-CN');
    expect(text).toContain('【整改成效（已采纳的建议）】');
    expect(text).toContain('采纳两周后仍未落实');
  });
});
