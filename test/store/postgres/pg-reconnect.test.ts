import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PG_APPLICATION_NAME, PgDatabase } from '../../../src/store/postgres/pg-database.js';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import { memoryLogger } from '../../fixtures/memory-logger.js';
import { PG_BASE, pgReachable, testSchema } from './pg-test-server.js';

const LOST = 'PostgreSQL connection lost; the next statement reconnects';

/**
 * A lost connection (pg_terminate_backend, as a server restart or an idle timeout would) is replaced
 * at the next statement; a read that was running on it runs once more on the new one, a write or a
 * transaction never does. Each statement is made to wait on a table lock held by another session, so
 * the connection is ended while the statement is surely in flight (no timing involved).
 */
describe.skipIf(!pgReachable)('PgDatabase after its connection is lost', () => {
  const schema = testSchema('reconnect');
  let other: pg.Client;

  beforeAll(async () => {
    const db = await PgDatabase.open(schema.url);
    await db.query('CREATE TABLE probe (n INTEGER)');
    await db.close();
    other = new pg.Client({ connectionString: PG_BASE });
    await other.connect();
    await other.query(`SET search_path TO "${schema.name}"`);
  });

  // A failed test must not leave its lock to the next.
  afterEach(async () => {
    await other.query('ROLLBACK');
  });

  afterAll(async () => {
    await other?.end();
    await schema.drop();
  });

  const pidOf = async (db: PgDatabase) =>
    (await db.read<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid as number;

  /** Holds an exclusive lock on `table` until the returned function is called. */
  async function lock(table: string): Promise<() => Promise<void>> {
    await other.query('BEGIN');
    await other.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    return async () => {
      await other.query('COMMIT');
    };
  }

  /** The qingqun session waiting on the lock `other` holds, once there is one. */
  async function waiting(): Promise<number> {
    for (;;) {
      // `other` is inside the transaction holding the lock, where pg_stat_activity is read once.
      await other.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await other.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE application_name = $1 AND pg_blocking_pids(pid) @> ARRAY[pg_backend_pid()]`,
        [PG_APPLICATION_NAME],
      );
      if (rows.length === 1) return rows[0]?.pid as number;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * Waits until `pid` waits on the lock, then ends it as an operator would (by qingqun's name),
   * waiting until it is gone.
   */
  async function endWhenWaiting(pid: number): Promise<void> {
    expect(await waiting()).toBe(pid);
    const { rows } = await other.query(
      `SELECT pg_terminate_backend(pid, 10000) AS ok FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = $1 AND pid = $2`,
      [PG_APPLICATION_NAME, pid],
    );
    expect(rows).toEqual([{ ok: true }]);
  }

  it('runs a read that was in flight once more on a fresh connection, and logs one line', async () => {
    const log = memoryLogger();
    const db = await PgDatabase.open(schema.url, { log });
    try {
      const first = await pidOf(db);
      const release = await lock('probe');
      const reading = db.read<{ n: number; pid: number }>(
        'SELECT COUNT(*)::int AS n, pg_backend_pid() AS pid FROM probe',
      );
      await endWhenWaiting(first);
      // The retry waits on the same lock: let it through once the new connection is at it.
      const second = await waiting();
      expect(second).not.toBe(first);
      await release();
      const { rows } = await reading;
      expect(rows).toEqual([{ n: 0, pid: second }]);
      expect(log.entries.map((e) => [e.level, e.msg, e.data.code])).toEqual([['warn', LOST, '57P01']]);
    } finally {
      await db.close();
    }
  });

  it('never runs a write again: it fails, and the next statement works on a fresh connection', async () => {
    const db = await PgDatabase.open(schema.url);
    try {
      const first = await pidOf(db);
      const release = await lock('probe');
      const writing = db.query('INSERT INTO probe (n) VALUES (1)');
      const failed = writing.then(
        () => null,
        (error: { code?: string }) => error.code,
      );
      await endWhenWaiting(first);
      expect(await failed).toBe('57P01');
      await release();
      expect((await db.query('SELECT COUNT(*)::int AS n FROM probe')).rows).toEqual([{ n: 0 }]);
      expect(await pidOf(db)).not.toBe(first);
    } finally {
      await db.close();
    }
  });

  it('never moves a transaction: it fails whole, and the next one works', async () => {
    const db = await PgDatabase.open(schema.url);
    try {
      const first = await pidOf(db);
      const outcome = db
        .transaction(async () => {
          await db.query('INSERT INTO probe (n) VALUES (2)');
          await other.query('SELECT pg_terminate_backend($1, 10000)', [first]);
          await db.read('SELECT COUNT(*) FROM probe');
          await db.query('INSERT INTO probe (n) VALUES (3)');
        })
        .then(
          () => 'committed',
          () => 'failed',
        );
      expect(await outcome).toBe('failed');
      await db.transaction(async () => {
        await db.query('INSERT INTO probe (n) VALUES (4)');
      });
      expect((await db.read('SELECT n FROM probe ORDER BY n')).rows).toEqual([{ n: 4 }]);
      await db.query('DELETE FROM probe');
    } finally {
      await db.close();
    }
  });

  it("starts a week's stream again when the connection is lost before its first row", async () => {
    const store = await PgStore.open(schema.url, { mustExist: true });
    try {
      const first = await pidOf(store.db);
      const release = await lock('messages');
      const reading = store.readMessageTimes(0, Number.MAX_SAFE_INTEGER);
      await endWhenWaiting(first);
      const second = await waiting();
      expect(second).not.toBe(first);
      await release();
      expect((await reading).times.length).toBe(0);
      expect(await pidOf(store.db)).toBe(second);
    } finally {
      await store.close();
    }
  });
});
