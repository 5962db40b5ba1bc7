/**
 * Chooses the members and the owner of one group from its spec. Rosters overlap the way real ones
 * do: the same office heads, community secretaries and leaders sit in many groups.
 */

import type { TownUnits } from './build-town-units.js';
import type { GroupSpec } from './group-catalogue.js';
import type { Cadre, SimGroup, Unit } from './organisation.js';
import type { Prng } from './prng.js';

export const MIN_GROUP_SIZE = 8;
export const MAX_GROUP_SIZE = 150;

export interface RosterContext {
  rng: Prng;
  town: TownUnits;
  community: Unit | null;
  /** Groups of this town created so far, by slug (twins and grid groups refer back). */
  bySlug: Map<string, SimGroup>;
  communityHost: SimGroup | null;
}

export interface Roster {
  owner: Cadre;
  members: Cadre[];
}

function addAll(into: Map<string, Cadre>, cadres: readonly Cadre[]): void {
  for (const c of cadres) into.set(c.id, c);
}

function fromCommunities(ctx: RosterContext, role: 'head' | 'grid' | 'any', count: number): Cadre[] {
  const out: Cadre[] = [];
  for (const unit of ctx.town.communities) {
    if (role === 'head') out.push(unit.head);
    else {
      const pool = role === 'grid' ? unit.members.filter((m) => m.role === 'grid') : unit.members;
      out.push(...ctx.rng.sample(pool.length > 0 ? pool : unit.members, count));
    }
  }
  return out;
}

/** Fills up to the minimum size from `pool` and trims to the maximum, never dropping `keep`. */
function clampSize(
  ctx: RosterContext,
  members: Map<string, Cadre>,
  pool: readonly Cadre[],
  keep: Cadre,
): Cadre[] {
  if (members.size < MIN_GROUP_SIZE) {
    for (const c of ctx.rng.shuffled(pool)) {
      if (members.size >= MIN_GROUP_SIZE) break;
      members.set(c.id, c);
    }
  }
  let list = [...members.values()];
  if (list.length > MAX_GROUP_SIZE) {
    const others = list.filter((c) => c !== keep && c.role !== 'leader');
    const fixed = list.filter((c) => c === keep || c.role === 'leader');
    list = [...fixed, ...ctx.rng.sample(others, MAX_GROUP_SIZE - fixed.length)];
  }
  return list;
}

function unitOf(ctx: RosterContext, key: string): Unit {
  const unit = key === '{c}' ? ctx.community : ctx.town.units.get(key);
  if (!unit) throw new Error(`simulation: unknown unit ${key}`);
  return unit;
}

export function buildRoster(spec: GroupSpec, ctx: RosterContext): Roster {
  const { rng, town } = ctx;
  const owningUnit = unitOf(ctx, spec.unitKey);
  const members = new Map<string, Cadre>();
  let owner = owningUnit.head;
  let pool: readonly Cadre[] = town.cadres;
  const roster = spec.roster;

  switch (roster.kind) {
    case 'all':
      addAll(members, town.cadres);
      break;
    case 'middle':
      addAll(members, town.leaders);
      for (const unit of town.units.values()) members.set(unit.head.id, unit.head);
      break;
    case 'unit':
      // The office and the leader in charge of it (分管领导).
      addAll(members, owningUnit.members);
      addAll(members, [rng.pick(town.leaders.slice(1))]);
      pool = [...(town.units.get('党政办')?.members ?? []), ...town.cadres];
      break;
    case 'topic':
      for (const key of roster.units) addAll(members, unitOf(ctx, key).members);
      if (roster.perCommunity)
        addAll(members, fromCommunities(ctx, roster.perCommunity.role, roster.perCommunity.count));
      addAll(members, rng.sample(town.leaders, roster.leaders));
      addAll(members, rng.sample(town.cadres, roster.extra));
      break;
    case 'community': {
      const liaisons = [...town.units.values()].filter((u) => u.kind === 'office').map((u) => u.members);
      addAll(members, owningUnit.members);
      addAll(members, rng.sample(liaisons.flat(), rng.int(2, 4)));
      addAll(members, [rng.pick(town.leaders.slice(1))]);
      break;
    }
    case 'grid': {
      // A subset of the community's own group, so that group reaches every member of this one.
      const host = ctx.communityHost;
      if (!host) throw new Error('simulation: grid group before its community group');
      addAll(members, [owningUnit.head, ...owningUnit.members.filter((m) => m.role === 'grid')]);
      pool = host.members;
      break;
    }
    case 'communityExtra':
      addAll(members, owningUnit.members);
      addAll(members, rng.sample(town.cadres, rng.int(3, 8)));
      break;
    case 'twin': {
      const partner = spec.twinOf ? ctx.bySlug.get(spec.twinOf) : undefined;
      if (!partner) throw new Error(`simulation: twin ${spec.slug} before its partner`);
      addAll(members, partner.members);
      const removable = partner.members.filter((m) => m !== partner.owner && m.id !== owner.id);
      members.delete(rng.pick(removable).id);
      const outsiders = town.cadres.filter((c) => !partner.memberIds.has(c.id));
      if (outsiders.length > 0) addAll(members, [rng.pick(outsiders)]);
      if (!members.has(owner.id) || owner === partner.owner) {
        owner = rng.pick([...members.values()].filter((m) => m !== partner.owner && m.role !== 'leader'));
      }
      break;
    }
    case 'random':
      addAll(members, rng.sample(town.cadres, rng.int(roster.min, roster.max)));
      owner = rng.pick([...members.values()]);
      break;
  }
  members.set(owner.id, owner);
  return { owner, members: clampSize(ctx, members, pool, owner) };
}
