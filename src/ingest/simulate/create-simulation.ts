/**
 * The seeded simulated organisation as a stream of interchange records.
 *
 *   const sim = createSimulation({ seed: 3 });
 *   for (const record of sim.records()) …   // contacts, then groups, then messages in time order
 *   const truth = sim.truth();              // once records() has been read to the end
 *
 * `contacts` and `groups` are also available up front (e.g. to create rooms before replaying).
 * Messages are generated one week at a time, so memory holds one week, never the whole run; ids
 * (`m-000001`, …) grow with time through the stream. Each call of `records()` replays the same
 * records from the start.
 */
import type { GroundTruth } from '../../model/ground-truth.js';
import type {
  ContactRecord,
  GroupRecord,
  InterchangeRecord,
  MessageRecord,
} from '../../model/interchange.js';
import { buildOrganisation } from './build-organisation.js';
import type { Organisation } from './organisation.js';
import { planTownWeek } from './plan-town-week.js';
import { createPrng, mixSeed } from './prng.js';
import { createWeekClock, formatShanghai, WEEK } from './sim-clock.js';
import { byTime, type SimMessage, toMessageRecord } from './sim-message.js';
import {
  type ResolvedSimulationOptions,
  resolveSimulationOptions,
  type SimulationOptions,
} from './simulation-options.js';
import { createTimeline } from './timeline.js';
import { createTruthCollector } from './truth-collector.js';
import { createWeekContext, type WeekSink } from './week-context.js';

export interface Simulation {
  options: ResolvedSimulationOptions;
  /** ISO weeks covered, e.g. ['2026-W44', …, '2026-W47']. */
  weeks: string[];
  contacts: ContactRecord[];
  groups: GroupRecord[];
  organisation: Organisation;
  /** Every record: contacts, groups, then messages sorted by time. */
  records(): Generator<InterchangeRecord>;
  /** Only the messages, in time order. */
  messages(): Generator<MessageRecord>;
  /** The ground truth of the last complete pass over `records()` or `messages()`; throws before one. */
  truth(): GroundTruth;
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  const resolved = resolveSimulationOptions(options);
  const org = buildOrganisation({ ...resolved, start: resolved.startMs });
  const weeks = Array.from(
    { length: resolved.weeks },
    (_, w) => createWeekClock(resolved.startMs + w * WEEK).week,
  );
  const contacts: ContactRecord[] = org.cadres.map((c) => ({
    kind: 'contact',
    id: c.id,
    name: c.name,
    unit: c.unit,
  }));
  const groups: GroupRecord[] = org.groups.map((g) => ({
    kind: 'group',
    id: g.id,
    name: g.name,
    ownerId: g.owner.id,
    memberIds: g.members.map((m) => m.id),
    unit: g.unit,
    createdAt: formatShanghai(g.createdAt),
  }));
  let lastTruth: GroundTruth | null = null;

  function* messages(): Generator<MessageRecord> {
    const truth = createTruthCollector(resolved.seed, weeks);
    const budgetPerGroup = resolved.messagesPerWeek / org.groups.length;
    let nextId = 0;
    for (let w = 0; w < resolved.weeks; w++) {
      const clock = createWeekClock(resolved.startMs + w * WEEK);
      const sink: WeekSink = { messages: [], seq: 0 };
      const timeline = createTimeline();
      const used = new Set<string>();
      for (const town of org.towns) {
        const rng = createPrng(mixSeed(resolved.seed, 0x3eed, w, town.index));
        const ctx = createWeekContext({ rng, clock, town, timeline, truth, used, sink });
        planTownWeek(ctx, budgetPerGroup * town.groups.length);
      }
      const ordered = chronological(sink.messages, clock.start);
      for (const m of ordered) m.id = `m-${String(++nextId).padStart(6, '0')}`;
      truth.resolveWeek(ordered);
      for (const m of ordered) yield toMessageRecord(m);
    }
    lastTruth = truth.result({
      zombieGroups: org.groups.filter((g) => g.zombie).map((g) => g.id),
      mergeCandidates: mergePairs(org),
      relayGroups: org.groups.filter((g) => g.hostId !== null).map((g) => g.id),
    });
  }

  return {
    options: resolved,
    weeks,
    contacts,
    groups,
    organisation: org,
    *records() {
      yield* contacts;
      yield* groups;
      yield* messages();
    },
    messages,
    truth() {
      if (!lastTruth) throw new Error('simulation: read records() to the end before asking for the truth');
      return lastTruth;
    },
  };
}

/**
 * The week's messages sorted by time, then creation order. Times are whole seconds and `seq` is the
 * index in `messages`, so one float key per message (seconds into the week × 2^32 + seq, exact below
 * 2^53) sorts natively, much faster than a comparator over a million objects.
 */
function chronological(messages: SimMessage[], weekStart: number): SimMessage[] {
  const keys = new Float64Array(messages.length);
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as SimMessage;
    if (m.seq !== i) return messages.slice().sort(byTime);
    keys[i] = ((m.ms - weekStart) / 1000) * 4294967296 + i;
  }
  keys.sort();
  const out = new Array<SimMessage>(messages.length);
  for (let i = 0; i < keys.length; i++) out[i] = messages[(keys[i] as number) % 4294967296] as SimMessage;
  return out;
}

/** Each planted merge-candidate pair once, in creation order. */
function mergePairs(org: Organisation): { groupIds: string[] }[] {
  const seen = new Set<string>();
  const pairs: { groupIds: string[] }[] = [];
  for (const g of org.groups) {
    if (g.twinId === null || seen.has(g.id)) continue;
    seen.add(g.twinId);
    pairs.push({ groupIds: [g.id, g.twinId] });
  }
  return pairs;
}
