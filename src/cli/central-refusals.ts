import { isPostgresUrl, parseDbTarget, redactDbUrl } from '../config/db-target.js';
import { usageError } from './cli-error.js';

/**
 * The commands that have no meaning on the central PostgreSQL store (issue 18) refuse a postgres://
 * --db before anything else with one line saying what to do instead (exit 2, nothing touched):
 * - 'recorder' (start, run, serve-webhook): they record into a local SQLite spool, which ships;
 * - 'backup': a SQLite file copy; PostgreSQL has pg_dump.
 */
export function refuseCentralDb(db: string, kind: 'recorder' | 'backup', command: string): void {
  if (!isPostgresUrl(db)) return;
  const shown = redactDbUrl(db);
  if (kind === 'recorder') throw usageError('pgRecorder', { command, db: shown });
  const target = parseDbTarget(db);
  throw usageError('pgBackup', { db: shown, schema: target.engine === 'postgres' ? target.schema : '' });
}
