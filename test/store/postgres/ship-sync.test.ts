/**
 * What a ship round carries besides recorded rows (issue 18; docs/SCALING.md, "Answers and erasure
 * across hosts"), on the real server: a digest queued centrally can be answered with 采纳 1 on the
 * host that sent it, and the answer reaches the central store, whose next digest no longer offers the
 * advice; `forget` on one host erases the member centrally and on the other host, and `forget` on the
 * central store erases them on the hosts at their next round.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { createConversation } from '../../../src/converse/create-conversation.js';
import { SimulatedClock } from '../../../src/deliver/simulated-clock.js';
import { importJsonl } from '../../../src/ingest/jsonl/import-jsonl.js';
import { writeSimulation } from '../../../src/ingest/simulate/write-simulation.js';
import { openStoreReads } from '../../../src/store/contract.js';
import { PgDatabase } from '../../../src/store/postgres/pg-database.js';
import { forgetMemberPg } from '../../../src/store/postgres/pg-maintenance.js';
import {
  describeShipRound,
  type ShipRoundResult,
  shipRound,
} from '../../../src/store/postgres/ship-round.js';
import { withErasuresHeld } from '../../../src/store/postgres/ship-sync.js';
import { Store } from '../../../src/store/store.js';
import { recommendStoredWeek } from '../../../src/weeks/stored-week.js';
import { runCli } from '../../cli/run-cli.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { pgReachable, type TestSchema, testSchema } from './pg-test-server.js';

const SLOW = 600_000;
const NOW = Date.parse('2026-11-24T10:00:00+08:00'); // in 2026-W48; the data covers W44..W47

describe.skipIf(!pgReachable)('answers and erasure travel with the ship round', () => {
  let schema: TestSchema;
  let hostA: Store;
  let hostB: Store;
  const config = configSchema.parse({});
  let clock = NOW;
  const round = (store: Store, account: string): Promise<ShipRoundResult> => {
    clock += 60_000;
    const at = clock;
    return shipRound(store, schema.url, { account, now: () => at });
  };

  beforeAll(async () => {
    schema = testSchema('sync');
    const dir = tempDir('qingqun-ship-sync-');
    const sim = await writeSimulation({}, join(dir, 'sim.jsonl'));
    // Two hosts whose accounts sit in every group: A ships first and records them all centrally.
    hostA = new Store(join(dir, 'a.sqlite'));
    hostB = new Store(join(dir, 'b.sqlite'));
    await importJsonl(hostA, [sim.path], { now: NOW });
    await importJsonl(hostB, [sim.path], { now: NOW });
    await round(hostA, 'acct-a');
    await round(hostB, 'acct-b');
  }, SLOW);

  afterAll(async () => {
    hostA?.close();
    hostB?.close();
    await schema?.drop();
  });

  const centralIssued = async (owner: string, week: string) =>
    (
      await schema.query<{ id: string }>(
        'SELECT recommendation_id AS id FROM issued_recommendations WHERE owner_id = $1 AND week = $2 ORDER BY number',
        [owner, week],
      )
    ).map((r) => r.id);

  it(
    'takes 采纳 1 on the host to a central digest, and the next central digest does not offer it again',
    async () => {
      // Owners whose first advice of W46 would be offered again in W47 (no answer stored anywhere yet).
      const openIn = (week: string) =>
        new Set(
          recommendStoredWeek(hostA, config, week)
            .recommendations.filter((r) => r.status === 'open')
            .map((r) => r.id),
        );
      const digest = (week: string) =>
        runCli(['digest', '--week', week, '--db', schema.url, '--locale', 'en']);
      const first = digest('2026-W46');
      expect(first.code, first.stderr).toBe(0);
      const open47 = openIn('2026-W47');
      const owners = await schema.query<{ owner: string; id: string }>(
        `SELECT owner_id AS owner, recommendation_id AS id FROM issued_recommendations
         WHERE week = '2026-W46' AND number = 1 ORDER BY owner_id`,
      );
      const recurring = owners.filter((o) => open47.has(o.id));
      expect(recurring.length).toBeGreaterThanOrEqual(2);
      const [answering, control] = recurring as [
        { owner: string; id: string },
        { owner: string; id: string },
      ];

      // Before the round the host knows nothing of the digest: 采纳 1 finds nothing.
      const conversation = createConversation({
        store: hostA,
        config,
        queue: { enqueue: (items) => items.map(() => 'queued') },
        clock: new SimulatedClock(clock),
      });
      expect((await conversation.respond(answering.owner, '采纳 1'))?.outcome).not.toBe('answered');

      const pulled = await round(hostA, 'acct-a');
      expect(pulled.issued).toBeGreaterThanOrEqual(2);
      expect(pulled.pulled.queued).toBeGreaterThan(0);
      // A second round copies nothing again.
      expect((await round(hostA, 'acct-a')).issued).toBe(0);

      const answerClock = new SimulatedClock(clock + 1_000);
      const onHost = createConversation({
        store: hostA,
        config,
        queue: { enqueue: (items) => items.map(() => 'queued') },
        clock: answerClock,
      });
      const reply = await onHost.respond(answering.owner, '采纳 1');
      expect(reply?.outcome).toBe('answered');

      const shipped = await round(hostA, 'acct-a');
      expect(shipped.shipped.statuses).toEqual({ sent: 1, applied: 1 });
      expect(describeShipRound(shipped, 'acct-a', 'en')).toMatch(/answers 1 sent \(1 new centrally\)/);
      expect(describeShipRound(shipped, 'acct-a', 'zh-CN')).toMatch(/上送建议答复 1 条（中心更新 1）/);
      // Sent again at the cursor's millisecond, it changes nothing.
      expect((await round(hostA, 'acct-a')).shipped.statuses.applied).toBe(0);

      const reads = await openStoreReads(schema.url);
      try {
        const statuses = await reads.recommendationStatuses();
        expect(statuses.find((s) => s.id === answering.id)).toMatchObject({
          status: 'accepted',
          week: '2026-W46',
        });
        expect(statuses.find((s) => s.id === control.id)).toBeUndefined();
      } finally {
        await (reads as unknown as { close(): Promise<void> }).close();
      }

      const second = digest('2026-W47');
      expect(second.code, second.stderr).toBe(0);
      expect(await centralIssued(answering.owner, '2026-W47')).not.toContain(answering.id);
      // The owner who did not answer is offered the same advice again: the check above can fail.
      expect(await centralIssued(control.owner, '2026-W47')).toContain(control.id);
    },
    SLOW,
  );

  const backendPid = async (db: PgDatabase) =>
    Number((await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);

  /** An id, not the start of a longer one. */
  const idOf = (id: string) => new RegExp(`${id}(?![0-9])`);

  /** Every row of every table of a spool, as JSON, that contains `text`. */
  const spoolRowsHolding = (store: Store, text: string | RegExp) => {
    const tables = store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    const found: { table: string; row: string }[] = [];
    for (const t of tables) {
      for (const row of store.db.prepare(`SELECT * FROM "${t}"`).all()) {
        const json = JSON.stringify(row);
        if (typeof text === 'string' ? json.includes(text) : text.test(json))
          found.push({ table: t, row: json });
      }
    }
    return found;
  };

  /** As pg-forget.test.ts: every row of every central table whose text form contains `text`. */
  const centralRowsHolding = async (text: string | RegExp) => {
    const tables = await schema.query<{ t: string }>(
      'SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1',
    );
    const found: { table: string; row: string }[] = [];
    for (const { t } of tables) {
      for (const { row } of await schema.query<{ row: string }>(`SELECT x::text AS row FROM "${t}" x`)) {
        if (typeof text === 'string' ? row.includes(text) : text.test(row)) found.push({ table: t, row });
      }
    }
    return found;
  };

  /**
   * Busy senders who own no group and whose name appears in nobody else's words or any group's name
   * (forget leaves others' texts as they are, on either engine: docs/PRIVACY.md).
   */
  const members = () =>
    hostA.db
      .prepare(
        `SELECT c.id, c.name FROM contacts c JOIN messages m ON m.sender_id = c.id
         WHERE c.name != '' AND c.forgotten_at IS NULL
           AND c.id NOT IN (SELECT owner_id FROM groups WHERE owner_id IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM groups g WHERE instr(g.name, c.name) > 0)
           AND NOT EXISTS (SELECT 1 FROM messages x WHERE x.sender_id IS NOT c.id
             AND instr(COALESCE(x.text, '') || COALESCE(x.link_title, '') || COALESCE(x.link_description, '')
               || COALESCE(x.file_name, '') || COALESCE(x.app_title, '') || COALESCE(x.quote_excerpt, ''), c.name) > 0)
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE instr(COALESCE(o.payload, ''), c.name) > 0)
         GROUP BY c.id ORDER BY COUNT(*) DESC, c.id LIMIT 2`,
      )
      .all() as { id: string; name: string }[];

  it(
    'erases a member forgotten on host A centrally, and on host B at its next round',
    async () => {
      const [member] = members();
      if (!member) throw new Error('no member to forget');
      expect((await centralRowsHolding(member.name)).length).toBeGreaterThan(0);
      expect(spoolRowsHolding(hostB, member.name).length).toBeGreaterThan(0);

      hostA.privacy.forget(member.id, clock);
      const a = await round(hostA, 'acct-a');
      expect([a.shipped.erasedCentrally, a.shipped.erasedHere]).toEqual([1, 0]);
      expect(describeShipRound(a, 'acct-a', 'en')).toMatch(
        /erased 1 member\(s\) forgotten here centrally, 0/,
      );
      expect(await centralRowsHolding(member.name)).toEqual([]);
      expect((await centralRowsHolding(idOf(member.id))).map((r) => r.table).sort()).toEqual([
        'contacts',
        'forgotten_members',
      ]);

      const b = await round(hostB, 'acct-b');
      expect([b.shipped.erasedCentrally, b.shipped.erasedHere]).toEqual([0, 1]);
      expect(spoolRowsHolding(hostB, member.name)).toEqual([]);
      expect(spoolRowsHolding(hostB, idOf(member.id)).map((r) => r.table)).toEqual(['contacts']);
      // Host A's own erasure comes back to it as done: nothing is erased twice.
      expect((await round(hostA, 'acct-a')).shipped.erasedHere).toBe(0);
      expect((await round(hostB, 'acct-b')).shipped.erasedHere).toBe(0);
      expect(await centralRowsHolding(member.name)).toEqual([]);
    },
    SLOW,
  );

  it(
    'erases a member forgotten on the central store from both spools at their next rounds',
    async () => {
      const [member] = members();
      if (!member) throw new Error('no member to forget');
      expect(spoolRowsHolding(hostB, member.name).length).toBeGreaterThan(0);
      const forgot = runCli(['forget', member.id, '--db', schema.url, '--locale', 'en']);
      expect(forgot.code, forgot.stderr).toBe(0);
      expect(await centralRowsHolding(member.name)).toEqual([]);

      const b = await round(hostB, 'acct-b');
      expect([b.shipped.erasedCentrally, b.shipped.erasedHere]).toEqual([0, 1]);
      expect(describeShipRound(b, 'acct-b', 'zh-CN')).toMatch(/中心已遗忘的 1 人已在本机删除/);
      expect(spoolRowsHolding(hostB, member.name)).toEqual([]);
      expect(spoolRowsHolding(hostB, idOf(member.id)).map((r) => r.table)).toEqual(['contacts']);
      const a = await round(hostA, 'acct-a');
      expect(a.shipped.erasedHere).toBe(1);
      expect(spoolRowsHolding(hostA, member.name)).toEqual([]);
      // What the hosts ship afterwards brings nothing of them back.
      expect(await centralRowsHolding(member.name)).toEqual([]);
    },
    SLOW,
  );
  it(
    'makes a central forget wait for a round that is shipping, so the round ships nothing of the member',
    async () => {
      const [member] = members();
      if (!member) throw new Error('no member to forget');
      const roundSide = await PgDatabase.open(schema.url);
      const forgetSide = await PgDatabase.open(schema.url);
      try {
        // Asked before: a client runs one query at a time, and the forget will be waiting.
        const forgetPid = await backendPid(forgetSide);
        let forgotten = false;
        let waiting!: Promise<unknown>;
        const inFlight = withErasuresHeld(roundSide.client, async () => {
          waiting = forgetMemberPg(forgetSide, member.id, clock).then(() => {
            forgotten = true;
          });
          // The forget is queued on the erasure key (not on anything else) while the round holds it.
          // (A forget that did not wait would end the loop with `forgotten` true, failing below.)
          for (;;) {
            if (forgotten) break;
            const r = await roundSide.query<{ n: number }>(
              `SELECT COUNT(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                 AND pid = $1`,
              [forgetPid],
            );
            if (r.rows[0]?.n === 1) break;
            await new Promise((resolve) => setImmediate(resolve));
          }
          expect(forgotten).toBe(false);
          // It waits before writing anything: holding no row a shipping round may need (a contact), it
          // cannot deadlock with one.
          const writes = await roundSide.query<{ n: number }>(
            "SELECT COUNT(*)::int AS n FROM pg_locks WHERE pid = $1 AND mode = 'RowExclusiveLock'",
            [forgetPid],
          );
          expect(writes.rows[0]?.n).toBe(0);
        });
        await inFlight;
        await waiting;
        expect(forgotten).toBe(true);
        expect(await centralRowsHolding(member.name)).toEqual([]);
        expect((await round(hostB, 'acct-b')).shipped.erasedHere).toBe(1);
        expect(spoolRowsHolding(hostB, member.name)).toEqual([]);
      } finally {
        await roundSide.close();
        await forgetSide.close();
      }
    },
    SLOW,
  );
});
