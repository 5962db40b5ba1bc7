import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../../src/model/interchange.js';
import { splitQuote } from '../../../src/text/quote.js';
import { runSimulation, weekIndex } from './sim-fixture.js';

const HUMAN = (m: MessageRecord) => m.type !== 'system' && m.type !== 'recalled';

function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const inter = b.filter((x) => sa.has(x)).length;
  return inter / (sa.size + new Set(b).size - inter);
}

describe.each([1, 2, 3])('planted structures, seed %i', (seed) => {
  const run = runSimulation({ seed });
  const { truth, groups, messages, byId } = run;
  const clusterGroups = truth.duplicates.map((c) => new Set(c.messageIds.map((id) => byId.get(id)?.groupId)));

  it('plants at least two merge candidates with near-identical rosters that get the same notices', () => {
    expect(truth.mergeCandidates.length).toBeGreaterThanOrEqual(2);
    for (const { groupIds } of truth.mergeCandidates) {
      const [a, b] = groupIds.map((id) => groups.get(id)?.memberIds ?? []);
      expect(jaccard(a ?? [], b ?? [])).toBeGreaterThanOrEqual(0.85);
      expect(groups.get(groupIds[0] ?? '')?.ownerId).not.toBe(groups.get(groupIds[1] ?? '')?.ownerId);
      const reachA = clusterGroups.filter((g) => g.has(groupIds[0]));
      const both = reachA.filter((g) => g.has(groupIds[1]));
      expect(reachA.length).toBeGreaterThan(0);
      expect(both.length / reachA.length).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('plants a relay group whose every notice also reaches all its members elsewhere', () => {
    expect(truth.relayGroups.length).toBeGreaterThanOrEqual(1);
    for (const relayId of truth.relayGroups) {
      const relay = groups.get(relayId);
      const hosts = [...groups.values()].filter(
        (g) => g.id !== relayId && relay?.memberIds.every((id) => g.memberIds.includes(id)),
      );
      expect(hosts.length).toBeGreaterThan(0);
      const hostIds = new Set(hosts.map((h) => h.id));
      const notices = messages.filter(
        (m) =>
          m.groupId === relayId &&
          (m.type === 'file' ||
            m.type === 'link' ||
            (m.type === 'text' &&
              (m.text?.length ?? 0) >= 25 &&
              !m.text?.startsWith('#接龙') &&
              // A quote reply (引用回复) carries the notice it answers: it is a reply, not a notice.
              splitQuote(m.text ?? null) === null)),
      );
      const rollCallPosts = new Set(truth.rollCalls.flatMap((r) => r.messageIds));
      for (const m of notices.filter((n) => !rollCallPosts.has(n.id))) {
        const cluster = truth.duplicates.find((c) => c.messageIds.includes(m.id));
        expect(cluster, `${m.id} ${m.text?.slice(0, 30)}`).toBeDefined();
        expect(cluster?.messageIds.some((id) => hostIds.has(byId.get(id)?.groupId ?? ''))).toBe(true);
      }
      expect(notices.length).toBeGreaterThan(0);
    }
  });

  it('plants at least two zombie groups without a single message', () => {
    expect(truth.zombieGroups.length).toBeGreaterThanOrEqual(2);
    const zombies = new Set(truth.zombieGroups);
    expect(messages.filter((m) => zombies.has(m.groupId))).toEqual([]);
  });

  it('lets every other group speak every week', () => {
    const zombies = new Set(truth.zombieGroups);
    for (const g of groups.values()) {
      if (zombies.has(g.id)) continue;
      for (let w = 0; w < 4; w++) {
        expect(
          messages.some((m) => m.groupId === g.id && HUMAN(m) && weekIndex(m) === w),
          `${g.id} week ${w}`,
        ).toBe(true);
      }
    }
  });

  it('fills every truth category every week', () => {
    const week = (id: string) => weekIndex(byId.get(id) as MessageRecord);
    const categories = {
      duplicates: truth.duplicates.map((c) => c.messageIds[0] as string),
      rollCalls: truth.rollCalls.map((c) => c.messageIds[0] as string),
      ackFloods: truth.ackFloods.map((c) => c.triggerMessageId),
      likeSpam: truth.likeSpam.map((c) => c.triggerMessageId),
      photoProof: truth.photoProof.map((c) => c.demandMessageId),
      rushedRequests: truth.rushedRequests.map((c) => c.messageId),
    };
    for (const [name, ids] of Object.entries(categories)) {
      const weeks = new Set(ids.map(week));
      expect([...weeks].sort(), name).toEqual([0, 1, 2, 3]);
    }
    expect(truth.weeks).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    expect(truth.seed).toBe(seed);
  });

  it('points only at existing messages of the stated group, each entry within one week', () => {
    const entries = [
      ...truth.rollCalls.map((e) => ({ groupId: e.groupId, ids: e.messageIds })),
      ...truth.ackFloods.map((e) => ({ groupId: e.groupId, ids: [e.triggerMessageId, ...e.messageIds] })),
      ...truth.likeSpam.map((e) => ({ groupId: e.groupId, ids: [e.triggerMessageId, ...e.messageIds] })),
      ...truth.photoProof.map((e) => ({ groupId: e.groupId, ids: [e.demandMessageId, ...e.messageIds] })),
      ...truth.rushedRequests.map((e) => ({ groupId: e.groupId, ids: [e.messageId] })),
    ];
    for (const e of entries) {
      const found = e.ids.map((id) => byId.get(id));
      expect(found.every((m) => m?.groupId === e.groupId)).toBe(true);
      expect(new Set(found.map((m) => weekIndex(m as MessageRecord))).size).toBe(1);
    }
    for (const c of truth.duplicates) {
      const found = c.messageIds.map((id) => byId.get(id));
      expect(found.every(Boolean)).toBe(true);
      expect(new Set(found.map((m) => weekIndex(m as MessageRecord))).size).toBe(1);
    }
  });

  it('keeps the categories apart: roll-call posts, acknowledgements, praise and proof images are never notices', () => {
    const inDuplicates = new Set(truth.duplicates.flatMap((c) => c.messageIds));
    const replies = [
      ...truth.rollCalls.flatMap((r) => r.messageIds),
      ...truth.ackFloods.flatMap((r) => r.messageIds),
      ...truth.likeSpam.flatMap((r) => r.messageIds),
      ...truth.photoProof.flatMap((r) => r.messageIds),
    ];
    expect(replies.filter((id) => inDuplicates.has(id))).toEqual([]);
    expect(new Set(replies).size).toBe(replies.length);
  });
});
