import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseStoredWeek } from '../../src/analysis/analyse-stored-week.js';
import { type Config, configSchema } from '../../src/config/schema.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import { writeSimulation } from '../../src/ingest/simulate/write-simulation.js';
import { createStoragePolicy } from '../../src/privacy/storage-policy.js';
import { Store } from '../../src/store/store.js';

/**
 * The detectors must find the same things whether replies keep their text or only the class stored
 * with it: ackFloods and likeSpam read replyClassOf, rollCalls reads numberOffOf, countablePredicate
 * the 'pat' class. A simulated town office, imported twice.
 */
const dir = mkdtempSync(join(tmpdir(), 'qingqun-notext-'));
const configOf = (keepText: 'all' | 'notices') => configSchema.parse({ privacy: { keepText } });
let weeks: string[] = [];
const stores: Record<'all' | 'notices', Store | undefined> = { all: undefined, notices: undefined };

async function importInto(keepText: 'all' | 'notices', file: string): Promise<Store> {
  const store = new Store(join(dir, `${keepText}.sqlite`), {
    policy: createStoragePolicy(configOf(keepText)),
  });
  await importJsonl(store, [file]);
  return store;
}

beforeAll(async () => {
  const file = join(dir, 'sim.jsonl');
  weeks = (await writeSimulation({ seed: 11, weeks: 2 }, file)).weeks;
  stores.all = await importInto('all', file);
  stores.notices = await importInto('notices', file);
});
afterAll(() => {
  stores.all?.close();
  stores.notices?.close();
});

const findings = (store: Store | undefined, config: Config, week: string) =>
  analyseStoredWeek(store as Store, config, week).findings;

describe('detectors on minimal storage', () => {
  it('most texts are not stored, yet every detector finds exactly what it finds with every text', () => {
    const count = (s: Store | undefined, where: string) =>
      (s as Store).db.prepare(`SELECT COUNT(*) FROM messages WHERE ${where}`).pluck().get() as number;
    expect(count(stores.notices, "text IS NULL AND text_class IN ('ack', 'praise')")).toBeGreaterThan(200);
    expect(count(stores.all, 'text IS NULL AND text_class IS NOT NULL')).toBe(0);
    for (const week of weeks) {
      const full = findings(stores.all, configOf('all'), week);
      const minimal = findings(stores.notices, configOf('notices'), week);
      expect(full.ackFloods.length).toBeGreaterThan(0);
      expect(full.likeSpam.length).toBeGreaterThan(0);
      expect(minimal).toEqual(full);
    }
  });

  it('after the text purge, reply floods are still found from the stored classes', () => {
    const before = weeks.map((w) => findings(stores.all, configOf('all'), w));
    const purged = (stores.all as Store).maintenance.purgeExpired(
      { retention: { textDays: 1, recordDays: 3650 } },
      Date.now(),
    );
    expect(purged.textsPurged).toBeGreaterThan(1000);
    weeks.forEach((week, i) => {
      const after = findings(stores.all, configOf('all'), week);
      expect(after.ackFloods).toEqual(before[i]?.ackFloods);
      expect(after.likeSpam).toEqual(before[i]?.likeSpam);
      expect(after.volume).toEqual(before[i]?.volume);
    });
  });
});
