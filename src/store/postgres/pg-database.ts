import pg from 'pg';
import { type DbTarget, parseDbTarget } from '../../config/db-target.js';
import { StoreError } from '../store-error.js';
import { PG_MIGRATIONS } from './pg-migrations.js';

type PgTarget = Extract<DbTarget, { engine: 'postgres' }>;

/** bigint (oid 20) as a JavaScript number: every bigint here is epoch ms, a size or a row id, all < 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface PgOpenOptions {
  /** Refuse a schema where nothing was ever migrated (every command that only reads or amends). */
  mustExist?: boolean;
}

/**
 * One PostgreSQL connection in the qingqun schema named by the URL (`?schema=`), migrated to
 * PG_MIGRATIONS. The schema is created when missing unless `mustExist`. Migrations run each in their
 * own transaction under an advisory lock, so two processes opening a new schema do not both migrate.
 */
export class PgDatabase {
  private constructor(
    readonly client: pg.Client,
    readonly target: PgTarget,
  ) {}

  /** What messages name the database by: the URL without password, and the schema. */
  get label(): string {
    return `${this.target.display}${this.target.display.includes('schema=') ? '' : ` (schema ${this.target.schema})`}`;
  }

  static async open(url: string, options: PgOpenOptions = {}): Promise<PgDatabase> {
    const target = parseDbTarget(url);
    if (target.engine !== 'postgres') throw new Error(`not a PostgreSQL URL: ${url}`);
    const client = new pg.Client({ connectionString: target.url, types: TYPES });
    const label = target.display;
    try {
      await client.connect();
    } catch (error) {
      throw new StoreError(`cannot connect: ${(error as Error).message}`, label, { cause: error });
    }
    const db = new PgDatabase(client, target);
    try {
      await db.prepareSchema(options);
    } catch (error) {
      await client.end().catch(() => {});
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot open: ${(error as Error).message}`, label, { cause: error });
    }
    return db;
  }

  private async prepareSchema(options: PgOpenOptions): Promise<void> {
    const { schema, display } = this.target;
    const quoted = `"${schema}"`;
    const exists = await this.client.query(
      `SELECT to_regclass($1) IS NOT NULL AS versioned,
              EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $2) AS present`,
      [`${quoted}.qingqun_schema`, schema],
    );
    const { versioned, present } = exists.rows[0] as { versioned: boolean; present: boolean };
    if (!versioned && options.mustExist) {
      throw new StoreError('an empty database: nothing recorded or imported yet', display, {
        problem: 'empty',
      });
    }
    if (!present) await this.client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await this.client.query(`SET search_path TO ${quoted}`);
    await this.migrate();
  }

  private async migrate(): Promise<void> {
    const c = this.client;
    await c.query('BEGIN');
    try {
      // One migrating process per schema at a time (the lock is released at COMMIT/ROLLBACK).
      await c.query('SELECT pg_advisory_xact_lock(hashtext(current_schema()))');
      await c.query('CREATE TABLE IF NOT EXISTS qingqun_schema (version INTEGER NOT NULL)');
      const found = await c.query('SELECT version FROM qingqun_schema');
      let version = (found.rows[0]?.version as number | undefined) ?? 0;
      if (found.rowCount === 0) await c.query('INSERT INTO qingqun_schema (version) VALUES (0)');
      if (version > PG_MIGRATIONS.length) {
        throw new StoreError(
          `database schema version ${version} is newer than this qingqun (${PG_MIGRATIONS.length}); upgrade qingqun`,
          this.target.display,
          { problem: 'newerSchema' },
        );
      }
      for (; version < PG_MIGRATIONS.length; version++) {
        await c.query(PG_MIGRATIONS[version] as string);
        await c.query('UPDATE qingqun_schema SET version = $1', [version + 1]);
      }
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    return this.client.query<R>(sql, params);
  }

  /** Runs `fn` in one transaction (no nesting). */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      const result = await fn();
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
