/**
 * A shipper killed mid-round loses nothing and doubles nothing (issue 18, item 3): the real CLI
 * ships a large spool in small batches, is SIGKILLed once its first batch is committed, and is run
 * again to the end; the central store then holds each row of the spool exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../../../src/ingest/jsonl/import-jsonl.js';
import { writeSimulation } from '../../../src/ingest/simulate/write-simulation.js';
import { Store } from '../../../src/store/store.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { PG_BASE, pgReachable, type TestSchema, testSchema } from './pg-test-server.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function ship(db: string, url: string): ChildProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('QINGQUN_')));
  return spawn(
    process.execPath,
    // Small batches, so that the kill lands with many still to come.
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'ship',
      '--db',
      db,
      '--to',
      url,
      '--account',
      'host-1',
      '--batch-size',
      '500',
    ],
    { cwd: ROOT, env: { ...clean, QINGQUN_LOG_LEVEL: 'warn', QINGQUN_LOCALE: 'en' }, stdio: 'pipe' },
  );
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null; out: string }> {
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

describe.skipIf(!pgReachable)('a shipper killed mid-batch', () => {
  let schema: TestSchema;
  let central: pg.Client;
  let spoolPath: string;
  let spool: Store;

  beforeAll(async () => {
    schema = testSchema('shipkill');
    // Plain connection: the schema appears only once the shipper has opened it.
    central = new pg.Client({ connectionString: PG_BASE });
    await central.connect();
    await central.query(`SET search_path TO "${schema.name}"`);
    const dir = tempDir('qingqun-ship-crash-');
    await writeSimulation(
      { seed: 3, groups: 20, weeks: 1, messagesPerWeek: 30_000 },
      join(dir, 'town.jsonl'),
    );
    spoolPath = join(dir, 'spool.sqlite');
    spool = new Store(spoolPath);
    await importJsonl(spool, [join(dir, 'town.jsonl')], { now: Date.parse('2026-11-20T00:00:00Z') });
    spool.close();
    spool = new Store(spoolPath, { readonly: true });
  });

  afterAll(async () => {
    await central?.end();
    spool?.close();
    await schema?.drop();
  });

  it('resumes from the last committed batch: every row once', async () => {
    const url = schema.url;
    const total = spool.db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number;
    expect(total).toBeGreaterThan(20_000);

    const first = ship(spoolPath, url);
    const firstExit = exited(first);
    // Wait for the first committed batch of messages (its cursor row), then kill at once.
    let committed = 0;
    for (let tries = 0; tries < 6000 && committed === 0; tries++) {
      const r = await central
        .query("SELECT last_id FROM ship_cursors WHERE source_table = 'messages'")
        .catch(() => ({ rows: [] as { last_id: string }[] }));
      committed = Number(r.rows[0]?.last_id ?? 0);
      if (committed === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.kill('SIGKILL');
    const killed = await firstExit;
    expect(killed.signal).toBe('SIGKILL');
    expect(committed).toBeGreaterThan(0);
    const afterKill = await central.query('SELECT COUNT(*) AS n FROM messages');
    // Killed before the end: the rest is still to ship.
    expect(Number(afterKill.rows[0].n)).toBeLessThan(total);

    const second = await exited(ship(spoolPath, url));
    expect(second.code, second.out).toBe(0);

    const counts = await central.query(`SELECT
      (SELECT COUNT(*) FROM messages) AS messages,
      (SELECT COUNT(DISTINCT (source, source_id)) FROM messages) AS keys,
      (SELECT COUNT(*) FROM membership_snapshots) AS snapshots,
      (SELECT COUNT(*) FROM snapshot_members) AS members`);
    const local = spool.db
      .prepare(`SELECT (SELECT COUNT(*) FROM messages) AS messages,
        (SELECT COUNT(*) FROM membership_snapshots) AS snapshots,
        (SELECT COUNT(*) FROM snapshot_members) AS members`)
      .get() as { messages: number; snapshots: number; members: number };
    expect(Object.fromEntries(Object.entries(counts.rows[0]).map(([k, v]) => [k, Number(v)]))).toEqual({
      messages: total,
      keys: total,
      snapshots: local.snapshots,
      members: local.members,
    });
    // The same keys, not only as many.
    const centralKeys = (await central.query('SELECT source_id FROM messages')).rows
      .map((r) => r.source_id as string)
      .sort();
    const localKeys = (spool.db.prepare('SELECT source_id FROM messages').pluck().all() as string[]).sort();
    expect(centralKeys).toEqual(localKeys);
  });
});
