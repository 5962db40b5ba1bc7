/**
 * Staffs one town: its leadership, its offices and its communities/villages, with `cadreCount`
 * cadres in total. Ids are handed out by the caller so they are unique across towns.
 */
import { createNameBook, surnameOf } from './names.js';
import type { Cadre, CadreRole, Unit } from './organisation.js';
import type { Prng } from './prng.js';
import { type CommunityName, LEADER_TITLES, LEADERSHIP_UNIT, OFFICE_UNITS } from './town-catalogue.js';

export interface TownUnits {
  leaders: Cadre[];
  units: Map<string, Unit>;
  communities: Unit[];
  cadres: Cadre[];
}

export interface TownUnitsInput {
  rng: Prng;
  townName: string;
  /** Prefix unit labels with the town name (when the organisation has several towns). */
  qualify: boolean;
  cadreCount: number;
  communityNames: CommunityName[];
  nextId: () => string;
}

/** Splits `total` into parts proportional to `weights`, each at least `min`. */
function apportion(total: number, weights: readonly number[], min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(min, Math.floor((total * w) / sum)));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i] = (parts[i] as number) + 1;
  return parts;
}

function staffAddress(rng: Prng, name: string): string {
  const r = rng.next();
  if (r < 0.55) return `小${surnameOf(name)}`;
  if (r < 0.7) return `老${surnameOf(name)}`;
  return name;
}

export function buildTownUnits(input: TownUnitsInput): TownUnits {
  const { rng, townName, qualify, cadreCount, communityNames, nextId } = input;
  const names = createNameBook(rng);
  const label = (key: string) => (qualify ? townName + key : key);
  const cadres: Cadre[] = [];
  const make = (unitKey: string, role: CadreRole, address: (name: string) => string): Cadre => {
    const name = names.next();
    const cadre = { id: nextId(), name, unit: label(unitKey), unitKey, role, address: address(name) };
    cadres.push(cadre);
    return cadre;
  };

  const leaderCount = Math.min(LEADER_TITLES.length, Math.max(4, Math.round(cadreCount * 0.06)));
  const leaders = LEADER_TITLES.slice(0, leaderCount).map((t) =>
    make(LEADERSHIP_UNIT, 'leader', (n) => surnameOf(n) + t.address),
  );
  const units = new Map<string, Unit>();
  units.set(LEADERSHIP_UNIT, {
    key: LEADERSHIP_UNIT,
    label: label(LEADERSHIP_UNIT),
    kind: 'leadership',
    head: leaders[0] as Cadre,
    members: leaders,
  });

  const communityStaff = Math.max(5 * communityNames.length, Math.round((cadreCount - leaderCount) * 0.48));
  const officeStaff = Math.max(2 * OFFICE_UNITS.length, cadreCount - leaderCount - communityStaff);
  const officeSizes = apportion(
    officeStaff,
    OFFICE_UNITS.map((u) => u.weight),
    2,
  );
  OFFICE_UNITS.forEach((office, i) => {
    const size = officeSizes[i] as number;
    const head = make(office.key, 'head', (n) => `${surnameOf(n)}主任`);
    const members = [head];
    for (let k = 1; k < size; k++) {
      members.push(make(office.key, k === 1 ? 'deputy' : 'staff', (n) => staffAddress(rng, n)));
    }
    units.set(office.key, { key: office.key, label: label(office.key), kind: 'office', head, members });
  });

  const communitySizes = apportion(
    communityStaff,
    communityNames.map(() => 0.7 + rng.next() * 0.6),
    5,
  );
  const communities = communityNames.map((c, i): Unit => {
    const size = communitySizes[i] as number;
    const head = make(c.name, 'head', (n) => `${surnameOf(n)}书记`);
    const members = [head, make(c.name, 'deputy', (n) => `${surnameOf(n)}主任`)];
    for (let k = 2; k < size; k++) {
      // About half of a community's staff are grid workers (网格员).
      members.push(make(c.name, k % 2 === 0 ? 'grid' : 'staff', (n) => staffAddress(rng, n)));
    }
    const unit: Unit = { key: c.name, label: label(c.name), kind: 'community', head, members };
    units.set(c.name, unit);
    return unit;
  });

  return { leaders, units, communities, cadres };
}
