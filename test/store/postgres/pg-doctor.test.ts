import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { pgReachable, testSchema } from './pg-test-server.js';

const SLOW = 600_000;

/** The `rows:` line of doctor's text as a table → count map. */
function rows(stdout: string): Record<string, number> {
  const line = stdout.split('\n').find((l) => l.startsWith('  rows: ')) ?? '';
  return Object.fromEntries(
    line
      .slice('  rows: '.length)
      .split(', ')
      .map((pair) => {
        const [table, n] = pair.split(' ');
        return [table, Number(n)];
      }),
  );
}

/**
 * `qingqun doctor` on PostgreSQL (issue 18): connection, schema version, row counts (the same as
 * SQLite's for the same town, plus `message_keys`), the week partitions, SQLite-only checks given
 * their PostgreSQL meaning; exit 1 when a check fails, as on SQLite.
 */
describe.skipIf(!pgReachable)('qingqun doctor --db postgres://', () => {
  const schema = testSchema('doctor');
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-pg-doctor-'));
  const town = join(dir, 'town.jsonl');
  const sqlite = join(dir, 'q.sqlite');
  const cli = (args: string[], locale = 'en') => runCli([...args, '--locale', locale]);
  afterAll(() => schema.drop());

  beforeAll(() => {
    expect(cli(['simulate', '--seed', '3', '--groups', '10', '--weeks', '2', '--out', town]).code).toBe(0);
    expect(cli(['import', town, '--db', sqlite]).code).toBe(0);
    expect(cli(['import', town, '--db', schema.url]).code).toBe(0);
  }, SLOW);

  it(
    'says ok with the row counts of SQLite, the partitions and what does not apply; exit 0',
    async () => {
      const p = cli(['doctor', '--db', schema.url]);
      expect(p.stderr).toBe('');
      expect(p.code).toBe(0);
      const lines = p.stdout.split('\n');
      expect(lines[0]).toBe(`${schema.url}: ok`);
      expect(p.stdout).toMatch(/^ {2}server: PostgreSQL \d+/m);
      expect(p.stdout).toContain('message_keys match the messages');
      expect(p.stdout).toContain('foreign keys: always enforced by PostgreSQL');
      expect(p.stdout).toMatch(/^ {2}schema version: (\d+) \(this qingqun: \1\)$/m);
      expect(p.stdout).toContain('permissions: not applicable');
      const s = cli(['doctor', '--db', sqlite]);
      expect(s.code).toBe(0);
      const { message_keys: keys, ...pgCounts } = rows(p.stdout);
      expect(pgCounts).toEqual(rows(s.stdout));
      expect(keys).toBe(pgCounts.messages);
      expect(pgCounts.messages).toBeGreaterThan(0);

      const partitions = await schema.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'messages'::regclass ORDER BY 1`,
      );
      const json = JSON.parse(cli(['doctor', '--db', schema.url, '--format', 'json']).stdout) as {
        ok: boolean;
        engine: string;
        partitions: { count: number; first: { name: string }; last: { name: string } };
      };
      expect(json).toMatchObject({
        ok: true,
        engine: 'postgres',
        partitions: {
          count: partitions.length,
          first: { name: partitions[0]?.name },
          last: { name: partitions.at(-1)?.name },
        },
      });
      expect(p.stdout).toContain(`week partitions: ${partitions.length}, first ${partitions[0]?.name} (`);
      expect(cli(['doctor', '--db', schema.url], 'zh-CN').stdout).toMatch(/：正常\n[\s\S]*按周分区：\d+ 个/);
    },
    SLOW,
  );

  it(
    'exits 1 naming the problem when message_keys and messages disagree',
    async () => {
      await schema.query(
        'DELETE FROM message_keys WHERE (source, source_id) IN (SELECT source, source_id FROM message_keys LIMIT 1)',
      );
      const p = cli(['doctor', '--db', schema.url]);
      expect(p.code).toBe(1);
      expect(p.stdout.split('\n')[0]).toBe(`${schema.url}: PROBLEMS FOUND`);
      expect(p.stdout).toContain('message_keys DO NOT match the messages');
    },
    SLOW,
  );

  it(
    'an empty schema or an unreachable server: one catalogued line, exit 1, nothing created',
    async () => {
      const empty = testSchema('doctor_empty');
      const r = cli(['doctor', '--db', empty.url]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('is empty')]);
      expect(await schema.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [empty.name])).toEqual([]);
      const down = cli(['doctor', '--db', 'postgres://u:secret@127.0.0.1:1/none']);
      expect(down.code).toBe(1);
      expect(down.stderr.trim().split('\n')).toHaveLength(1);
      expect(down.stderr).not.toContain('secret');
    },
    SLOW,
  );
});
