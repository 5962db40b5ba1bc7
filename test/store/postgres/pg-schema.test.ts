import { afterAll, describe, expect, it } from 'vitest';
import { describeError } from '../../../src/cli/describe-error.js';
import { parseDbTarget, redactDbUrl } from '../../../src/config/db-target.js';
import { MIGRATIONS } from '../../../src/store/migrations.js';
import { openDatabase } from '../../../src/store/open-database.js';
import { PgDatabase } from '../../../src/store/postgres/pg-database.js';
import { PG_MIGRATIONS, PG_ONLY_INDEXES } from '../../../src/store/postgres/pg-migrations.js';
import { partitionName, utcWeekStart } from '../../../src/store/postgres/pg-partitions.js';
import { EARLIEST_TIME_AFTER, PgStore } from '../../../src/store/postgres/pg-store.js';
import { StoreError } from '../../../src/store/store-error.js';
import { pgReachable, testSchema } from './pg-test-server.js';

describe('--db parsing', () => {
  it('tells a PostgreSQL URL from a SQLite path and takes the schema from the URL', () => {
    expect(parseDbTarget('data/q.sqlite')).toEqual({ engine: 'sqlite', path: 'data/q.sqlite' });
    expect(parseDbTarget('postgres://u@h/db?schema=abc')).toMatchObject({
      engine: 'postgres',
      url: 'postgres://u@h/db',
      schema: 'abc',
    });
    expect(parseDbTarget('postgresql://u@h/db')).toMatchObject({ engine: 'postgres', schema: 'public' });
    expect(() => parseDbTarget('postgres://u@h/db?schema=A;drop')).toThrow(/schema/);
    expect(redactDbUrl('postgres://u:secret@h/db')).toBe('postgres://u:***@h/db');
  });

  it('refuses a URL in every SQLite-only command with one catalogued line (password masked)', () => {
    const error = (() => {
      try {
        openDatabase('postgres://u:secret@h/db?schema=x');
      } catch (e) {
        return e;
      }
    })();
    expect((error as StoreError).problem).toBe('postgresUnsupported');
    for (const locale of ['zh-CN', 'en'] as const) {
      const { line, exitCode } = describeError(error, locale);
      expect(exitCode).toBe(1);
      expect(line).toContain('PostgreSQL');
      expect(line).toContain('postgres://u:***@h/db');
      expect(line).not.toContain('secret');
    }
  });

  it('numbers PostgreSQL migrations as SQLite ones', () => {
    expect(PG_MIGRATIONS.length).toBe(MIGRATIONS.length);
  });

  it('cuts partitions at Monday 00:00 UTC', () => {
    const monday = Date.UTC(2026, 10, 16);
    expect(utcWeekStart(monday)).toBe(monday);
    expect(utcWeekStart(monday - 1)).toBe(monday - 7 * 86_400_000);
    expect(utcWeekStart(monday + 6 * 86_400_000 + 5)).toBe(monday);
    expect(partitionName(monday)).toBe('messages_w20261116');
  });
});

describe.skipIf(!pgReachable)('PostgreSQL schema and migrations', () => {
  const schema = testSchema('schema');
  afterAll(() => schema.drop());

  it('refuses a schema never migrated when it must exist, and creates nothing', async () => {
    const error = await PgDatabase.open(schema.url, { mustExist: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).problem).toBe('empty');
    expect(await schema.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema.name])).toEqual([]);
  });

  it('migrates to the current version once and refuses a newer database like SQLite', async () => {
    const db = await PgDatabase.open(schema.url);
    await db.close();
    await (await PgDatabase.open(schema.url)).close();
    expect(await schema.query('SELECT version FROM qingqun_schema')).toEqual([
      { version: MIGRATIONS.length },
    ]);
    await schema.query('UPDATE qingqun_schema SET version = $1', [MIGRATIONS.length + 1]);
    const error = await PgDatabase.open(schema.url).catch((e: unknown) => e);
    expect((error as StoreError).problem).toBe('newerSchema');
    expect((error as StoreError).message).toContain(
      `database schema version ${MIGRATIONS.length + 1} is newer than this qingqun (${MIGRATIONS.length}); upgrade qingqun`,
    );
  });
});

describe.skipIf(!pgReachable)('PostgreSQL-only indexes', () => {
  const schema = testSchema('pgidx');
  afterAll(() => schema.drop());
  const present = async () =>
    (
      await schema.query<{ name: string }>(
        'SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname',
        [schema.name],
      )
    )
      .map((r) => r.name)
      .filter((name) => PG_ONLY_INDEXES.some((i) => i.name === name));

  it('are made at every open where missing (a store migrated before them gets them)', async () => {
    await (await PgDatabase.open(schema.url)).close();
    expect(await present()).toEqual(['message_keys_row_id']);
    await schema.query('DROP INDEX message_keys_row_id');
    await (await PgDatabase.open(schema.url, { mustExist: true })).close();
    expect(await present()).toEqual(['message_keys_row_id']);
  });

  it('answer earliestTimeAfter from the keys stored since, through the row_id index, before any ANALYZE', async () => {
    // Keys only: earliestTimeAfter reads message_keys and the row-id sequence, nothing else.
    await schema.query(
      `INSERT INTO message_keys (source, source_id, time, row_id)
       SELECT 'bench', i::text, 1000000 - i, nextval('messages_row_id') FROM generate_series(1, 20000) i`,
    );
    const store = await PgStore.open(schema.url, { mustExist: true });
    try {
      expect(await store.earliestTimeAfter(19_990)).toBe(1_000_000 - 20_000);
      expect(await store.earliestTimeAfter(0)).toBe(1_000_000 - 20_000);
      expect(await store.earliestTimeAfter(20_000)).toBeNull();
      const plan = await store.db.read(`EXPLAIN (FORMAT JSON) ${EARLIEST_TIME_AFTER}`, [19_990]);
      expect(JSON.stringify(plan.rows)).toContain('"Index Name":"message_keys_row_id"');
    } finally {
      await store.close();
    }
  });
});
