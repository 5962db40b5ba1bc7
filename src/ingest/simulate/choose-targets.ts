/**
 * Which groups a notice reaches, and who forwards it there. The planted structures are enforced here:
 * a notice reaching one of a merge-candidate pair reaches the other too, and a relay group only ever
 * gets notices that its host group (which holds all its members) also gets.
 */
import type { Cadre, SimGroup, Topic } from './organisation.js';
import type { WeekContext } from './week-context.js';

/** Groups a topic's notices are forwarded to besides the groups of that topic. */
const SPREAD: Partial<Record<Topic, Topic[]>> = {
  safety: ['general', 'community'],
  stability: ['community'],
  civility: ['general', 'community'],
  social: ['community'],
  party: ['general', 'community'],
  rural: ['community'],
  construction: ['community'],
  general: ['community'],
};

/** Groups that may receive a notice posted in that group only (no twins, no relays). */
export function singleCandidates(ctx: WeekContext, topic: Topic): SimGroup[] {
  const ok = ctx.active.filter((g) => g.twinId === null && g.hostId === null);
  const onTopic = ok.filter((g) => g.topics.includes(topic));
  return onTopic.length > 0 ? onTopic : ok;
}

/**
 * Up to `count` groups for a notice of `topic` (origin first), then the partners the planted
 * structures require: a twin next to its pair, a relay (sometimes) after its host.
 */
export function chooseTargets(ctx: WeekContext, topic: Topic, count: number): SimGroup[] {
  const { rng } = ctx;
  const open = ctx.active.filter((g) => g.hostId === null);
  const onTopic = open.filter((g) => g.topics.includes(topic));
  const spread = SPREAD[topic] ?? ['general'];
  const wider = open.filter((g) => !g.topics.includes(topic) && g.topics.some((t) => spread.includes(t)));
  const origin = rng.pick(onTopic.length > 0 ? onTopic : open);
  const rest = rng.sample(
    [...onTopic, ...wider].filter((g) => g !== origin),
    count - 1,
  );
  const out: SimGroup[] = [];
  const seen = new Set<string>();
  const add = (g: SimGroup | undefined) => {
    if (g && !seen.has(g.id)) {
      seen.add(g.id);
      out.push(g);
    }
  };
  for (const g of [origin, ...rest]) {
    add(g);
    if (g.twinId) add(ctx.town.groups.find((t) => t.id === g.twinId));
    const relay = ctx.relayByHost.get(g.id);
    if (relay && rng.chance(0.6)) add(relay);
  }
  return out;
}

/**
 * Who posts a copy in `group`: usually someone who also sits in the group it came from (that is how
 * notices travel), often the group's owner; the first copy comes from the origin's owner or a leader.
 */
export function forwarder(ctx: WeekContext, group: SimGroup, from: SimGroup | null): Cadre {
  const { rng } = ctx;
  if (!from) return rng.chance(0.75) ? group.owner : rng.pick(group.members);
  if (from.memberIds.has(group.owner.id) && rng.chance(0.6)) return group.owner;
  const bridges = group.members.filter((m) => from.memberIds.has(m.id) && m.role !== 'leader');
  return bridges.length > 0 ? rng.pick(bridges) : group.owner;
}

/** Members other than the given ones, in random order. */
export function othersThan(ctx: WeekContext, group: SimGroup, exclude: readonly Cadre[]): Cadre[] {
  const skip = new Set(exclude.map((c) => c.id));
  return ctx.rng.shuffled(group.members.filter((m) => !skip.has(m.id)));
}
