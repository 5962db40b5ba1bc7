import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { pgReachable, testSchema } from './pg-test-server.js';

/** Each step runs the real CLI several times (seconds each on a busy machine). */
const SLOW = 600_000;

/**
 * `qingqun forget` on PostgreSQL (issue 18, the privacy gap of the central store): the same lines as
 * on SQLite for the same town, and afterwards no row of any table in the schema (partitions,
 * message_keys, snapshots, room events, quotes, outbox…) holds the member's id or name, except their
 * own contacts row, which keeps the bare id so that nothing new is tied to them (docs/PRIVACY.md).
 */
describe.skipIf(!pgReachable)('qingqun forget --db postgres://', () => {
  const schema = testSchema('forget');
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-pg-forget-'));
  const town = join(dir, 'town.jsonl');
  const sqlite = join(dir, 'q.sqlite');
  const cli = (args: string[], locale = 'en') => runCli([...args, '--locale', locale]);
  let member: { id: string; name: string };
  afterAll(() => schema.drop());

  beforeAll(() => {
    expect(cli(['simulate', '--seed', '7', '--groups', '10', '--weeks', '2', '--out', town]).code).toBe(0);
    expect(cli(['import', town, '--db', sqlite]).code).toBe(0);
    expect(cli(['import', town, '--db', schema.url]).code).toBe(0);
    // The busiest sender who is @-mentioned by others and owns no group (ownership is kept by design),
    // whose name is in no group's name and no other sender's words (a notice naming them as contact
    // person is its sender's text: forget leaves it, on either engine; docs/PRIVACY.md).
    const db = new Database(sqlite, { readonly: true });
    member = db
      .prepare(
        `SELECT c.id, c.name FROM contacts c JOIN messages m ON m.sender_id = c.id
         WHERE c.id NOT IN (SELECT owner_id FROM groups WHERE owner_id IS NOT NULL)
           AND EXISTS (SELECT 1 FROM messages x WHERE instr(x.mention_ids, '"' || c.id || '"') > 0)
           AND NOT EXISTS (SELECT 1 FROM groups g WHERE instr(g.name, c.name) > 0)
           AND NOT EXISTS (SELECT 1 FROM messages x WHERE x.sender_id IS NOT c.id
             AND instr(COALESCE(x.text, '') || COALESCE(x.link_title, '') || COALESCE(x.link_description, '')
               || COALESCE(x.file_name, '') || COALESCE(x.app_title, ''), c.name) > 0)
         GROUP BY c.id ORDER BY COUNT(*) DESC, c.id LIMIT 1`,
      )
      .get() as { id: string; name: string };
    db.close();
    expect(member.name).not.toBe('');
  }, SLOW);

  /** Every row of every table in the schema, as PostgreSQL's text form of the whole row. */
  async function rowsHolding(text: string): Promise<{ table: string; row: string }[]> {
    const tables = await schema.query<{ t: string }>(
      'SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1',
    );
    expect(tables.map((r) => r.t)).toEqual(
      expect.arrayContaining(['messages', 'message_keys', 'snapshot_members', 'room_events', 'outbox']),
    );
    const found: { table: string; row: string }[] = [];
    for (const { t } of tables) {
      for (const { row } of await schema.query<{ row: string }>(`SELECT x::text AS row FROM "${t}" x`)) {
        if (row.includes(text)) found.push({ table: t, row });
      }
    }
    return found;
  }

  it(
    'describes the member alike; --dry-run changes nothing',
    async () => {
      const s = cli(['forget', member.id, '--dry-run', '--db', sqlite]);
      const p = cli(['forget', member.id, '--dry-run', '--db', schema.url]);
      expect(s.code).toBe(0);
      expect(s.stdout).toMatch(/^Stored about u-\d+: \d+ groups, [1-9]\d* messages[\s\S]*Dry run/);
      expect(p).toEqual(s);
      expect((await rowsHolding(member.name)).length).toBeGreaterThan(0);
      expect((await rowsHolding(`"${member.id}"`)).map((r) => r.table)).toContain('messages');
    },
    SLOW,
  );

  it(
    'forgets with the same counts as SQLite, leaving no row with their id or name',
    async () => {
      const s = cli(['forget', member.id, '--db', sqlite], 'zh-CN');
      const p = cli(['forget', member.id, '--db', schema.url], 'zh-CN');
      expect(s.code).toBe(0);
      expect(s.stdout).toMatch(/已删除：[1-9]\d* 条消息只保留匿名条数；从 [1-9]\d* 条消息的 @ 中移除/);
      expect(p).toEqual(s);
      expect(await rowsHolding(member.name)).toEqual([]);
      const left = await rowsHolding(member.id);
      expect(left.map((r) => r.table)).toEqual(['contacts']);
      expect(
        await schema.query('SELECT name, unit, email, wecom_user_id FROM contacts WHERE id = $1', [
          member.id,
        ]),
      ).toEqual([{ name: '', unit: null, email: null, wecom_user_id: null }]);
      // Anonymous counts stay: the town's message total is unchanged.
      expect(cli(['stats', '--db', schema.url, '--json']).stdout).toBe(
        cli(['stats', '--db', sqlite, '--json']).stdout,
      );
    },
    SLOW,
  );

  it(
    'then describes them alike again, and says the same for an unknown id',
    () => {
      for (const id of [member.id, 'u-nobody']) {
        const s = cli(['forget', id, '--dry-run', '--db', sqlite]);
        expect(cli(['forget', id, '--dry-run', '--db', schema.url])).toEqual(s);
      }
      expect(cli(['forget', 'u-nobody', '--db', schema.url]).stdout.trim()).toBe(
        'Nothing is stored about u-nobody.',
      );
    },
    SLOW,
  );
});
