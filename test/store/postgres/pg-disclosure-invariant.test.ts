import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { createStoragePolicy } from '../../../src/privacy/storage-policy.js';
import { openStoreReads } from '../../../src/store/contract.js';
import { PgDatabase } from '../../../src/store/postgres/pg-database.js';
import { openStage } from '../../../src/store/postgres/pg-stage.js';
import { DashboardSource } from '../../../src/web/data/dashboard-source.js';
import {
  checkHardTown,
  checkTown,
  coverage,
  HARD_TOWN,
  NOW,
  type Town,
  TZ,
  town,
  writeTown,
} from '../../web/disclosure-equations.js';
import { pgReachable, testSchema } from './pg-test-server.js';

/** Each town is a fresh schema, migrated and filled through the import stage. */
const SLOW = 300_000;

/** The town in a fresh PostgreSQL schema (as `qingqun import` writes: a SQLite stage, then COPY). */
async function pgTown(t: Town): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = testSchema('inv');
  const db = await PgDatabase.open(schema.url);
  try {
    const stage = await openStage(db, createStoragePolicy(configSchema.parse({ timezone: TZ })));
    try {
      writeTown(t, stage.store);
      // Every message of the town reached PostgreSQL (else the check would pass on an empty store).
      const written = t.units
        .flat()
        .reduce((n, g) => n + g.chat.concat(g.notices).reduce((a, b) => a + b, 0), 0);
      expect((await stage.transfer()).inserted).toBe(written);
    } finally {
      stage.dispose();
    }
  } finally {
    await db.close();
  }
  return { url: schema.url, drop: schema.drop };
}

/** The dashboard's read side over the town on PostgreSQL, given to `check`. */
async function onPostgres(t: Town, check: (source: DashboardSource) => Promise<void>): Promise<void> {
  const { url, drop } = await pgTown(t);
  const reads = await openStoreReads(url);
  try {
    expect(reads.engine).toBe('postgres');
    await check(new DashboardSource(reads, configSchema.parse({ db: url, timezone: TZ }), () => NOW));
  } finally {
    await reads.close();
    await drop();
  }
}

/**
 * The disclosure invariant (test/web/disclosure-invariant.test.ts: no combination of shown figures
 * isolates fewer than 5 people, on every page and export, for every scope) on a dashboard reading
 * PostgreSQL: the same generated towns (fewer of them: each is a schema), the same solver.
 */
describe.skipIf(!pgReachable)(
  'no combination of shown figures isolates fewer than 5 people, on PostgreSQL',
  () => {
    it(
      'holds over generated towns, every page and export, both weeks and a random scope',
      async () => {
        await fc.assert(
          fc.asyncProperty(town, (t) => onPostgres(t, (source) => checkTown(t, source))),
          { numRuns: Number(process.env.FC_RUNS_PG ?? 12), seed: Number(process.env.FC_SEED ?? 1307) },
        );
        expect(coverage.overlapsShown).toBeGreaterThan(0);
        expect(coverage.overlapsOutOfScope).toBeGreaterThan(0);
      },
      SLOW,
    );

    it(
      'catches the subtraction of issue 13 (the hard case)',
      () => onPostgres(HARD_TOWN, (source) => checkHardTown(source)),
      SLOW,
    );
  },
);
