/**
 * The PostgreSQL rows of the benchmark, each one small function over the user-facing command (issue 18
 * fixes those: `qingqun import FILE --db postgres://…`, `qingqun report --db postgres://…`,
 * `qingqun ship --db SPOOL --to URL`), run as a child with the peak-RSS preload. Going through the CLI
 * keeps this file independent of the store contract's internals; the SQLite side of every comparison
 * is measured through the same command (bench/run-benchmarks.ts).
 *
 * The engine is optional: `npm run bench -- --pg URL` (URL of a server and a user that may create
 * databases; each measurement gets a fresh database named after it). Before the PostgreSQL store is
 * built, `postgresUnavailable` says why and the import and report rows are left out, not failed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { PostgresImportMeasurement } from './measure-import.js';
import { type CliRun, runCli } from './run-child.js';
import type { Workload } from './write-workload.js';

export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//.test(db);

/** Why the PostgreSQL server at `url` cannot be used, or null when it answers. */
export async function serverUnavailable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `cannot reach ${url}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Why `qingqun --db postgres://…` cannot be measured on this checkout, or null when it can:
 * `qingqun import` of the first lines of `workload` into an empty database must succeed without
 * leaving a file behind (before the PostgreSQL store, a postgres:// value was taken for a relative
 * SQLite path).
 */
export async function cliUnavailable(url: string, workload: Workload): Promise<string | null> {
  const cwd = mkdtempSync(join(tmpdir(), 'qingqun-bench-probe-'));
  const files = mkdtempSync(join(tmpdir(), 'qingqun-bench-probe-file-'));
  try {
    const probeFile = join(files, 'probe.jsonl');
    const lines = readFileSync(workload.path, 'utf8').split('\n', 200);
    writeFileSync(probeFile, `${lines.join('\n')}\n`);
    const probe = await freshPostgresDatabase(url, `qingqun_bench_${process.pid}_probe`);
    await runCli(['import', probeFile, '--db', probe], {}, cwd);
    if (readdirSync(cwd).length > 0)
      return '`qingqun --db postgres://…` opened a SQLite file: no PostgreSQL store here';
    return null;
  } catch (error) {
    return `\`qingqun import --db postgres://…\` failed: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
    await dropPostgresDatabases(url, [`qingqun_bench_${process.pid}_probe`]);
  }
}

/** Drops and creates database `name` on the server of `url`; returns the URL of the new database. */
export async function freshPostgresDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}

/** Drops the databases `freshPostgresDatabase` made (what the run leaves behind on the server). */
export async function dropPostgresDatabases(url: string, names: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** `qingqun import FILE --db URL` (COPY into the week's partition) into an empty database. */
export async function importIntoPostgres(
  workload: Workload,
  url: string,
): Promise<PostgresImportMeasurement> {
  const run = await runCli(['import', workload.path, '--db', url]);
  return {
    messages: workload.messages,
    importer: { seconds: run.seconds, cpuSeconds: run.cpuSeconds },
    importRate: workload.messages / run.seconds,
    maxRssMb: run.maxRssMb,
  };
}

/** `qingqun report --week W --format json --db DB`, end to end; DB is a SQLite path or a postgres:// URL. */
export function reportWeek(db: string, week: string): Promise<CliRun> {
  return runCli(['report', '--week', week, '--format', 'json', '--db', db]);
}

/**
 * `qingqun ship --db SPOOL --to URL --account bench`: one round, every row of the spool into the
 * empty database at `url` (migrated and given the shipping tables first, as a first ship does).
 */
export function shipSpool(spool: string, url: string): Promise<CliRun> {
  return runCli(['ship', '--db', spool, '--to', url, '--account', 'bench']);
}
