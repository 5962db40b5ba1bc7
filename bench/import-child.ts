/**
 * Child process of the import benchmark: what `qingqun import FILE` does (importArchive →
 * importJsonl: detection, JSON parsing, validation, the storage policy's classification and
 * fingerprints, SQLite writes) into DB, a fresh SQLite path, with the default configuration; one JSON line on stdout with the time and this process's peak RSS.
 *
 *   node --import tsx bench/import-child.ts FILE DB
 */
import { readFileSync } from 'node:fs';
import { configSchema } from '../src/config/schema.js';
import { importArchive } from '../src/ingest/archive/import-archive.js';
import { createStoragePolicy } from '../src/privacy/storage-policy.js';
import { Store } from '../src/store/store.js';
import { peakRssMb } from './run-child.js';
import { startTiming, type Timing } from './timed.js';

export interface ImportChildResult extends Timing {
  messages: number;
  maxRssMb: number;
  /**
   * Bytes this process read and wrote through system calls (Linux `/proc/self/io` rchar, wchar):
   * the input file once, then SQLite's page reads that missed its cache and its WAL and checkpoint
   * writes. Absent where /proc is not there.
   */
  readMb?: number;
  writtenMb?: number;
}

function ioMb(): { readMb: number; writtenMb: number } | Record<string, never> {
  try {
    const io = readFileSync('/proc/self/io', 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1] ?? Number.NaN);
    const readMb = field('rchar') / 2 ** 20;
    const writtenMb = field('wchar') / 2 ** 20;
    return Number.isFinite(readMb) && Number.isFinite(writtenMb) ? { readMb, writtenMb } : {};
  } catch {
    return {};
  }
}

const [file, db] = process.argv.slice(2);
if (!file || !db) throw new Error('usage: import-child.ts FILE DB');
const config = configSchema.parse({});
const stop = startTiming();
const messages = await importIntoSqlite(file, db);
const result: ImportChildResult = { messages, ...stop(), maxRssMb: peakRssMb(), ...ioMb() };
process.stdout.write(`${JSON.stringify(result)}\n`);

async function importIntoSqlite(path: string, dbPath: string): Promise<number> {
  // As src/cli/commands/import-command.ts wires it, with the default configuration.
  const store = new Store(dbPath, { policy: createStoragePolicy(config, { bulk: true }) });
  let problems = 0;
  try {
    const summary = await importArchive(store, [path], {
      timezone: config.timezone,
      org: config.org,
      onProblem: () => problems++,
    });
    if (problems > 0) throw new Error(`bench: importing ${path} met ${problems} problems`);
    return summary.messages.imported;
  } finally {
    store.close();
  }
}
