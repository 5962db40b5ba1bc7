import { rmSync } from 'node:fs';
import { configSchema } from '../src/config/schema.js';
import { importArchive } from '../src/ingest/archive/import-archive.js';
import { createStoragePolicy } from '../src/privacy/storage-policy.js';
import { Store } from '../src/store/store.js';
import { plainInsert } from './plain-insert.js';
import { type Timing, timed } from './timed.js';
import type { Workload } from './write-workload.js';

export interface ImportMeasurement {
  messages: number;
  /** `qingqun import`'s engine (importArchive → importJsonl) into a fresh database. */
  importer: Timing;
  importRate: number;
  /** The same stored rows, inserted plainly into a fresh database of the same schema. */
  plain: Timing;
  plainRate: number;
  /** importRate / plainRate. */
  ratio: number;
}

/** Removes a SQLite database with its WAL and shared-memory files. */
export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/**
 * Imports the workload the way `qingqun import FILE` does (detection, JSON parsing, validation,
 * the storage policy's classification and fingerprints, SQLite writes; default configuration), then
 * measures the plain-insert limit on the rows it stored. Leaves the imported database at `dbPath`.
 */
export async function measureImport(workload: Workload, dbPath: string): Promise<ImportMeasurement> {
  removeDatabase(dbPath);
  // As src/cli/commands/import-command.ts wires it, with the default configuration.
  const config = configSchema.parse({});
  const store = new Store(dbPath, { policy: createStoragePolicy(config, { bulk: true }) });
  let messages = 0;
  let problems = 0;
  try {
    const { timing } = await timed(async () => {
      const summary = await importArchive(store, [workload.path], {
        timezone: config.timezone,
        org: config.org,
        onProblem: () => problems++,
      });
      messages = summary.messages.imported;
    });
    if (problems > 0 || messages === 0) {
      throw new Error(`bench: importing ${workload.path} stored ${messages} messages, ${problems} problems`);
    }
    const plainPath = `${dbPath}.plain`;
    const plain = plainInsert(dbPath, plainPath);
    removeDatabase(plainPath);
    const importRate = messages / timing.seconds;
    const plainRate = plain.rows / plain.timing.seconds;
    return {
      messages,
      importer: timing,
      importRate,
      plain: plain.timing,
      plainRate,
      ratio: importRate / plainRate,
    };
  } finally {
    store.close();
  }
}
