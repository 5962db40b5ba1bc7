import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSimulation } from '../../../src/ingest/simulate/write-simulation.js';

/**
 * SIGKILL in the middle of importing a large file (about 200,000 messages), then the same import
 * again. docs/RELIABILITY.md ("Crash tests") states what this proves.
 */
const CHILD = join(import.meta.dirname, 'import-child.ts');
const dir = mkdtempSync(join(tmpdir(), 'qingqun-import-crash-'));
const file = join(dir, 'big.jsonl');
let messageIds: string[] = [];

beforeAll(async () => {
  const written = await writeSimulation({ seed: 23, messagesPerWeek: 50_000 }, file);
  messageIds = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"kind":"message"'))
    .map((l) => (JSON.parse(l) as { id: string }).id);
  expect(messageIds).toHaveLength(written.messages);
  expect(written.messages).toBeGreaterThan(150_000);
}, 120_000);

interface Run {
  signal: NodeJS.Signals | null;
  /** The message counts the child reported as committed, in order. */
  committed: number[];
  done: { messages: { imported: number; duplicate: number; rejected: number } } | undefined;
}

/** Runs the child; with `killAt`, SIGKILLs it as soon as it reports that many messages committed. */
function runImport(db: string, killAt?: number): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const run: Run = { signal: null, committed: [], done: undefined };
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const record = JSON.parse(line);
      if (typeof record.committed === 'number') {
        run.committed.push(record.committed);
        if (killAt !== undefined && record.committed >= killAt) child.kill('SIGKILL');
      } else if (record.done) run.done = record;
    }
  });
  return new Promise((resolve) => {
    child.on('close', (_code, signal) => {
      run.signal = signal;
      resolve(run);
    });
  });
}

describe('SIGKILL during a JSON Lines import', () => {
  it('leaves a sound database holding a prefix of the file, at least what was acknowledged; re-running completes it', async () => {
    const db = join(dir, 'crash.sqlite');
    const killed = await runImport(db, Math.floor(messageIds.length * 0.4));
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.done).toBeUndefined();
    const acknowledged = Math.max(0, ...killed.committed);

    const raw = new Database(db);
    try {
      expect(raw.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
      expect(raw.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      const stored = raw.prepare('SELECT source_id FROM messages ORDER BY row_id').pluck().all() as string[];
      // Nothing acknowledged is lost; nothing beyond the file's order was written.
      expect(stored.length).toBeGreaterThanOrEqual(acknowledged);
      expect(stored.length).toBeLessThan(messageIds.length);
      expect(stored).toEqual(messageIds.slice(0, stored.length));
      // No half-written rows: every message has its group and every column the insert sets.
      const orphans = raw
        .prepare(
          `SELECT COUNT(*) FROM messages m LEFT JOIN groups g ON g.id = m.group_id
           WHERE g.id IS NULL OR m.time IS NULL OR m.type IS NULL OR m.text_length IS NULL
             OR (m.text IS NULL AND m.text_class IS NULL AND m.type IN ('text', 'emoticon') AND m.text_length > 0)`,
        )
        .pluck()
        .get();
      expect(orphans).toBe(0);
    } finally {
      raw.close();
    }

    const again = await runImport(db);
    expect(again.signal).toBeNull();
    expect(again.done?.messages).toMatchObject({ rejected: 0 });
    const { imported = 0, duplicate = 0 } = again.done?.messages ?? {};
    expect(imported + duplicate).toBe(messageIds.length);
    expect(duplicate).toBeGreaterThanOrEqual(acknowledged);

    const final = new Database(db, { readonly: true });
    try {
      expect(final.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
      const stored = final.prepare('SELECT source_id FROM messages ORDER BY row_id').pluck().all();
      expect(stored).toEqual(messageIds);
    } finally {
      final.close();
    }
  }, 300_000);
});
