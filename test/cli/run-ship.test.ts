/**
 * `qingqun run` with central.url configured ships the spool and pulls the digests queued centrally
 * for its account, on its own (issue 18, item 2), and the health endpoint shows the task.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { queueCentral } from '../../src/store/postgres/central-outbox.js';
import { ensureCentralTables } from '../../src/store/postgres/central-tables.js';
import { PgDatabase } from '../../src/store/postgres/pg-database.js';
import { Store } from '../../src/store/store.js';
import { pgReachable, testSchema } from '../store/postgres/pg-test-server.js';
import { runCli } from './run-cli.js';

const BIN = fileURLToPath(new URL('../../bin/qingqun.js', import.meta.url));

describe.skipIf(!pgReachable)('qingqun run with central.url', () => {
  const schema = testSchema('runship');
  afterAll(() => schema.drop());

  it('ships the spool and pulls its central digests while it runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-run-ship-'));
    const town = join(dir, 'town.jsonl');
    const db = join(dir, 'spool.sqlite');
    expect(runCli(['simulate', '--seed', '4', '--groups', '10', '--weeks', '1', '--out', town]).code).toBe(0);
    expect(runCli(['import', town, '--db', db]).code).toBe(0);
    const central = await PgDatabase.open(schema.url);
    await ensureCentralTables(central.client);
    await queueCentral(
      central.client,
      [
        {
          account: 'run-host',
          dedupeKey: 'digest:2026-W44:owner:u-0001:part:1',
          recipientId: 'u-0001',
          content: { kind: 'text', text: '周报' },
        },
      ],
      Date.now(),
    );
    const config = join(dir, 'local.yaml');
    writeFileSync(
      config,
      [
        'run:',
        '  healthPort: 0',
        'central:',
        `  url: '${schema.url}'`,
        '  account: run-host',
        '  shipEverySeconds: 1',
        '',
      ].join('\n'),
    );
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('QINGQUN_')));
    const child: ChildProcess = spawn(process.execPath, [BIN, '--db', db, '--config', config, 'run'], {
      env: { ...clean, QINGQUN_LOG_LEVEL: 'warn', WECHATY_PUPPET: '' },
    });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      output += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      output += d;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let shipped = false;
      for (let i = 0; i < 600 && !shipped; i++) {
        await new Promise((r) => setTimeout(r, 200));
        const url = /health at (\S+)/.exec(output)?.[1];
        if (!url) continue;
        const health = (await (await fetch(url)).json()) as {
          tasks: { ship?: { runs: number; lastError: string | null } };
        };
        expect(health.tasks.ship?.lastError ?? null, output).toBeNull();
        shipped = (health.tasks.ship?.runs ?? 0) >= 1;
      }
      expect(shipped, output).toBe(true);
    } finally {
      child.kill('SIGTERM');
      expect(await exited, output).toBe(0);
    }
    const spool = new Store(db, { readonly: true });
    try {
      const local = spool.db.prepare('SELECT COUNT(*) FROM messages').pluck().get();
      const { rows } = await central.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM messages');
      expect(rows[0]?.n).toBe(local);
      const outbox = spool.db.prepare('SELECT dedupe_key, state FROM outbox').all();
      expect(outbox).toEqual([{ dedupe_key: 'digest:2026-W44:owner:u-0001:part:1', state: 'queued' }]);
    } finally {
      spool.close();
      await central.close();
    }
  }, 240_000);
});
