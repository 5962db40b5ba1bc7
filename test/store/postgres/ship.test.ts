/**
 * Shipping spools into one PostgreSQL (issue 18, item 2), on the real server: three simulated bot
 * accounts with overlapping groups record into their own SQLite spools and ship to one central
 * store, which must then hold exactly what one SQLite store holds after importing all the data;
 * shipping again adds nothing; a digest queued centrally reaches the outbox of the right host, once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../../../src/ingest/jsonl/import-jsonl.js';
import { writeSimulation } from '../../../src/ingest/simulate/write-simulation.js';
import { readAssignments } from '../../../src/store/postgres/assignments.js';
import {
  accountReaching,
  pullCentral,
  queueCentral,
  queueThroughReachingAccounts,
} from '../../../src/store/postgres/central-outbox.js';
import { ensureCentralTables } from '../../../src/store/postgres/central-tables.js';
import { PgDatabase } from '../../../src/store/postgres/pg-database.js';
import { ShipBusyError, type ShipCounts, shipSpool } from '../../../src/store/postgres/ship.js';
import { Store } from '../../../src/store/store.js';
import { runCli } from '../../cli/run-cli.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { pgReachable, type TestSchema, testSchema } from './pg-test-server.js';

const ACCOUNTS = ['acct-a', 'acct-b', 'acct-c'] as const;
const NOW = Date.parse('2026-11-20T00:00:00Z');

interface Town {
  dir: string;
  /** The one store holding all the data. */
  whole: Store;
  spools: Map<string, Store>;
  /** group id → the accounts whose spool holds it. */
  holders: Map<string, string[]>;
}

/**
 * Splits a simulated town between three accounts: each group is in one account's spool, every
 * fourth also in the next account's. In a shared group each spool misses some messages the other
 * has (an outage of that account), so only their union is complete.
 */
async function buildTown(): Promise<Town> {
  const dir = tempDir('qingqun-ship-');
  const townPath = join(dir, 'town.jsonl');
  await writeSimulation({ seed: 11, groups: 12, weeks: 2 }, townPath);
  const lines = readFileSync(townPath, 'utf8').split('\n').filter(Boolean);
  const records = lines.map((line) => ({
    line,
    r: JSON.parse(line) as { kind: string; id: string; groupId?: string },
  }));
  const groupIds = records.filter((x) => x.r.kind === 'group').map((x) => x.r.id);
  const holders = new Map<string, string[]>();
  groupIds.forEach((g, i) => {
    const first = ACCOUNTS[i % 3] as string;
    holders.set(g, i % 4 === 0 ? [first, ACCOUNTS[(i + 1) % 3] as string] : [first]);
  });
  const perAccount = new Map<string, string[]>(ACCOUNTS.map((a) => [a, []]));
  const seen = new Map<string, number>();
  for (const { line, r } of records) {
    if (r.kind === 'contact') for (const a of ACCOUNTS) perAccount.get(a)?.push(line);
    else if (r.kind === 'group') for (const a of holders.get(r.id) ?? []) perAccount.get(a)?.push(line);
    else if (r.kind === 'message') {
      const hs = holders.get(r.groupId as string) ?? [];
      const n = (seen.get(r.groupId as string) ?? 0) + 1;
      seen.set(r.groupId as string, n);
      hs.forEach((a, k) => {
        // Shared group: the first holder misses every 5th+1 message, the second every 5th+2.
        if (hs.length === 2 && n % 5 === k + 1) return;
        perAccount.get(a)?.push(line);
      });
    }
  }
  const whole = new Store(join(dir, 'whole.sqlite'));
  await importJsonl(whole, [townPath], { now: NOW });
  const spools = new Map<string, Store>();
  for (const a of ACCOUNTS) {
    const file = join(dir, `${a}.jsonl`);
    writeFileSync(file, `${(perAccount.get(a) ?? []).join('\n')}\n`);
    const spool = new Store(join(dir, `${a}.sqlite`));
    await importJsonl(spool, [file], { now: NOW });
    spools.set(a, spool);
  }
  // Room events, recorded by every account in the group (the same event seen twice).
  groupIds.forEach((g, i) => {
    const events = [
      { groupId: g, time: NOW - 86_400_000 + i, kind: 'join' as const, actorId: 'u-0001', detail: null },
      {
        groupId: g,
        time: NOW - 3_600_000 + i,
        kind: 'topic' as const,
        actorId: 'u-0002',
        detail: `话题 ${i}`,
      },
    ];
    for (const e of events) {
      whole.groups.recordEvent(e);
      for (const a of holders.get(g) ?? []) spools.get(a)?.groups.recordEvent(e);
    }
  });
  return { dir, whole, spools, holders };
}

const TABLE_QUERIES = {
  groups: 'SELECT id, name, owner_id, unit, created_at, first_seen, last_seen FROM groups ORDER BY id',
  contacts:
    'SELECT id, name, unit, email, wecom_user_id, opted_out_at, forgotten_at FROM contacts ORDER BY id',
  snapshots: `SELECT s.group_id, s.taken_at, s.confirmed_at, s.member_count,
      (SELECT string_agg(contact_id, ',' ORDER BY contact_id) FROM snapshot_members m WHERE m.snapshot_id = s.id) AS members
    FROM membership_snapshots s ORDER BY s.group_id, s.taken_at, s.member_count`,
  messages: `SELECT source, source_id, group_id, sender_id, time, type, text, text_length, mention_all, mention_ids,
      link_title, link_url, link_description, file_name, file_size, file_hash, app_title, app_name, text_class,
      reply_number, fingerprint, quote_message_id, quote_sender_id, quote_sender_name, quote_excerpt
    FROM messages ORDER BY source, source_id`,
  roomEvents: 'SELECT group_id, time, kind, actor_id, detail FROM room_events ORDER BY group_id, time, kind',
};

/** SQLite's group_concat has no ORDER BY before 3.44: the same query with the members sorted in JS. */
function sqliteRows(store: Store, sql: string): unknown[] {
  const sqliteSql = sql.replace(
    "(SELECT string_agg(contact_id, ',' ORDER BY contact_id) FROM snapshot_members m WHERE m.snapshot_id = s.id)",
    "(SELECT group_concat(contact_id, ',') FROM (SELECT contact_id FROM snapshot_members m WHERE m.snapshot_id = s.id ORDER BY contact_id))",
  );
  return store.db.prepare(sqliteSql).all();
}

async function pgRows(client: PgDatabase, sql: string): Promise<unknown[]> {
  return (await client.query(sql)).rows.map((r) => ({ ...r }));
}

/** Every table's rows, one query after another (a client runs one query at a time). */
async function allPgRows(client: PgDatabase): Promise<unknown[][]> {
  const all: unknown[][] = [];
  for (const sql of Object.values(TABLE_QUERIES)) all.push(await pgRows(client, sql));
  return all;
}

describe.skipIf(!pgReachable)('shipping three spools into one PostgreSQL', () => {
  let schema: TestSchema;
  let town: Town;
  let central: PgDatabase;
  const rounds: ShipCounts[] = [];

  beforeAll(async () => {
    schema = testSchema('ship');
    town = await buildTown();
    // One connection per host, as on three machines.
    for (const a of ACCOUNTS) {
      const host = await PgDatabase.open(schema.url);
      try {
        await ensureCentralTables(host.client);
        rounds.push(await shipSpool((town.spools.get(a) as Store).db, host, { account: a, batchSize: 200 }));
      } finally {
        await host.close();
      }
    }
    central = await PgDatabase.open(schema.url);
  });

  afterAll(async () => {
    await central?.close();
    for (const s of town?.spools.values() ?? []) s.close();
    town?.whole.close();
    await schema?.drop();
  });

  it('holds exactly what one store holds after importing all the data', async () => {
    for (const [table, sql] of Object.entries(TABLE_QUERIES)) {
      const expected = sqliteRows(town.whole, sql);
      expect(expected.length, table).toBeGreaterThan(0);
      expect(await pgRows(central, sql), table).toEqual(expected);
    }
    // Shared groups' messages came from both spools: each holder added what the other missed.
    expect(rounds.every((r) => r.messages.added > 0)).toBe(true);
  });

  it("gives the central report of every week byte for byte as one store's", () => {
    for (const week of ['2026-W44', '2026-W45']) {
      const cli = (db: string) =>
        runCli(['report', '--db', db, '--week', week, '--format', 'json', '--locale', 'en']);
      const one = cli(town.whole.path);
      expect(one.code, one.stderr).toBe(0);
      expect(one.stdout).toContain('"week"');
      const shipped = cli(schema.url);
      expect(shipped.stderr).toBe('');
      expect(shipped.stdout).toBe(one.stdout);
    }
  }, 300_000);

  it('assigns each group to one account that holds it; the others skip its rosters and events', async () => {
    const assignments = await readAssignments(central.client);
    expect([...assignments.keys()].sort()).toEqual([...town.holders.keys()].sort());
    for (const [group, account] of assignments) expect(town.holders.get(group)).toContain(account);
    const shared = [...town.holders.values()].filter((h) => h.length === 2).length;
    expect(shared).toBeGreaterThan(0);
    const skippedEvents = rounds.reduce((n, r) => n + r.roomEvents.skipped, 0);
    expect(skippedEvents).toBe(shared * 2);
    expect(rounds.reduce((n, r) => n + r.snapshots.skipped, 0)).toBe(shared);
  });

  it('adds nothing when every spool ships again', async () => {
    const before = await allPgRows(central);
    for (const a of ACCOUNTS) {
      const again = await shipSpool((town.spools.get(a) as Store).db, central, { account: a });
      expect(again.messages.sent + again.snapshots.sent + again.roomEvents.sent).toBe(0);
    }
    // Cursors reset (a spool re-created, an operator's reset): everything is sent, nothing added.
    await central.query('DELETE FROM ship_cursors');
    for (const a of ACCOUNTS) {
      const resent = await shipSpool((town.spools.get(a) as Store).db, central, { account: a });
      expect(resent.messages.sent).toBeGreaterThan(0);
      expect([resent.messages.added, resent.snapshots.added, resent.roomEvents.added]).toEqual([0, 0, 0]);
    }
    const after = await allPgRows(central);
    expect(after).toEqual(before);
  });

  it('routes central items to the account reaching each recipient, and names the unreachable', async () => {
    const items = ['u-0004', 'nobody-here'].map((recipientId) => ({
      dedupeKey: `audit:2026-W45:${recipientId}`,
      recipientId,
      content: { kind: 'text' as const, text: '审计' },
    }));
    const r = await queueThroughReachingAccounts(central.client, items, NOW);
    expect(r).toEqual({ queued: 1, unreachable: ['nobody-here'] });
    const { rows } = await central.query<{ account: string }>(
      'SELECT account FROM central_outbox WHERE dedupe_key = $1',
      ['audit:2026-W45:u-0004'],
    );
    expect(rows[0]?.account).toBe(await accountReaching(central.client, 'u-0004'));
    await central.query('DELETE FROM central_outbox');
  });

  it('refuses a second shipper of the same account while one holds the spool', async () => {
    const account = ACCOUNTS[1];
    const spool = (town.spools.get(account) as Store).db;
    const other = await PgDatabase.open(schema.url);
    try {
      await other.query(
        "SELECT pg_advisory_lock(hashtext('qingqun:ship'), hashtext(current_schema() || ':' || $1))",
        [account],
      );
      await expect(shipSpool(spool, central, { account })).rejects.toBeInstanceOf(ShipBusyError);
    } finally {
      await other.close();
    }
    // The lock went with the other session.
    await expect(shipSpool(spool, central, { account })).resolves.toMatchObject({ batches: 0 });
  });

  it("ships new rows of a later round, and a roster's later confirmation", async () => {
    const a = ACCOUNTS[0];
    const spool = town.spools.get(a) as Store;
    const assignments = await readAssignments(central.client);
    const group = [...assignments].find(([, acct]) => acct === a)?.[0] as string;
    const members = spool.db
      .prepare(
        'SELECT contact_id FROM snapshot_members WHERE snapshot_id = (SELECT MAX(id) FROM membership_snapshots WHERE group_id = ?)',
      )
      .pluck()
      .all(group) as string[];
    expect(spool.snapshots.record(group, NOW + 1_000, members)).toBe('unchanged');
    spool.messages.insert({
      source: 'jsonl',
      id: 'late-1',
      groupId: group,
      senderId: 'u-0001',
      time: NOW,
      type: 'text',
      text: '收到',
      mentionAll: false,
      mentionIds: [],
      link: null,
      file: null,
      miniprogram: null,
    });
    const r = await shipSpool(spool.db, central, { account: a });
    expect([r.messages.sent, r.messages.added, r.confirmations]).toEqual([1, 1, 1]);
    const confirmed = await central.query(
      'SELECT MAX(confirmed_at) AS c FROM membership_snapshots WHERE group_id = $1',
      [group],
    );
    expect(confirmed.rows[0]?.c).toBe(NOW + 1_000);
  });

  it('puts a central digest into the outbox of the host that reaches its recipient, once', async () => {
    const recipient = 'u-0003';
    const account = await accountReaching(central.client, recipient);
    expect(ACCOUNTS).toContain(account);
    const item = {
      account: account as string,
      dedupeKey: 'digest:2026-W45:owner:u-0003:part:1',
      recipientId: recipient,
      content: { kind: 'text' as const, text: '本周群务周报' },
    };
    expect(await queueCentral(central.client, [item], NOW)).toBe(1);
    expect(await queueCentral(central.client, [item], NOW)).toBe(0);
    for (const round of [1, 2]) {
      for (const a of ACCOUNTS) {
        const outbox = (town.spools.get(a) as Store).outbox;
        const pulled = await pullCentral(central.client, a, (items) => outbox.enqueue(items, NOW), NOW);
        expect(pulled.queued, `${a} round ${round}`).toBe(a === account && round === 1 ? 1 : 0);
      }
    }
    // A crash after the local enqueue and before the central mark: pulled again, queued not twice.
    await central.query('UPDATE central_outbox SET pulled_at = NULL');
    const host = (town.spools.get(account as string) as Store).outbox;
    const again = await pullCentral(
      central.client,
      account as string,
      (items) => host.enqueue(items, NOW),
      NOW,
    );
    expect([again.pulled, again.queued]).toEqual([1, 0]);
    for (const a of ACCOUNTS) {
      const n = (town.spools.get(a) as Store).db.prepare('SELECT COUNT(*) FROM outbox').pluck().get();
      expect(n, a).toBe(a === account ? 1 : 0);
    }
  });
});
