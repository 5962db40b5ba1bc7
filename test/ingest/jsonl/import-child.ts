/**
 * Child process for the SIGKILL test of the JSON Lines import: imports FILE into DB and prints one
 * JSON line per committed transaction with the number of messages then stored — what the import has
 * acknowledged — and a summary line at the end.
 *   node --import tsx test/ingest/jsonl/import-child.ts DB FILE
 */
import { importJsonl } from '../../../src/ingest/jsonl/import-jsonl.js';
import { Store } from '../../../src/store/store.js';

const [dbPath, file] = process.argv.slice(2) as [string, string];
const store = new Store(dbPath);
const count = store.db.prepare('SELECT COUNT(*) FROM messages').pluck();
const transaction = store.transaction.bind(store);
store.transaction = <T>(fn: () => T): T => {
  const outer = !store.db.inTransaction;
  const result = transaction(fn);
  // better-sqlite3 has committed when the outermost transaction function returns.
  if (outer) process.stdout.write(`${JSON.stringify({ committed: count.get() })}\n`);
  return result;
};
const summary = await importJsonl(store, [file], { batchSize: 2000 });
process.stdout.write(`${JSON.stringify({ done: true, messages: summary.messages })}\n`);
store.close();
