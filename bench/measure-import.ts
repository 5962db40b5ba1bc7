import { rmSync } from 'node:fs';
import type { ImportChildResult } from './import-child.js';
import { plainInsert } from './plain-insert.js';
import { runChild } from './run-child.js';
import type { Timing } from './timed.js';
import type { Workload } from './write-workload.js';

export interface ImportMeasurement {
  messages: number;
  /** `qingqun import`'s engine (importArchive → importJsonl) into a fresh database, in a child process. */
  importer: Timing;
  importRate: number;
  /** The importing child's peak RSS. */
  maxRssMb: number;
  /** The same stored rows, inserted plainly into a fresh database of the same schema. */
  plain: Timing;
  plainRate: number;
  /** importRate / plainRate. */
  ratio: number;
}

/** A PostgreSQL import: no plain-insert reference (COPY is the importer's own path). */
export type PostgresImportMeasurement = Pick<
  ImportMeasurement,
  'messages' | 'importer' | 'importRate' | 'maxRssMb'
>;

/** Removes a SQLite database with its WAL and shared-memory files. */
export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** Imports the workload into the fresh SQLite database `db` in a child process. */
export async function importInChild(workload: Workload, db: string): Promise<PostgresImportMeasurement> {
  const child = await runChild<ImportChildResult>('./import-child.ts', [workload.path, db]);
  if (child.messages === 0) throw new Error(`bench: importing ${workload.path} stored no messages`);
  const { messages, seconds, cpuSeconds, maxRssMb } = child;
  return { messages, importer: { seconds, cpuSeconds }, importRate: messages / seconds, maxRssMb };
}

/**
 * Imports the workload the way `qingqun import FILE` does (bench/import-child.ts, in its own process
 * for its peak RSS), then measures the plain-insert limit on the rows it stored. Leaves the imported
 * database at `dbPath`.
 */
export async function measureImport(workload: Workload, dbPath: string): Promise<ImportMeasurement> {
  removeDatabase(dbPath);
  const imported = await importInChild(workload, dbPath);
  const plainPath = `${dbPath}.plain`;
  const plain = plainInsert(dbPath, plainPath);
  removeDatabase(plainPath);
  const plainRate = plain.rows / plain.timing.seconds;
  return { ...imported, plain: plain.timing, plainRate, ratio: imported.importRate / plainRate };
}
