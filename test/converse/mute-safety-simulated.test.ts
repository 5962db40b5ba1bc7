import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickDemoCadre } from '../../src/cli/demo/pick-demo-cadre.js';
import { configSchema } from '../../src/config/schema.js';
import { type MuteSuggestions, muteSuggestions } from '../../src/converse/mute-suggestions.js';
import { WeekNotices } from '../../src/recommend/week-notices.js';
import type { Store } from '../../src/store/store.js';
import { WeekAnalyses } from '../../src/weeks/week-analyses.js';
import { NOTICES, post } from './fixtures/craft-org.js';
import { openSimulatedOrg, rosteredContacts } from './fixtures/simulated-org.js';

const config = configSchema.parse({});
const WEEK = '2026-W47';
let store: Store;
let weeks: string[];
let cadres: string[];
let analyses: WeekAnalyses;
const results = new Map<string, MuteSuggestions>();

beforeAll(async () => {
  ({ store, weeks } = await openSimulatedOrg());
  expect(weeks).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
  cadres = rosteredContacts(store);
  analyses = WeekAnalyses.forStore(store, config);
  for (const c of cadres) results.set(c, muteSuggestions(store, config, c, WEEK, { analyses }));
}, 60_000);

afterAll(() => store.close());

/**
 * The groups, among the cadre's, that carried a notice which reached them in no group they keep —
 * worked out from the weeks' duplicate clusters alone. `kept`: the cadre's groups that stay unmuted.
 */
const noticesOf = new Map<string, WeekNotices>();

function groupsWithUncoveredNotice(cadre: string, kept: ReadonlySet<string>): Set<string> {
  const mine = new Set(store.groups.ofMember(cadre).map((g) => g.id));
  const uncovered = new Set<string>();
  for (const week of weeks) {
    const { data, findings } = analyses.analysisNow(week);
    const clusterOf = new Map(findings.duplicates.flatMap((c) => c.messageIds.map((id) => [id, c] as const)));
    const notices = noticesOf.get(week) ?? new WeekNotices(data, findings.duplicates);
    noticesOf.set(week, notices);
    for (const m of data.messages) {
      if (!mine.has(m.groupId) || !notices.noticeIds.has(m.id)) continue;
      const cluster = clusterOf.get(m.id);
      const reached = (cluster?.groupIds ?? []).some(
        (g) => g !== m.groupId && kept.has(g) && (data.members.get(g) ?? []).includes(cadre),
      );
      if (!reached) uncovered.add(m.groupId);
    }
  }
  return uncovered;
}

// Before the describe below, whose last test adds a notice to the store.
describe('pickDemoCadre', () => {
  it('picks a plain member (no group owned) with the most suggestions that carried notices', () => {
    const id = pickDemoCadre(store, config, WEEK, analyses) as string;
    const owns = (c: string) =>
      store.db.prepare('SELECT COUNT(*) FROM groups WHERE owner_id = ?').pluck().get(c);
    expect(owns(id)).toBe(0);
    const withNotices = (c: string) =>
      muteSuggestions(store, config, c, WEEK, { analyses }).suggestions.filter((s) => s.notices > 0).length;
    const best = Math.max(...cadres.filter((c) => owns(c) === 0).map(withNotices));
    expect(best).toBeGreaterThan(0);
    expect(withNotices(id)).toBe(best);
  });
});

describe('静音建议 on the simulated town office (2026-W44..W47)', () => {
  it('never lists a group that carried a notice found nowhere else, for any cadre', () => {
    let suggested = 0;
    let refusedForUniqueNotice = 0;
    for (const cadre of cadres) {
      const result = results.get(cadre) as MuteSuggestions;
      const mine = store.groups.ofMember(cadre).map((g) => g.id);
      const muted = new Set(result.suggestions.map((s) => s.groupId));
      const kept = new Set(mine.filter((g) => !muted.has(g)));
      const uncovered = groupsWithUncoveredNotice(cadre, kept);
      for (const s of result.suggestions)
        expect(uncovered.has(s.groupId), `${cadre} ${s.groupId}`).toBe(false);
      suggested += result.suggestions.length;
      refusedForUniqueNotice += groupsWithUncoveredNotice(cadre, new Set(mine)).size;
    }
    // Hard negatives exist on both sides: the rule has suggestions to make and groups to refuse.
    expect(suggested).toBeGreaterThan(10);
    expect(refusedForUniqueNotice).toBeGreaterThan(10);
  });

  it('never suggests a group a notice reached alone, whoever asks', () => {
    const solo = new Set<string>();
    for (const week of weeks) {
      const { data, findings } = analyses.analysisNow(week);
      const clustered = new Set(
        findings.duplicates.flatMap((c) => (c.groupIds.length > 1 ? c.messageIds : [])),
      );
      const notices = new WeekNotices(data, findings.duplicates);
      for (const m of data.messages)
        if (notices.noticeIds.has(m.id) && !clustered.has(m.id)) solo.add(m.groupId);
    }
    expect(solo.size).toBeGreaterThan(0);
    for (const result of results.values())
      for (const s of result.suggestions) expect(solo.has(s.groupId)).toBe(false);
  });

  it('stops suggesting a group as soon as it carries a notice found nowhere else', () => {
    const [cadre, result] = [...results].find(([, r]) => r.suggestions.some((s) => s.notices > 0)) ?? [];
    const group = result?.suggestions.find((s) => s.notices > 0)?.groupId as string;
    expect(group).toBeDefined();
    store.messages.insert(
      post(group, 'u-0001', Date.parse('2026-11-18T10:00:00+08:00'), `${NOTICES[9]}（仅本群）`, {
        source: 'extra',
      }),
    );
    const after = muteSuggestions(store, config, cadre as string, WEEK, { analyses });
    expect(after.suggestions.map((s) => s.groupId)).not.toContain(group);
  });
});
