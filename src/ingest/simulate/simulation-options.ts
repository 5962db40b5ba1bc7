/**
 * Options of a simulation, their defaults and their validation. Defaults describe one town office
 * (新浜镇): 24 groups, 120 cadres, 4 weeks from Monday 2026-10-26 (ISO weeks 2026-W44..W47), about 1,500
 * messages a week. Giving only `groups` scales the rest with it (5 cadres and 62.5 messages a week per
 * group), e.g. `{ groups: 10_000 }` is about 50,000 cadres and 625,000 messages a week.
 */
import { DAY, localDate, shanghaiMidnight, startOfIsoWeek } from './sim-clock.js';

export interface SimulationOptions {
  /** Any integer; the same seed gives byte-identical output. Default 1. */
  seed?: number;
  /** Number of groups (≥ 10). Default 24. */
  groups?: number;
  /** Number of cadres (≥ 40). Default 5 per group. */
  cadres?: number;
  /** Number of ISO weeks (1–520). Default 4. */
  weeks?: number;
  /** Messages per week, all groups together (about; ≥ 100). Default 62.5 per group. */
  messagesPerWeek?: number;
  /** A local date (Asia/Shanghai) 'YYYY-MM-DD'; the simulation starts on the Monday of its ISO week. */
  start?: string;
}

export interface ResolvedSimulationOptions {
  seed: number;
  groups: number;
  cadres: number;
  weeks: number;
  messagesPerWeek: number;
  /** The Monday the simulation starts on, 'YYYY-MM-DD'. */
  start: string;
  /** UTC ms of that Monday 00:00 local. */
  startMs: number;
}

function integer(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name}: expected an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function resolveSimulationOptions(options: SimulationOptions = {}): ResolvedSimulationOptions {
  const seed = integer('seed', options.seed ?? 1, -(2 ** 31), 2 ** 32 - 1);
  const groups = integer('groups', options.groups ?? 24, 10, 1_000_000);
  const cadres = integer('cadres', options.cadres ?? groups * 5, 40, 10_000_000);
  const weeks = integer('weeks', options.weeks ?? 4, 1, 520);
  const messagesPerWeek = integer(
    'messagesPerWeek',
    options.messagesPerWeek ?? Math.round(groups * 62.5),
    100,
    1e9,
  );
  const given = options.start ?? '2026-10-26';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(given)) {
    throw new RangeError(`start: expected a date like 2026-10-26, got "${given}"`);
  }
  const startMs = startOfIsoWeek(shanghaiMidnight(given) + DAY / 2);
  return { seed, groups, cadres, weeks, messagesPerWeek, start: localDate(startMs), startMs };
}
