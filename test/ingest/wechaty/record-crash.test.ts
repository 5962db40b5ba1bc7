import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/ingest/simulate/create-simulation.js';
import type { PlayResult } from '../../../src/ingest/wechaty/play-simulation.js';

/**
 * SIGKILL while the bot records a simulated week through the mock puppet, then the same play again
 * (a restarted bot whose puppet replays what it had). docs/RELIABILITY.md ("Crash tests").
 */
const CHILD = join(import.meta.dirname, 'record-child.ts');
const SEED = 31;

interface Run {
  signal: NodeJS.Signals | null;
  stored: string[];
  done: { played: PlayResult } | undefined;
}

function runRecorder(db: string, killAfter?: number): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, String(SEED)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const run: Run = { signal: null, stored: [], done: undefined };
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const record = JSON.parse(line);
      if (typeof record.stored === 'string') {
        run.stored.push(record.stored);
        if (killAfter !== undefined && run.stored.length >= killAfter) child.kill('SIGKILL');
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

describe('SIGKILL during live recording', () => {
  it('keeps every acknowledged message in a sound database; a restarted bot records the rest once', async () => {
    const expected = [...createSimulation({ seed: SEED, weeks: 1 }).records()]
      .filter((r) => r.kind === 'message')
      .map((r) => r.id);
    const db = join(mkdtempSync(join(tmpdir(), 'qingqun-record-crash-')), 'bot.sqlite');
    const killed = await runRecorder(db, Math.floor(expected.length / 3));
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.done).toBeUndefined();

    const raw = new Database(db);
    let afterCrash: string[];
    try {
      expect(raw.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
      expect(raw.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      afterCrash = raw.prepare('SELECT source_id FROM messages').pluck().all() as string[];
      const stored = new Set(afterCrash);
      expect(killed.stored.filter((id) => !stored.has(id))).toEqual([]);
      expect(afterCrash.length).toBeLessThan(expected.length);
      expect(afterCrash.every((id) => expected.includes(id))).toBe(true);
      // No half-written rows: each message came with its group and sender in one transaction.
      const orphans = raw
        .prepare(
          `SELECT COUNT(*) FROM messages m LEFT JOIN groups g ON g.id = m.group_id
           LEFT JOIN contacts c ON c.id = m.sender_id WHERE g.id IS NULL OR c.id IS NULL`,
        )
        .pluck()
        .get();
      expect(orphans).toBe(0);
    } finally {
      raw.close();
    }

    const again = await runRecorder(db);
    expect(again.signal).toBeNull();
    expect(again.done?.played).toMatchObject({
      messages: expected.length,
      inserted: expected.length - afterCrash.length,
      duplicate: afterCrash.length,
      conflict: 0,
      failed: 0,
      missing: 0,
    });
    const final = new Database(db, { readonly: true });
    try {
      expect(final.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
      const ids = final.prepare('SELECT source_id FROM messages').pluck().all() as string[];
      expect(ids.sort()).toEqual([...expected].sort());
    } finally {
      final.close();
    }
  }, 300_000);
});
