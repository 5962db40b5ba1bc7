import pg from 'pg';
import { type DbTarget, parseDbTarget } from '../../config/db-target.js';
import type { Logger } from '../../logging/logger.js';
import { StoreError } from '../store-error.js';
import { PG_MIGRATIONS, PG_ONLY_INDEXES } from './pg-migrations.js';

type PgTarget = Extract<DbTarget, { engine: 'postgres' }>;

/** bigint (oid 20) as a JavaScript number: every bigint here is epoch ms, a size or a row id, all < 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface PgOpenOptions {
  /** Refuse a schema where nothing was ever migrated (every command that only reads or amends). */
  mustExist?: boolean;
  /** Where a lost connection is reported (one warning per connection lost); silent without. */
  log?: Logger;
}

/**
 * What qingqun's sessions are called in pg_stat_activity, so operators can tell them apart (and end
 * them). An `application_name` on the URL wins.
 */
export const PG_APPLICATION_NAME = 'qingqun';

/** SQLSTATEs of a session the server ended: admin_shutdown, crash_shutdown, cannot_connect_now. */
const SERVER_ENDED = new Set(['57P01', '57P02', '57P03']);
const SOCKET_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED']);

/**
 * Whether `error` says the connection itself is gone (not that the statement was wrong): the server
 * ended the session (57P0x, class 08), the socket broke, or pg refused to use a client already lost.
 */
export function isConnectionLost(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e === null || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (SERVER_ENDED.has(code) || code.startsWith('08') || SOCKET_ERRORS.has(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return (
    message.startsWith('Connection terminated') ||
    message === 'Client has encountered a connection error and is not queryable' ||
    message === 'Client was closed and is not queryable'
  );
}

/**
 * A PostgreSQL session in the qingqun schema named by the URL (`?schema=`), migrated to
 * PG_MIGRATIONS. The schema is created when missing unless `mustExist`. Migrations run each in their
 * own transaction under an advisory lock, so two processes opening a new schema do not both migrate.
 *
 * One connection at a time, replaced when lost: a long-running reader (`qingqun serve`) outlives a
 * server restart, an idle timeout or pg_terminate_backend. A lost connection is noticed when pg
 * reports it (even while idle) or when a statement fails for it; the next statement opens a fresh one
 * (search_path set again; the schema was migrated at open). Only `read` retries a statement, once,
 * and only outside a transaction: a write that failed with the connection may or may not have been
 * committed, so it is never run again blindly. A transaction keeps its connection throughout and is
 * never moved: if the connection dies inside, the transaction fails and the next call reconnects.
 */
export class PgDatabase {
  private live: pg.Client;
  /** The clients known lost (pg may report one loss twice: the server's message, then the socket's end). */
  private readonly lost = new WeakSet<pg.Client>();
  private reopening: Promise<pg.Client> | null = null;
  /** The transaction's connection while `transaction` runs. */
  private pinned: pg.Client | null = null;
  private closed = false;

  private constructor(
    client: pg.Client,
    readonly target: PgTarget,
    private readonly log: Logger | undefined,
  ) {
    this.live = client;
    this.watch(client);
  }

  /**
   * The connection in use now (a transaction's, else the current one). Callers that need a cursor
   * or COPY take it per statement, never keep it: after a loss it is replaced. Prefer `connection()`,
   * which replaces a lost one first.
   */
  get client(): pg.Client {
    return this.pinned ?? this.live;
  }

  /** What messages name the database by: the URL without password, and the schema. */
  get label(): string {
    return `${this.target.display}${this.target.display.includes('schema=') ? '' : ` (schema ${this.target.schema})`}`;
  }

  static async open(url: string, options: PgOpenOptions = {}): Promise<PgDatabase> {
    const target = parseDbTarget(url);
    if (target.engine !== 'postgres') throw new Error(`not a PostgreSQL URL: ${url}`);
    const label = target.display;
    const client = await PgDatabase.connect(target);
    const db = new PgDatabase(client, target, options.log);
    try {
      await db.prepareSchema(options);
    } catch (error) {
      await db.close().catch(() => {});
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot open: ${(error as Error).message}`, label, { cause: error });
    }
    return db;
  }

  private static async connect(target: PgTarget): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: target.url,
      types: TYPES,
      application_name: PG_APPLICATION_NAME,
    });
    try {
      await client.connect();
    } catch (error) {
      // A client that failed to connect may still emit its error later: nothing is listening then.
      client.on('error', () => {});
      throw new StoreError(`cannot connect: ${(error as Error).message}`, target.display, { cause: error });
    }
    return client;
  }

  /** Marks `client` lost when pg reports so (an unhandled 'error' would end the process). */
  private watch(client: pg.Client): void {
    const lose = (error?: Error) => this.markLost(client, error);
    client.on('error', lose);
    client.on('end', () => {
      if (!this.closed) lose();
    });
  }

  private markLost(client: pg.Client, error?: unknown): void {
    if (this.lost.has(client)) return;
    this.lost.add(client);
    client.end().catch(() => {});
    if (this.closed) return;
    const e = error as { code?: string; message?: string } | undefined;
    this.log?.warn(
      { db: this.label, code: e?.code, reason: e?.message },
      'PostgreSQL connection lost; the next statement reconnects',
    );
  }

  /** The connection to run a statement on: the transaction's, else the current one, replaced if lost. */
  async connection(): Promise<pg.Client> {
    if (this.pinned) return this.pinned;
    if (this.closed) return this.live;
    if (!this.lost.has(this.live)) return this.live;
    if (!this.reopening) {
      const reopening = PgDatabase.connect(this.target).then(async (client) => {
        try {
          await client.query(`SET search_path TO "${this.target.schema}"`);
        } catch (error) {
          client.on('error', () => {});
          await client.end().catch(() => {});
          throw error;
        }
        this.live = client;
        this.watch(client);
        if (this.closed) await client.end().catch(() => {});
        return client;
      });
      this.reopening = reopening;
      reopening.then(
        () => {
          if (this.reopening === reopening) this.reopening = null;
        },
        () => {
          if (this.reopening === reopening) this.reopening = null;
        },
      );
    }
    return this.reopening;
  }

  /**
   * Called by a reader whose statement failed on `client`: true (and the client marked lost) when
   * the failure was the connection's and the statement may be run again on a fresh one (outside a
   * transaction only).
   */
  mayRetryRead(client: pg.Client, error: unknown): boolean {
    if (!isConnectionLost(error)) return false;
    this.markLost(client, error);
    return this.pinned === null && !this.closed;
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
      for (const index of PG_ONLY_INDEXES) {
        const found = await c.query('SELECT to_regclass($1) IS NOT NULL AS present', [index.name]);
        if (!found.rows[0]?.present) await c.query(index.ddl);
      }
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }

  /**
   * A statement that may write: run once. If it failed because the connection was lost, the
   * connection is replaced for the next statement, but this one is not repeated.
   */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    const client = await this.connection();
    try {
      return await client.query<R>(sql, params);
    } catch (error) {
      if (isConnectionLost(error)) this.markLost(client, error);
      throw error;
    }
  }

  /**
   * A statement that only reads: as `query`, but run once more on a fresh connection when the first
   * failed because the connection was lost (outside a transaction).
   */
  async read<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    const client = await this.connection();
    try {
      return await client.query<R>(sql, params);
    } catch (error) {
      if (!this.mayRetryRead(client, error)) throw error;
    }
    return (await this.connection()).query<R>(sql, params);
  }

  /** Runs `fn` in one transaction (no nesting), every statement on the same connection. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const client = await this.connection();
    try {
      await client.query('BEGIN');
    } catch (error) {
      if (isConnectionLost(error)) this.markLost(client, error);
      throw error;
    }
    this.pinned = client;
    try {
      const result = await fn();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isConnectionLost(error)) this.markLost(client, error);
      else await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      this.pinned = null;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.live.end();
  }
}
