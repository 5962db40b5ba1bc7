import type { Statement } from 'better-sqlite3';
import type { Db } from './open-database.js';

/**
 * The prepared statements of one connection, each prepared on first use and kept for the
 * connection's life: every table module of the store asks here instead of keeping its own cache.
 * Preparing costs ~10–50 µs a statement; a recorder writing one message at a time or a dashboard
 * answering requests would pay it on every call. A statement is keyed by its SQL text and its mode
 * (`pluck` returns the first column, `raw` arrays): better-sqlite3's modes change the statement itself.
 *
 * Not for statements that are iterated (`.iterate()`): one still open keeps its statement busy, and a
 * second iteration of the same cached statement would fail. Those are prepared per call.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  /** The statement for `sql`, returning row objects. */
  get(sql: string): Statement {
    return this.cached(`o${sql}`, () => this.db.prepare(sql));
  }

  /** The statement for `sql`, returning each row's first column. */
  pluck(sql: string): Statement {
    return this.cached(`p${sql}`, () => this.db.prepare(sql).pluck());
  }

  /** The statement for `sql`, returning each row as an array. */
  raw(sql: string): Statement {
    return this.cached(`r${sql}`, () => this.db.prepare(sql).raw());
  }

  private cached(key: string, prepare: () => Statement): Statement {
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = prepare();
      this.statements.set(key, statement);
    }
    return statement;
  }
}
