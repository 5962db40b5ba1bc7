import { describe, expect, it } from 'vitest';
import { resolveSimulationOptions } from '../../../src/ingest/simulate/simulation-options.js';

describe('resolveSimulationOptions', () => {
  it('defaults to one town office over ISO weeks 2026-W44..W47', () => {
    expect(resolveSimulationOptions()).toMatchObject({
      seed: 1,
      groups: 24,
      cadres: 120,
      weeks: 4,
      messagesPerWeek: 1500,
      start: '2026-10-26',
      startMs: Date.parse('2026-10-26T00:00:00+08:00'),
    });
  });

  it('scales cadres and messages with the number of groups unless given', () => {
    expect(resolveSimulationOptions({ groups: 10_000 })).toMatchObject({
      cadres: 50_000,
      messagesPerWeek: 625_000,
    });
    expect(resolveSimulationOptions({ groups: 100, cadres: 700, messagesPerWeek: 9000 })).toMatchObject({
      cadres: 700,
      messagesPerWeek: 9000,
    });
  });

  it.each([
    ['2026-11-22', '2026-11-16'],
    ['2026-11-16', '2026-11-16'],
    ['2027-01-01', '2026-12-28'],
  ])('starts a simulation given %s on Monday %s', (start, monday) => {
    expect(resolveSimulationOptions({ start }).start).toBe(monday);
  });

  it.each([
    [{ groups: 9 }, /^groups: expected an integer from 10/],
    [{ groups: 12.5 }, /^groups:/],
    [{ cadres: 39 }, /^cadres:/],
    [{ weeks: 0 }, /^weeks:/],
    [{ messagesPerWeek: 50 }, /^messagesPerWeek:/],
    [{ seed: 1.5 }, /^seed:/],
    [{ start: '26.10.2026' }, /^start: expected a date like 2026-10-26/],
    [{ start: '2026-02-30' }, /^start:/],
  ])('rejects %o naming the option', (options, message) => {
    expect(() => resolveSimulationOptions(options)).toThrow(message);
  });
});
