import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekBounds } from '../../src/calendar/weeks.js';
import { configSchema } from '../../src/config/schema.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import { writeSimulation } from '../../src/ingest/simulate/write-simulation.js';
import type { GroundTruth } from '../../src/model/ground-truth.js';
import type { Recommendation } from '../../src/recommend/recommendation.js';
import { Store } from '../../src/store/store.js';
import { type OwnerDigest, ownerDigestsNow } from '../../src/weeks/owner-digests.js';
import { recommendStoredWeek } from '../../src/weeks/stored-week.js';
import { messageInput, tempStorePath } from '../fixtures/temp-store.js';
import { PNG_SIGNATURE } from '../render/decode-png.js';

const WEEK = '2026-W46';
const config = configSchema.parse({});
let store: Store;
let truth: GroundTruth;
let digests: OwnerDigest[];
let recs: Recommendation[];
const ownerOf = new Map<string, string>();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-digest-'));
  const sim = await writeSimulation({}, join(dir, 'sim.jsonl'));
  truth = JSON.parse(readFileSync(sim.truthPath, 'utf8')) as GroundTruth;
  store = new Store(join(dir, 'test.sqlite'));
  await importJsonl(store, [sim.path], { now: Date.parse('2027-01-01T00:00:00Z') });
  for (const g of store.db.prepare('SELECT id, owner_id AS ownerId FROM groups').all() as {
    id: string;
    ownerId: string;
  }[]) {
    ownerOf.set(g.id, g.ownerId);
  }
  recs = recommendStoredWeek(store, config, WEEK).recommendations;
  digests = ownerDigestsNow(store, config, WEEK);
});

afterAll(() => store?.close());

const digestOf = (owner: string) => digests.find((d) => d.ownerId === owner) as OwnerDigest;
const carried = (owner: string) => {
  const ids = new Set(digestOf(owner).recommendationIds);
  return recs.filter((r) => ids.has(r.id));
};

describe('digests of the simulated organisation, week 2026-W46', () => {
  // Issue 15: an owner whose only groups are zombies (no message all week) gets no empty chart.
  it('go to every owner, in parts of at most 1,800 characters, each with a chart unless all quiet', () => {
    expect(new Set(digests.map((d) => d.ownerId))).toEqual(new Set(ownerOf.values()));
    const zombies = new Set(truth.zombieGroups);
    let withoutChart = 0;
    for (const d of digests) {
      expect(d.parts.length).toBeGreaterThan(0);
      for (const p of d.parts) expect(p.length).toBeLessThanOrEqual(1800);
      const groups = [...ownerOf].filter(([, o]) => o === d.ownerId).map(([g]) => g);
      if (groups.every((g) => zombies.has(g))) {
        expect(d.chartPng).toBeNull();
        withoutChart++;
      } else expect(d.chartPng?.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }
    expect(withoutChart).toBeLessThan(digests.length);
  });

  it('advise each owner of a planted merge pair to merge exactly that pair', () => {
    expect(truth.mergeCandidates.length).toBeGreaterThan(0);
    for (const { groupIds } of truth.mergeCandidates) {
      for (const owner of new Set(groupIds.map((g) => ownerOf.get(g) as string))) {
        const merges = carried(owner).filter((r) => r.kind === 'merge');
        expect(merges.map((r) => r.groupIds)).toContainEqual([...groupIds].sort());
        expect(digestOf(owner).parts.join('\n')).toContain('建议合并');
      }
    }
    const planted = new Set(truth.mergeCandidates.map((m) => [...m.groupIds].sort().join(',')));
    for (const r of recs.filter((x) => x.kind === 'merge'))
      expect(planted.has(r.groupIds.join(','))).toBe(true);
  });

  it('advise archiving the planted relay and zombie groups, and no other group', () => {
    const expected = new Map([
      ...truth.relayGroups.map((g) => [g, 'relay'] as const),
      ...truth.zombieGroups.map((g) => [g, 'zombie'] as const),
    ]);
    expect(expected.size).toBeGreaterThan(1);
    for (const [group, basis] of expected) {
      const archive = carried(ownerOf.get(group) as string).find(
        (r) => r.kind === 'archive' && r.groupIds[0] === group,
      );
      expect(archive?.evidence.basis).toBe(basis);
    }
    for (const r of recs.filter((x) => x.kind === 'archive'))
      expect(expected.has(r.groupIds[0] as string)).toBe(true);
  });

  it('advise replacing roll-calls in every group where one was planted this week', () => {
    const { from, to } = weekBounds(WEEK, config.timezone);
    const timeOf = store.db.prepare('SELECT time FROM messages WHERE source_id = ?').pluck();
    const groups = new Set(
      truth.rollCalls
        .filter((r) => {
          const t = timeOf.get(r.messageIds[0]) as number;
          return t >= from && t < to;
        })
        .map((r) => r.groupId),
    );
    expect(groups.size).toBeGreaterThan(0);
    for (const g of groups) {
      const owner = ownerOf.get(g) as string;
      expect(carried(owner).some((r) => r.kind === 'replace-rollcall' && r.groupIds[0] === g)).toBe(true);
    }
  });

  it('name no member other than the addressee outside quoted notices', () => {
    const names = store.db.prepare('SELECT id, name FROM contacts').all() as { id: string; name: string }[];
    for (const d of digests) {
      const text = d.parts.join('\n').replace(/「[^」]*」/g, '');
      const named = names.filter((c) => c.id !== d.ownerId && c.name.length >= 2 && text.includes(c.name));
      expect(named.map((c) => c.name)).toEqual([]);
    }
  });

  it('drop a dismissed recommendation for 4 weeks, and number the rest anew', () => {
    const owner = ownerOf.get(truth.mergeCandidates[0]?.groupIds[0] as string) as string;
    const digest = digestOf(owner);
    const issued = recs.filter((r) => digest.recommendationIds.includes(r.id));
    store.recommendations.recordIssued({
      ownerId: owner,
      week: WEEK,
      recommendations: issued,
      at: Date.now(),
    });
    const number = issued.findIndex((r) => r.kind === 'merge') + 1;
    const dismissed = store.recommendations.answer({
      ownerId: owner,
      number,
      status: 'dismissed',
      at: Date.now(),
    });
    expect(dismissed?.kind).toBe('merge');
    const again = ownerDigestsNow(store, config, WEEK, { ownerId: owner })[0] as OwnerDigest;
    expect(again.recommendationIds).not.toContain(dismissed?.id);
    expect(again.recommendationIds).toHaveLength(digest.recommendationIds.length - 1);
    const nextWeek = ownerDigestsNow(store, config, '2026-W47', { ownerId: owner })[0] as OwnerDigest;
    expect(nextWeek.recommendationIds).not.toContain(dismissed?.id);
    const status = recommendStoredWeek(store, config, '2026-W47').recommendations.find(
      (r) => r.id === dismissed?.id,
    );
    expect(status?.status).toBe('dismissed');
  });
});

describe('an owner whose only group is a zombie', () => {
  it('gets the digest text but no empty chart; an owner with messages gets one', () => {
    const quiet = new Store(tempStorePath());
    try {
      const { from } = weekBounds(WEEK, config.timezone);
      const members = ['z-owner', 'm-1', 'm-2', 'm-3', 'm-4', 'm-5'];
      for (const id of members) quiet.contacts.upsert({ id, name: id, unit: null });
      for (const [group, owner] of [
        ['zombie@chatroom', 'z-owner'],
        ['busy@chatroom', 'm-1'],
      ] as const) {
        quiet.groups.upsert({
          id: group,
          name: group,
          ownerId: owner,
          unit: null,
          createdAt: null,
          seenAt: from - 90 * 86_400_000,
        });
        quiet.snapshots.record(group, from - 90 * 86_400_000, members);
      }
      // The zombie spoke last three months ago; the busy group speaks this week.
      quiet.messages.insert(
        messageInput({
          id: 'old',
          groupId: 'zombie@chatroom',
          senderId: 'm-2',
          time: from - 90 * 86_400_000,
        }),
      );
      quiet.messages.insert(
        messageInput({ id: 'new', groupId: 'busy@chatroom', senderId: 'm-2', time: from + 86_400_000 }),
      );
      const digests = ownerDigestsNow(quiet, config, WEEK);
      const zombieOnly = digests.find((d) => d.ownerId === 'z-owner') as OwnerDigest;
      expect(zombieOnly.parts.length).toBeGreaterThan(0);
      expect(zombieOnly.chartPng).toBeNull();
      const busy = digests.find((d) => d.ownerId === 'm-1') as OwnerDigest;
      expect(busy.chartPng?.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    } finally {
      quiet.close();
    }
  });
});
