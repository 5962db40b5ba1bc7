/**
 * A private PostgreSQL schema per test file, dropped afterwards, on the test server (127.0.0.1:5432,
 * user postgres; QINGQUN_TEST_PG overrides). Without a server the tests are skipped with one plain
 * line, except under CI=true, where they fail: CI must run them.
 */
import pg from 'pg';

export const PG_BASE = process.env.QINGQUN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_BASE, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is required under CI=true: ${String(error)}`);
    console.log(`PostgreSQL not reachable at ${PG_BASE}: the shipping tests were not run`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A URL whose connections use `schema` (created here) as their search path. */
export function schemaUrl(schema: string): string {
  return `${PG_BASE}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

export async function createSchema(prefix: string): Promise<string> {
  const schema = `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: PG_BASE });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  return schema;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_BASE });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
