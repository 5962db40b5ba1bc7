import type { Detector } from './detector.js';

export interface ZombieGroup {
  groupId: string;
  /** Time of the last human message, or null when none was ever stored. */
  lastHumanMessageAt: number | null;
  quietDays: number;
}

const DAY = 86_400_000;

/**
 * A zombie group: no human message (system lines and recalls do not count) in the configured number
 * of days up to the end of the week. Groups younger than that window are not judged yet.
 */
export const zombieGroupsDetector: Detector<'zombies', ZombieGroup[]> = {
  name: 'zombies',
  run({ data, config }) {
    const { quietDays } = config.analysis.zombie;
    const windowStart = data.to - quietDays * DAY;
    const out: ZombieGroup[] = [];
    for (const group of data.groups) {
      const born = Math.min(group.createdAt ?? group.firstSeen, group.firstSeen);
      if (born > windowStart) continue;
      const last = data.lastHumanMessageAt.get(group.id) ?? null;
      if (last !== null && last >= windowStart) continue;
      out.push({
        groupId: group.id,
        lastHumanMessageAt: last,
        quietDays: Math.floor((data.to - (last ?? born)) / DAY),
      });
    }
    return out;
  },
};
