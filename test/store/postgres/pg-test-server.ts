import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the store tests run against (127.0.0.1:5432, user postgres, trust, database
 * `test`; QINGQUN_TEST_PG overrides it). Each test file works in its own schema (`?schema=` on the
 * URL), dropped afterwards, so files running in parallel never see each other's rows.
 *
 * Without a reachable server the PostgreSQL tests are skipped with one plain line; with CI=true an
 * unreachable server fails the run instead (CI must run them).
 */
export const PG_BASE = process.env.QINGQUN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probe(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_BASE, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`CI=true and PostgreSQL at ${PG_BASE} is not reachable: ${(error as Error).message}`);
    }
    console.log(`PostgreSQL not reachable at ${PG_BASE}: the PostgreSQL half of the store tests was not run`);
    return false;
  }
}

export const pgReachable: boolean = await probe();

export interface TestSchema {
  name: string;
  /** A --db URL naming the schema. */
  url: string;
  /** Plain SQL in the schema, for checks. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A fresh, uniquely named schema (not created yet: qingqun creates it on first write). */
export function testSchema(prefix = 't'): TestSchema {
  const name = `qq_${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = `${PG_BASE}?schema=${name}`;
  const run = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: PG_BASE });
    await client.connect();
    try {
      await client.query(`SET search_path TO "${name}"`);
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    name,
    url,
    query: run,
    drop: async () => {
      await run(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    },
  };
}
