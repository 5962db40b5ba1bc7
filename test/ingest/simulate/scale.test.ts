import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/ingest/simulate/create-simulation.js';

describe('simulation at scale', () => {
  it('streams about 200,000 messages over many towns with valid, ordered records', () => {
    const sim = createSimulation({ seed: 9, groups: 1000, messagesPerWeek: 50_000, weeks: 4 });
    expect(sim.groups).toHaveLength(1000);
    expect(sim.contacts.length).toBeGreaterThanOrEqual(5000);
    expect(new Set(sim.organisation.towns.map((t) => t.name)).size).toBe(sim.organisation.towns.length);
    const members = new Map(sim.groups.map((g) => [g.id, new Set(g.memberIds)]));
    let count = 0;
    let last = '';
    let badSender = 0;
    for (const m of sim.messages()) {
      count++;
      if (!members.get(m.groupId)?.has(m.senderId)) badSender++;
      if (m.time < last) throw new Error(`out of order at ${m.id}`);
      last = m.time;
    }
    expect(badSender).toBe(0);
    expect(count).toBeGreaterThan(180_000);
    expect(count).toBeLessThan(230_000);
    const truth = sim.truth();
    expect(truth.zombieGroups.length).toBeGreaterThan(40);
    expect(truth.mergeCandidates.length).toBeGreaterThan(40);
    expect(truth.relayGroups.length).toBeGreaterThan(20);
    expect(truth.duplicates.length).toBeGreaterThan(1000);
  });
});
