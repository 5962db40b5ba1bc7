import type { WeekData } from '../model/week-data.js';
import type { GroupOverlap } from './group-overlap.js';
import type { WeekFindings } from './registry.js';
import type { GroupVolume } from './volume.js';
import type { ZombieGroup } from './zombie-groups.js';

/** Last week's totals, for week-over-week comparison (from `summarisePreviousWeek`). */
export interface PreviousWeek {
  week: string;
  messages: number;
  offHoursMessages: number;
  atAllMessages: number;
  messagesByGroup: Record<string, number>;
  /** Per group, for reports scoped to one group (`report --group`). */
  offHoursByGroup: Record<string, number>;
  atAllByGroup: Record<string, number>;
}

/**
 * Last week's figures of one group only: a report on one group compares it with its own last week,
 * not with the whole organisation's. A group silent last week compares with zeros.
 */
export function previousOfGroup(previous: PreviousWeek, groupId: string): PreviousWeek {
  const pick = (m: Record<string, number>) => m[groupId] ?? 0;
  return {
    week: previous.week,
    messages: pick(previous.messagesByGroup),
    offHoursMessages: pick(previous.offHoursByGroup),
    atAllMessages: pick(previous.atAllByGroup),
    messagesByGroup: { [groupId]: pick(previous.messagesByGroup) },
    offHoursByGroup: { [groupId]: pick(previous.offHoursByGroup) },
    atAllByGroup: { [groupId]: pick(previous.atAllByGroup) },
  };
}

export interface ReportGroup {
  id: string;
  name: string;
  ownerId: string | null;
  unit: string | null;
  members: number;
  messages: number;
  previousMessages: number | null;
  offHoursMessages: number;
  atAllMessages: number;
  ownerMessages: number;
  zombie: boolean;
  byType: GroupVolume['byType'];
  byDay: Record<string, number>;
  /** How many findings of each kind this group has this week. */
  findings: Record<
    'duplicates' | 'rollCalls' | 'ackFloods' | 'likeSpam' | 'photoProof' | 'rushedRequests',
    number
  >;
}

/**
 * The weekly report: the public JSON interface (docs/report-schema.md) and what the text and
 * Markdown renderers print. `excerpts` holds short excerpts of the messages that triggered a finding
 * (notices, requests, showcases) — never of replies.
 */
export interface WeeklyReport {
  schemaVersion: 1;
  week: string;
  from: string;
  to: string;
  timezone: string;
  totals: {
    groups: number;
    messages: number;
    offHoursMessages: number;
    atAllMessages: number;
    duplicateNotices: number;
    redundantDeliveries: number;
    rollCalls: number;
    ackFloods: number;
    likeSpam: number;
    photoProof: number;
    rushedRequests: number;
    zombies: number;
  };
  previous: PreviousWeek | null;
  groups: ReportGroup[];
  duplicates: WeekFindings['duplicates'];
  rollCalls: WeekFindings['rollCalls'];
  ackFloods: WeekFindings['ackFloods'];
  likeSpam: WeekFindings['likeSpam'];
  photoProof: WeekFindings['photoProof'];
  rushedRequests: WeekFindings['rushedRequests'];
  zombies: ZombieGroup[];
  overlaps: GroupOverlap[];
  /** 多头报送: the same data requested by several units in different words (src/analysis/repeated/). */
  repeatedRequests: WeekFindings['repeatedRequests'];
  excerpts: Record<string, string>;
  recommendations: { kind: string; groupIds: string[]; ownerId: string | null; reason: string }[];
}

const EXCERPT_CHARS = 40;

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : flat;
}

/** Shapes one week's findings into the report. Pure; `groupId` limits it to one group. */
export function buildWeeklyReport(input: {
  data: WeekData;
  findings: WeekFindings;
  previous: PreviousWeek | null;
  timezone: string;
  groupId?: string;
}): WeeklyReport {
  const { data, timezone, groupId } = input;
  const previous =
    input.previous !== null && groupId !== undefined
      ? previousOfGroup(input.previous, groupId)
      : input.previous;
  const only = <T extends { groupId: string }>(list: T[]) =>
    groupId === undefined ? list : list.filter((f) => f.groupId === groupId);
  const f = input.findings;
  const duplicates =
    groupId === undefined ? f.duplicates : f.duplicates.filter((d) => d.groupIds.includes(groupId));
  const rollCalls = only(f.rollCalls);
  const ackFloods = only(f.ackFloods);
  const likeSpam = only(f.likeSpam);
  const photoProof = only(f.photoProof);
  const rushedRequests = only(f.rushedRequests);
  const zombies = only(f.zombies);
  const overlaps =
    groupId === undefined ? f.overlaps : f.overlaps.filter((o) => o.groupIds.includes(groupId));
  const repeatedRequests =
    groupId === undefined
      ? f.repeatedRequests
      : f.repeatedRequests.filter((r) => r.groupIds.includes(groupId));

  const volumes = new Map(f.volume.groups.map((v) => [v.groupId, v]));
  const zombieIds = new Set(f.zombies.map((z) => z.groupId));
  // Findings per group counted once, not searched once per group: a province has 10,000s of groups.
  const duplicatesPerGroup = countBy(f.duplicates.flatMap((d) => [...new Set(d.groupIds)]));
  const perGroup = (list: { groupId: string }[]) => countBy(list.map((x) => x.groupId));
  const counts = {
    rollCalls: perGroup(f.rollCalls),
    ackFloods: perGroup(f.ackFloods),
    likeSpam: perGroup(f.likeSpam),
    photoProof: perGroup(f.photoProof),
    rushedRequests: perGroup(f.rushedRequests),
  };
  const count = (of: Map<string, number>, id: string) => of.get(id) ?? 0;
  const groups: ReportGroup[] = data.groups
    .filter((g) => groupId === undefined || g.id === groupId)
    .map((g) => {
      const v = volumes.get(g.id);
      return {
        id: g.id,
        name: g.name,
        ownerId: g.ownerId,
        unit: g.unit,
        members: data.members.get(g.id)?.length ?? 0,
        messages: v?.messages ?? 0,
        previousMessages: previous ? (previous.messagesByGroup[g.id] ?? 0) : null,
        offHoursMessages: v?.offHoursMessages ?? 0,
        atAllMessages: v?.atAllMessages ?? 0,
        ownerMessages: v?.ownerMessages ?? 0,
        zombie: zombieIds.has(g.id),
        byType: v?.byType ?? {},
        byDay: v?.byDay ?? {},
        findings: {
          duplicates: count(duplicatesPerGroup, g.id),
          rollCalls: count(counts.rollCalls, g.id),
          ackFloods: count(counts.ackFloods, g.id),
          likeSpam: count(counts.likeSpam, g.id),
          photoProof: count(counts.photoProof, g.id),
          rushedRequests: count(counts.rushedRequests, g.id),
        },
      };
    });

  const wanted = new Set<string>([
    ...duplicates.map((d) => d.firstMessageId),
    ...ackFloods.map((a) => a.triggerMessageId),
    ...likeSpam.map((l) => l.triggerMessageId),
    ...photoProof.map((p) => p.demandMessageId),
    ...rushedRequests.map((r) => r.messageId),
    ...rollCalls.map((r) => r.messageIds[0] ?? ''),
  ]);
  const excerpts: Record<string, string> = {};
  for (const m of data.messages) {
    if (!wanted.has(m.id)) continue;
    const text = m.text ?? m.link?.title ?? m.file?.name ?? m.miniprogram?.title ?? null;
    if (text && m.type !== 'recalled') excerpts[m.id] = excerpt(text);
  }

  const sum = (pick: (g: ReportGroup) => number) => groups.reduce((n, g) => n + pick(g), 0);
  return {
    schemaVersion: 1,
    week: data.week,
    from: new Date(data.from).toISOString(),
    to: new Date(data.to).toISOString(),
    timezone,
    totals: {
      groups: groups.length,
      messages: sum((g) => g.messages),
      offHoursMessages: sum((g) => g.offHoursMessages),
      atAllMessages: sum((g) => g.atAllMessages),
      duplicateNotices: duplicates.length,
      redundantDeliveries: duplicates.reduce((n, d) => n + d.redundantDeliveries, 0),
      rollCalls: rollCalls.length,
      ackFloods: ackFloods.length,
      likeSpam: likeSpam.length,
      photoProof: photoProof.length,
      rushedRequests: rushedRequests.length,
      zombies: zombies.length,
    },
    previous,
    groups,
    duplicates,
    rollCalls,
    ackFloods,
    likeSpam,
    photoProof,
    rushedRequests,
    zombies,
    overlaps,
    repeatedRequests,
    excerpts,
    recommendations: [],
  };
}
