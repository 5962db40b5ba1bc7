import { describe, expect, it } from 'vitest';
import { createInterchangeSchemas } from '../../../src/ingest/jsonl/interchange-schemas.js';
import { createSimulation } from '../../../src/ingest/simulate/create-simulation.js';
import type { ContactRecord, GroupRecord } from '../../../src/model/interchange.js';
import { FIRST_MONDAY, runSimulation, weekIndex } from './sim-fixture.js';

const serialise = (seed: number, extra = {}) =>
  [...createSimulation({ seed, weeks: 1, ...extra }).records()].map((r) => JSON.stringify(r)).join('\n');

describe('createSimulation: determinism', () => {
  it('gives byte-identical records for the same seed, also on a second pass', () => {
    const a = serialise(7);
    expect(serialise(7)).toBe(a);
    const sim = createSimulation({ seed: 7, weeks: 1 });
    const first = [...sim.records()].map((r) => JSON.stringify(r)).join('\n');
    const again = [...sim.records()].map((r) => JSON.stringify(r)).join('\n');
    expect(first).toBe(a);
    expect(again).toBe(a);
  });

  it('gives a different organisation and traffic for another seed', () => {
    const a = createSimulation({ seed: 1, weeks: 1 });
    const b = createSimulation({ seed: 2, weeks: 1 });
    expect(b.contacts.map((c) => c.name)).not.toEqual(a.contacts.map((c) => c.name));
    expect(serialise(2)).not.toBe(serialise(1));
  });

  it('gives the same truth for the same seed', () => {
    const truth = (seed: number) => {
      const sim = createSimulation({ seed, weeks: 1 });
      for (const _ of sim.records());
      return JSON.stringify(sim.truth());
    };
    expect(truth(4)).toBe(truth(4));
    expect(truth(4)).not.toBe(truth(5));
  });

  it('refuses to give the truth before the records were read', () => {
    expect(() => createSimulation({ weeks: 1 }).truth()).toThrow(/records\(\)/);
  });
});

describe('createSimulation: records', () => {
  const run = runSimulation();
  const contacts = run.records.filter((r): r is ContactRecord => r.kind === 'contact');
  const groups = [...run.groups.values()];
  const members = new Map(groups.map((g) => [g.id, new Set(g.memberIds)]));

  it('streams contacts, then groups, then messages', () => {
    const kinds = run.records.map((r) => r.kind);
    const firstGroup = kinds.indexOf('group');
    const firstMessage = kinds.indexOf('message');
    expect(kinds.lastIndexOf('contact')).toBeLessThan(firstGroup);
    expect(kinds.lastIndexOf('group')).toBeLessThan(firstMessage);
  });

  it('passes the JSON Lines importer schemas for every record', () => {
    const schemas = createInterchangeSchemas({ now: Date.parse('2030-01-01T00:00:00Z') });
    for (const record of run.records) {
      const parsed = JSON.parse(JSON.stringify(record));
      const result = schemas[record.kind].safeParse(parsed);
      if (!result.success)
        throw new Error(`${JSON.stringify(record).slice(0, 200)}: ${result.error.message}`);
    }
  });

  it('uses contact ids without "@", group ids with "@", and unique ids everywhere', () => {
    for (const c of contacts) expect(c.id).toMatch(/^u-\d{4,}$/);
    for (const g of groups) expect(g.id).toContain('@');
    expect(new Set(contacts.map((c) => c.id)).size).toBe(contacts.length);
    expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
    expect(new Set(run.messages.map((m) => m.id)).size).toBe(run.messages.length);
    for (const m of run.messages) expect(m.id).toMatch(/^m-\d{6,}$/);
  });

  it('has every message in a known group, from a member, with times in the simulated weeks', () => {
    const end = FIRST_MONDAY + 4 * 7 * 86_400_000;
    for (const m of run.messages) {
      expect(members.get(m.groupId)?.has(m.senderId), `${m.id} sender`).toBe(true);
      expect(m.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      const t = Date.parse(m.time);
      expect(t).toBeGreaterThanOrEqual(FIRST_MONDAY);
      expect(t).toBeLessThan(end);
    }
  });

  it('orders messages by time and numbers them in that order', () => {
    for (let i = 1; i < run.messages.length; i++) {
      const prev = run.messages[i - 1];
      const cur = run.messages[i];
      expect(Date.parse(cur?.time ?? '')).toBeGreaterThanOrEqual(Date.parse(prev?.time ?? ''));
      expect(Number(cur?.id.slice(2))).toBe(Number(prev?.id.slice(2)) + 1);
    }
  });

  it('gives each type its payload: files and images a sha256, links a URL, mini programs an app', () => {
    for (const m of run.messages) {
      if (m.type === 'file' || m.type === 'image') expect(m.file?.sha256).toMatch(/^[0-9a-f]{64}$/);
      if (m.type === 'link') expect(m.link?.url).toMatch(/^https:\/\//);
      if (m.type === 'miniprogram') expect(['群接龙', '接龙管家']).toContain(m.miniprogram?.appName);
      if (m.type === 'text' || m.type === 'system') expect(m.text?.length).toBeGreaterThan(0);
      if (m.type === 'recalled') {
        const recalled = run.byId.get(m.text ?? '');
        expect(recalled?.groupId).toBe(m.groupId);
        expect(recalled?.senderId).toBe(m.senderId);
        expect(Date.parse(recalled?.time ?? '')).toBeLessThanOrEqual(Date.parse(m.time));
      }
    }
  });

  it('marks @所有人 messages as mention-all, and mention-all messages start with @所有人', () => {
    const atAll = run.messages.filter((m) => m.mentionAll);
    expect(atAll.length).toBeGreaterThan(20);
    for (const m of atAll) expect(m.text?.startsWith('@所有人')).toBe(true);
    for (const m of run.messages) if (m.text?.startsWith('@所有人')) expect(m.mentionAll).toBe(true);
  });

  it('has every type of message', () => {
    const types = new Set(run.messages.map((m) => m.type));
    for (const t of ['text', 'link', 'file', 'image', 'miniprogram', 'emoticon', 'recalled', 'system']) {
      expect(types.has(t as never), t).toBe(true);
    }
  });
});

describe('createSimulation: sizes', () => {
  const run = runSimulation();
  const groups = [...run.groups.values()];

  it('builds a town office of 24 groups (8–150 members) and 120 cadres by default', () => {
    expect(groups).toHaveLength(24);
    expect(run.sim.contacts).toHaveLength(120);
    for (const g of groups) {
      expect(g.memberIds.length).toBeGreaterThanOrEqual(8);
      expect(g.memberIds.length).toBeLessThanOrEqual(150);
      expect(new Set(g.memberIds).size).toBe(g.memberIds.length);
      expect(g.memberIds).toContain(g.ownerId);
    }
  });

  it('has overlapping rosters: most cadres sit in several groups', () => {
    const seats = new Map<string, number>();
    for (const g of groups) for (const id of g.memberIds) seats.set(id, (seats.get(id) ?? 0) + 1);
    const several = [...seats.values()].filter((n) => n >= 3).length;
    expect(several / run.sim.contacts.length).toBeGreaterThan(0.5);
  });

  it('has leaders in the 领导班子 unit', () => {
    const leaders = run.sim.contacts.filter((c) => c.unit === '领导班子');
    expect(leaders.length).toBeGreaterThanOrEqual(4);
  });

  it('sends about 1,500 messages a week, a realistic share of them off-hours', () => {
    const perWeek = [0, 0, 0, 0];
    let off = 0;
    for (const m of run.messages) {
      const w = weekIndex(m);
      perWeek[w] = (perWeek[w] ?? 0) + 1;
      const hour = Number(m.time.slice(11, 13)) + Number(m.time.slice(14, 16)) / 60;
      const weekday = new Date(`${m.time.slice(0, 10)}T12:00:00+08:00`).getUTCDay();
      if (weekday === 0 || weekday === 6 || hour < 8.5 || hour >= 18) off++;
    }
    for (const n of perWeek) {
      expect(n).toBeGreaterThan(1200);
      expect(n).toBeLessThan(1800);
    }
    expect(off / run.messages.length).toBeGreaterThan(0.1);
    expect(off / run.messages.length).toBeLessThan(0.4);
  });

  it('scales groups, cadres and messages with the options', () => {
    const sim = createSimulation({ groups: 60, cadres: 300, messagesPerWeek: 4000, weeks: 1, seed: 3 });
    expect(sim.groups).toHaveLength(60);
    expect(sim.contacts.length).toBeGreaterThanOrEqual(300);
    expect(sim.contacts.length).toBeLessThan(310);
    let n = 0;
    for (const _ of sim.messages()) n++;
    expect(n).toBeGreaterThan(3200);
    expect(n).toBeLessThan(4800);
    const unitsOf = new Set(sim.contacts.map((c) => c.unit));
    expect([...unitsOf].some((u) => u?.endsWith('领导班子') && u !== '领导班子')).toBe(true);
  });

  it('keeps every planted structure in the smallest organisation (10 groups)', () => {
    const sim = createSimulation({ groups: 10, weeks: 1, seed: 8 });
    for (const _ of sim.messages());
    const truth = sim.truth();
    expect(sim.groups).toHaveLength(10);
    expect(truth.mergeCandidates).toHaveLength(2);
    expect(truth.relayGroups).toHaveLength(1);
    expect(truth.zombieGroups).toHaveLength(2);
    for (const list of [
      truth.duplicates,
      truth.rollCalls,
      truth.ackFloods,
      truth.likeSpam,
      truth.photoProof,
    ]) {
      expect(list.length).toBeGreaterThan(0);
    }
  });

  it('starts on the Monday of the given date', () => {
    const sim = createSimulation({ start: '2026-11-19', weeks: 1 });
    expect(sim.options.start).toBe('2026-11-16');
    expect(sim.weeks).toEqual(['2026-W47']);
  });
});

describe('createSimulation: group records', () => {
  it('gives every group a name, unit, owner and creation time before the start', () => {
    const run = runSimulation();
    for (const g of run.groups.values() as Iterable<GroupRecord>) {
      expect(g.name.length).toBeGreaterThan(2);
      expect(g.unit).toBeTruthy();
      expect(Date.parse(g.createdAt ?? '')).toBeLessThan(FIRST_MONDAY - 30 * 86_400_000);
    }
  });
});
