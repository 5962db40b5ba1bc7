/**
 * The effect (成效) of accepted recommendations: for each, the burden on its groups in the week it
 * was accepted (the digest's week) and in each week after — messages per member, redundant copies
 * of notices, acknowledgements — and whether it was carried out:
 * - merge: all but one of its groups went quiet (no human message in the week), lost their members
 *   (empty roster) or were dissolved;
 * - archive: the group was dissolved (or its roster emptied).
 * Accepted and not carried out two weeks after is reported as such ('not-carried-out'); before
 * that it is 'pending'. Pure: the caller passes each week's burden (weekBurden) and the groups' facts.
 */
import type { WeekFindings } from '../analysis/registry.js';
import type { WeekData } from '../analysis/week-data.js';
import type { GroupFacts } from '../store/groups.js';
import type { RecommendationStatusRow } from '../store/recommendations.js';
import { dissolvedAt } from './group-lifecycle.js';
import { round } from './rule-context.js';

/** What the effect needs of one week, per group. */
export interface WeekBurden {
  week: string;
  /** UTC ms of the end of the week. */
  to: number;
  messages: ReadonlyMap<string, number>;
  acks: ReadonlyMap<string, number>;
  /** Per duplicate cluster, the groups it reached with their copies. */
  clusters: readonly ReadonlyMap<string, number>[];
  members: ReadonlyMap<string, readonly string[]>;
}

export function weekBurden(data: WeekData, findings: WeekFindings): WeekBurden {
  const messages = new Map<string, number>();
  for (const m of data.messages)
    if (m.type !== 'system' && m.type !== 'recalled')
      messages.set(m.groupId, (messages.get(m.groupId) ?? 0) + 1);
  const acks = new Map<string, number>();
  for (const a of findings.ackFloods) acks.set(a.groupId, (acks.get(a.groupId) ?? 0) + a.messageIds.length);
  const groupOf = new Map(data.messages.map((m) => [m.id, m.groupId]));
  const clusters = findings.duplicates.map((c) => {
    const copies = new Map<string, number>();
    for (const id of c.messageIds) {
      const g = groupOf.get(id);
      if (g !== undefined) copies.set(g, (copies.get(g) ?? 0) + 1);
    }
    return copies;
  });
  return { week: data.week, to: data.to, messages, acks, clusters, members: data.members };
}

export interface EffectWeek {
  week: string;
  /** Messages in the groups ÷ their distinct members; null about fewer than minPeople people. */
  messagesPerMember: number | null;
  /** Copies of notices beyond the first each member got, over the groups. */
  redundantCopies: number;
  /** Acknowledgement-only replies (收到 floods) in the groups. */
  acks: number;
  carriedOut: boolean;
}

export type EffectState = 'carried-out' | 'pending' | 'not-carried-out';

export interface RecommendationEffect {
  id: string;
  kind: string;
  groupIds: string[];
  /** Their names as stored (the id when unknown). */
  groupNames: string[];
  /** The week of the digest the recommendation was accepted from. */
  acceptedWeek: string;
  before: EffectWeek | null;
  after: EffectWeek[];
  state: EffectState;
}

/** Weeks after acceptance by which advice not carried out is reported as not carried out. */
export const CARRY_OUT_WEEKS = 2;

function figures(
  row: RecommendationStatusRow,
  b: WeekBurden,
  facts: ReadonlyMap<string, GroupFacts>,
  minPeople: number,
): EffectWeek {
  const ids = row.groupIds;
  const members = new Set(ids.flatMap((g) => b.members.get(g) ?? []));
  const messages = ids.reduce((n, g) => n + (b.messages.get(g) ?? 0), 0);
  let redundant = 0;
  for (const copies of b.clusters) {
    const times = new Map<string, number>();
    for (const g of ids) {
      if (!copies.has(g)) continue;
      for (const m of b.members.get(g) ?? []) times.set(m, (times.get(m) ?? 0) + 1);
    }
    for (const k of times.values()) redundant += k - 1;
  }
  const gone = (g: string) => {
    const f = facts.get(g);
    const emptied = (b.members.get(g) ?? []).length === 0;
    return emptied || (f !== undefined && dissolvedAt(f, b.to) !== null);
  };
  const quiet = (g: string) => (b.messages.get(g) ?? 0) === 0 || gone(g);
  const carriedOut =
    row.kind === 'merge'
      ? ids.filter(quiet).length >= ids.length - 1
      : row.kind === 'archive'
        ? ids.every(gone)
        : false;
  return {
    week: b.week,
    messagesPerMember: members.size < minPeople ? null : round(messages / members.size),
    redundantCopies: redundant,
    acks: ids.reduce((n, g) => n + (b.acks.get(g) ?? 0), 0),
    carriedOut,
  };
}

/** The effect of every accepted recommendation among `rows`, given the burdens of the weeks (any order). */
export function recommendationEffects(
  rows: readonly RecommendationStatusRow[],
  burdens: readonly WeekBurden[],
  facts: ReadonlyMap<string, GroupFacts>,
  minPeople: number,
): RecommendationEffect[] {
  const sorted = [...burdens].sort((a, b) => a.week.localeCompare(b.week));
  return rows
    .filter((r) => r.status === 'accepted')
    .map((row) => {
      const beforeWeek = sorted.find((b) => b.week === row.week);
      const after = sorted.filter((b) => b.week > row.week).map((b) => figures(row, b, facts, minPeople));
      const state: EffectState = after.some((a) => a.carriedOut)
        ? 'carried-out'
        : after.length >= CARRY_OUT_WEEKS
          ? 'not-carried-out'
          : 'pending';
      return {
        id: row.id,
        kind: row.kind,
        groupIds: row.groupIds,
        groupNames: row.groupIds.map((g) => facts.get(g)?.name || g),
        acceptedWeek: row.week,
        before: beforeWeek ? figures(row, beforeWeek, facts, minPeople) : null,
        after,
        state,
      };
    })
    .sort((a, b) => a.acceptedWeek.localeCompare(b.acceptedWeek) || a.id.localeCompare(b.id));
}
