/**
 * Builds the whole simulated organisation from the resolved options: as many towns as the group
 * count calls for (about 24 groups and 120 cadres each), their cadres and their groups.
 */
import { buildRoster, type RosterContext } from './build-roster.js';
import { buildTownUnits } from './build-town-units.js';
import { townGroupSpecs } from './group-catalogue.js';
import type { Organisation, SimGroup, Town } from './organisation.js';
import { createPrng, mixSeed, type Prng } from './prng.js';
import { shanghaiMidnight } from './sim-clock.js';
import { COMMUNITIES, townCommunities, townNames } from './town-catalogue.js';

export interface OrganisationSize {
  seed: number;
  groups: number;
  cadres: number;
  /** UTC ms of the simulation start; groups are created before it. */
  start: number;
}

const GROUPS_PER_TOWN = 24;
const MIN_CADRES_PER_TOWN = 40;
const DAY = 86_400_000;
const COMMUNITY_SLUGS = new Map(COMMUNITIES.map((c) => [c.name, c.slug]));

/** Splits `total` into `parts` near-equal integers. */
function split(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function buildOrganisation(size: OrganisationSize): Organisation {
  const rng = createPrng(mixSeed(size.seed, 0x0c6a));
  const townCount = Math.max(
    1,
    Math.min(Math.round(size.groups / GROUPS_PER_TOWN), Math.floor(size.cadres / MIN_CADRES_PER_TOWN)),
  );
  const names = townNames(townCount, rng);
  const idWidth = Math.max(4, String(size.cadres + 20 * townCount).length);
  let cadreSeq = 0;
  const nextId = () => `u-${pad(++cadreSeq, idWidth)}`;

  const towns: Town[] = [];
  for (let t = 0; t < townCount; t++) {
    const townRng = createPrng(mixSeed(size.seed, 0x7043, t));
    const cadreCount = split(size.cadres, townCount, t);
    const communityCount = Math.max(3, Math.min(14, Math.round((cadreCount * 0.48) / 11)));
    const units = buildTownUnits({
      rng: townRng,
      townName: names[t] as string,
      qualify: townCount > 1,
      cadreCount,
      communityNames: townCommunities(t, communityCount, townRng),
      nextId,
    });
    const prefix = townCount > 1 ? `g-t${pad(t + 1, 3)}-` : 'g-';
    const groups = buildTownGroups(
      townRng,
      units,
      names[t] as string,
      prefix,
      split(size.groups, townCount, t),
      size.start,
    );
    towns.push({ index: t, name: names[t] as string, ...units, groups });
  }

  const groups = towns.flatMap((t) => t.groups);
  return {
    towns,
    cadres: towns.flatMap((t) => t.cadres),
    groups,
    groupById: new Map(groups.map((g) => [g.id, g])),
  };
}

function buildTownGroups(
  rng: Prng,
  units: RosterContext['town'],
  townName: string,
  idPrefix: string,
  count: number,
  start: number,
): SimGroup[] {
  const bySlug = new Map<string, SimGroup>();
  const groups: SimGroup[] = [];
  for (const spec of townGroupSpecs(count, units.communities.length)) {
    const community = spec.community === undefined ? null : (units.communities[spec.community] ?? null);
    const cSlug = community ? `${COMMUNITY_SLUGS.get(community.key) ?? 'c'}-` : '';
    const slug = cSlug + spec.slug;
    const communityHost = community ? (bySlug.get(`${cSlug}gzq`) ?? null) : null;
    const { owner, members } = buildRoster(spec, { rng, town: units, community, bySlug, communityHost });
    const twin = spec.twinOf ? bySlug.get(spec.twinOf) : undefined;
    const createdAt = spec.createdOn
      ? shanghaiMidnight(spec.createdOn) + rng.int(9 * 60, 17 * 60) * 60_000
      : start - rng.int(60, 6 * 365) * DAY + rng.int(9 * 60, 17 * 60) * 60_000;
    const group: SimGroup = {
      id: `${idPrefix}${slug}@chatroom`,
      name: spec.name.replace('{town}', townName).replace('{c}', community?.key ?? ''),
      unit: (spec.unitKey === '{c}' ? community : units.units.get(spec.unitKey))?.label ?? spec.unitKey,
      owner,
      members,
      memberIds: new Set(members.map((m) => m.id)),
      leaders: members.filter((m) => m.role === 'leader'),
      createdAt,
      topics: spec.topics,
      activity: spec.activity,
      zombie: spec.zombie === true,
      twinId: twin?.id ?? null,
      hostId: spec.relay && communityHost ? communityHost.id : null,
      community,
    };
    if (twin) twin.twinId = group.id;
    bySlug.set(slug, group);
    groups.push(group);
  }
  return groups;
}
