import { afterEach, describe, expect, it } from 'vitest';
import { ImportAbortedError } from '../../../src/ingest/jsonl/import-aborted-error.js';
import { importJsonl } from '../../../src/ingest/jsonl/import-jsonl.js';
import type { MessageInput } from '../../../src/model/message.js';
import type { InsertOutcome } from '../../../src/store/messages.js';
import { Store } from '../../../src/store/store.js';
import { tempStorePath } from '../../fixtures/temp-store.js';
import { groupLine, messageLine, NOW, tempDir, writeJsonl } from './interchange-lines.js';
import { dumpStore } from './store-dump.js';

/** A store whose disk "fails" when one message is written. */
class FailingStore extends Store {
  constructor(
    path: string,
    private readonly failOn: string,
  ) {
    super(path);
    // messages.insert goes through messages.insertMany too.
    const messages = this.messages;
    const insertMany = messages.insertMany.bind(messages);
    messages.insertMany = (batch: readonly MessageInput[]): InsertOutcome[] => {
      if (batch.some((m) => m.id === this.failOn))
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      return insertMany(batch);
    };
  }
}

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function keep<T extends Store>(store: T): T {
  stores.push(store);
  return store;
}

const lines = [groupLine(), ...Array.from({ length: 8 }, (_, i) => messageLine({ id: `m-${i + 1}` }))];

function storedIds(store: Store): string[] {
  return (
    store.db.prepare('SELECT source_id FROM messages ORDER BY row_id').pluck().all() as string[]
  ).sort();
}

describe('ImportBatch (through importJsonl)', () => {
  it('reports a row the database refuses and stores the rest of its batch', async () => {
    const store = keep(new Store(tempStorePath()));
    store.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON messages WHEN NEW.source_id = 'm-3'
                   BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const problems: string[] = [];
    const file = writeJsonl(tempDir(), 'a.jsonl', lines);
    const summary = await importJsonl(store, [file], {
      now: NOW,
      onProblem: (p) => problems.push(String(p)),
    });
    expect(problems).toEqual([`${file}:4: line: refused by the database (SQLITE_CONSTRAINT_TRIGGER)`]);
    expect(summary.messages).toEqual({ imported: 7, updated: 0, duplicate: 0, rejected: 1 });
    expect(summary.groups.imported).toBe(1);
    expect(storedIds(store)).toEqual(['m-1', 'm-2', 'm-4', 'm-5', 'm-6', 'm-7', 'm-8']);
    // The import widens SQLite's automatic checkpoint and page cache only while it runs.
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(store.db.pragma('cache_size', { simple: true })).toBe(-65536);
  });

  it('stops on a database failure with nothing half-written, and a re-run finishes the job', async () => {
    const path = tempStorePath();
    const file = writeJsonl(tempDir(), 'a.jsonl', lines);
    const failing = keep(new FailingStore(path, 'm-5'));
    const error = await importJsonl(failing, [file], { now: NOW, batchSize: 4 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportAbortedError);
    const aborted = error as ImportAbortedError;
    expect(aborted.line).toBe(6);
    expect(aborted.message).toContain(`${file}:6: cannot write to the database (disk I/O error)`);
    expect(aborted.summary.messages.imported).toBe(4);
    // The first batch (group, m-1..m-3) committed; of the failed batch, the rows before m-5 one by one.
    expect(storedIds(failing)).toEqual(['m-1', 'm-2', 'm-3', 'm-4']);
    failing.close();

    const store = keep(new Store(path));
    const again = await importJsonl(store, [file], { now: NOW, batchSize: 4 });
    expect(again.messages).toEqual({ imported: 4, updated: 0, duplicate: 4, rejected: 0 });
    const clean = keep(new Store(tempStorePath()));
    await importJsonl(clean, [file], { now: NOW });
    expect(dumpStore(store)).toEqual(dumpStore(clean));
  });
});
